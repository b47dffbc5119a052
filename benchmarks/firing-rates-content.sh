#!/usr/bin/env bash
# Firing rates of the content and length rules of issue 4 owned by this script (C004–C008, L001) on the real
# datasets in ../shared/datasets/ (or DIR): for each dataset and rule, the share of records with at least one
# finding, from `sftlint check --select CODE --format json` on the release binary. Warning rules above 2% on a
# dataset need a fix or a reason in benchmarks/README.md.
#
# usage: benchmarks/firing-rates-content.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/datasets}
[ -d "$dir" ] || dir=/work/shared/datasets
codes=(C004 C005 C006 C007 C008 L001)
swift build -c release --product sftlint >/dev/null
bin=.build/release/sftlint

printf '| dataset | records |'
for code in "${codes[@]}"; do printf ' %s |' "$code"; done
printf '\n|---|---|'
for _ in "${codes[@]}"; do printf -- '---|'; done
printf '\n'
for file in "$dir"/*.json "$dir"/*.jsonl; do
    [ -f "$file" ] || continue
    printf '| %s |' "$(basename "$file")"
    first=1
    for code in "${codes[@]}"; do
        "$bin" check "$file" --select "$code" --format json --exit-zero >/tmp/sftlint-rates.json
        line=$(python3 - "$code" <<'PY'
import json, sys
report = json.load(open("/tmp/sftlint-rates.json"))
code = sys.argv[1]
records = report["summary"]["records"]
flagged = {(f["path"], f["record"]) for f in report["findings"] if f["code"] == code and f["record"] is not None}
share = 100 * len(flagged) / max(records, 1)
print(f"{records} {len(flagged)} {share:.2f}%")
PY
)
        read -r records count share <<<"$line"
        if [ "$first" = 1 ]; then printf ' %s |' "$records"; first=0; fi
        printf ' %s (%s) |' "$share" "$count"
    done
    printf '\n'
done
