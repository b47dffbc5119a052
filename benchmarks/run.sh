#!/usr/bin/env bash
# Benchmarks `sftlint check` on a generated 1,000,000-record Alpaca JSONL (about 700 MB): wall time and peak
# memory, beside `wc -l` and `cat` on the same file for scale. Results go to stdout; copy them into
# benchmarks/README.md with the commit they were measured at.
#
# usage: benchmarks/run.sh [N]      (N records, default 1,000,000; the file is cached in benchmarks/data/)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
data=benchmarks/data/alpaca-$n.jsonl
mkdir -p benchmarks/data
if [ ! -f "$data" ]; then
    echo "generating $data"
    python3 benchmarks/generate_alpaca.py "$data" "$n"
fi
swift build -c release --product sftlint >/dev/null
bin=.build/release/sftlint
size=$(stat -L -c %s "$data")
echo "file: $data, $n records, $((size / 1000000)) MB, commit $(git rev-parse --short HEAD)"
cat "$data" >/dev/null  # warm the page cache so every command reads from memory

measure() {  # label, command...: best wall time of 3 runs and the peak RSS of the last
    local label=$1; shift
    local best="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o /tmp/sftlint-bench-time "$@" >/dev/null 2>&1 || true
        read -r wall kb </tmp/sftlint-bench-time
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        rss=$kb
    done
    local mbps
    mbps=$(awk "BEGIN{printf \"%.0f\", $size / 1000000 / $best}")
    printf '%-34s %7.2f s %7s MB/s %8.1f MB peak\n' "$label" "$best" "$mbps" "$(awk "BEGIN{print $rss / 1024}")"
}

measure "wc -l" wc -l "$data"
measure "cat" cat "$data"
measure "sftlint check (all rules)" "$bin" check "$data" --exit-zero --quiet
measure "sftlint check --jobs 1" "$bin" check "$data" --exit-zero --quiet --jobs 1
