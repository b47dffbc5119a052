#!/usr/bin/env bash
# Firing rates of rules on real datasets: for each dataset and rule, the share of records with at least one
# finding of that rule. Precision matters more than recall for warnings: a warning rule above 2% on a clean
# dataset must be investigated (and fixed or justified) before it ships.
#
# usage: benchmarks/firing-rates.sh [RULE...]
#   RULE: codes (default: every rule); datasets from $DATASETS (default: ../shared/datasets next to the repository)
# Prints a Markdown table: one row a dataset, one column a rule, "n (p%)" in each cell; rates above 2% are bold.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${DATASETS:-../shared/datasets}
swift build -c release --product sftlint >/dev/null
bin=.build/release/sftlint
if [ $# -gt 0 ]; then
    codes=("$@")
else
    mapfile -t codes < <("$bin" rules --format json | python3 -c 'import json,sys; print("\n".join(r["code"] for r in json.load(sys.stdin)))')
fi

printf '| dataset | records |'
for code in "${codes[@]}"; do printf ' %s |' "$code"; done
printf '\n|---|---|'
for _ in "${codes[@]}"; do printf -- '---|'; done
printf '\n'
for file in "$datasets"/*.json "$datasets"/*.jsonl; do
    [ -f "$file" ] || continue
    cells=""
    records=0
    for code in "${codes[@]}"; do
        # "RECORDS CELL": records in the file, then flagged records and their share.
        result=$("$bin" check "$file" --select "$code" --max-findings-per-rule 0 --format json --exit-zero | python3 -c '
import json, sys
report = json.load(sys.stdin)
code = sys.argv[1]
records = report["summary"]["records"]
flagged = {(f["path"], f["record"]) for f in report["findings"] if f["code"] == code and f["record"] is not None}
rate = 100 * len(flagged) / max(records, 1)
cell = f"{len(flagged)} ({rate:.2f}%)"
print(records, f"**{cell}**" if rate > 2 else cell)' "$code")
        records=${result%% *}
        cells+=" ${result#* } |"
    done
    printf '| %s | %s |%s\n' "$(basename "$file")" "$records" "$cells"
done
