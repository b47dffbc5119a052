#!/usr/bin/env bash
# Benchmarks `sftlint check` on a generated 1,000,000-record Alpaca JSONL (about 700 MB): wall time and peak
# memory, beside `wc -l` and `cat` on the same file for scale; then how many of the planted copies and
# paraphrases the duplicate rules find, and the bytes per record their state keeps. Results go to stdout; copy
# them into benchmarks/README.md with the commit they were measured at.
#
# usage: benchmarks/run.sh [N]      (N records, default 1,000,000; the files are cached in benchmarks/data/)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
data=benchmarks/data/alpaca-$n.jsonl
planted=benchmarks/data/alpaca-$n.planted.tsv
eval=benchmarks/data/alpaca-$n.eval.jsonl
mkdir -p benchmarks/data
if [ ! -f "$data" ]; then
    echo "generating $data"
    python3 benchmarks/generate_alpaca.py "$data" "$n" "$planted"
elif [ ! -f "$planted" ]; then
    # The generator is deterministic: the same data again, kept only for its list of planted records.
    echo "listing the records planted in $data"
    python3 benchmarks/generate_alpaca.py "$data.tmp" "$n" "$planted"
    cmp -s "$data" "$data.tmp" || { echo "$data differs from what the generator writes" >&2; exit 1; }
    rm "$data.tmp"
fi
# An eval set for --against: every 200th record (5,000 of a million), each also in the training data.
[ -f "$eval" ] || awk 'NR % 200 == 0' "$data" >"$eval"
swift build -c release --product sftlint >/dev/null
bin=.build/release/sftlint
size=$(stat -L -c %s "$data")
echo "file: $data, $n records, $((size / 1000000)) MB, commit $(git rev-parse --short HEAD)"
cat "$data" >/dev/null  # warm the page cache so every command reads from memory

measure() {  # label, command...: best wall time of 3 runs, its CPU time (user + sys), and the peak RSS of the last
    # CPU time says what the work costs when other jobs share the cores and stretch the wall time.
    local label=$1; shift
    local best="" cpu="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S %M" -o /tmp/sftlint-bench-time "$@" >/dev/null 2>&1 || true
        read -r wall user sys kb </tmp/sftlint-bench-time
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
            best=$wall
            cpu=$(awk "BEGIN{print $user + $sys}")
        fi
        rss=$kb
    done
    local mbps
    mbps=$(awk "BEGIN{printf \"%.0f\", $size / 1000000 / $best}")
    printf '%-42s %7.2f s %7s MB/s %7.2f s cpu %8.1f MB peak\n' "$label" "$best" "$mbps" "$cpu" \
        "$(awk "BEGIN{print $rss / 1024}")"
}

measure "wc -l" wc -l "$data"
measure "cat" cat "$data"
measure "sftlint check --select J,S" "$bin" check "$data" --exit-zero --quiet --select J,S
measure "sftlint check (all rules)" "$bin" check "$data" --exit-zero --quiet
measure "sftlint check --jobs 1" "$bin" check "$data" --exit-zero --quiet --jobs 1
measure "sftlint check --against (5,000 prompts)" "$bin" check "$data" --exit-zero --quiet --against "$eval"

echo
echo "planted duplicates found (all rules, every finding listed):"
report=$(mktemp)
trap 'rm -f "$report"' EXIT
"$bin" check "$data" --exit-zero --max-findings-per-rule 0 --format json --output "$report"
python3 benchmarks/planted_recall.py "$data" "$planted" "$report"

echo
echo "duplicate-rule state (the first 200,000 records):"
SFTLINT_STATE_FILE="$PWD/$data" swift test --filter stateStaysUnder200BytesPerRecord 2>/dev/null | grep "state bytes"
