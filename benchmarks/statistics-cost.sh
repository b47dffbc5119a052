#!/usr/bin/env bash
# What the statistics and the L and V rules cost against issue 2's benchmark: `sftlint check --select J,S` on the
# million-record file, built from a commit before the statistics existed (4546ac8 by default), beside this
# checkout's `--select J,S` (statistics always collected) and `--select J,S,L,V`. Runs the three commands in turn,
# ROUNDS times (interleaved, so a change in the machine's load hits all three alike), and prints each one's
# median wall and CPU (user + sys) time and the change against the base. With `--instructions`, it also counts
# instructions on the first 20,000 records with callgrind (`--jobs 1`), which repeat exactly.
#
# usage: benchmarks/statistics-cost.sh [--instructions] [ROUNDS]      (default 5 rounds; run benchmarks/run.sh
#        once first, which generates the data file)
set -euo pipefail
cd "$(dirname "$0")/.."
instructions=false
if [ "${1:-}" = "--instructions" ]; then instructions=true; shift; fi
rounds=${1:-5}
base_rev=${BASE_REV:-4546ac8}
data=benchmarks/data/alpaca-1000000.jsonl
[ -f "$data" ] || { echo "no $data: run benchmarks/run.sh first" >&2; exit 2; }

# The base binary, built once from `git archive` and cached beside the data.
base_dir=benchmarks/data/base-$base_rev
if [ ! -x "$base_dir/.build/release/sftlint" ]; then
    echo "building $base_rev in $base_dir"
    rm -rf "$base_dir" && mkdir -p "$base_dir"
    git archive "$base_rev" | tar -x -C "$base_dir"
    (cd "$base_dir" && swift build -c release --product sftlint >/dev/null)
fi
swift build -c release --product sftlint >/dev/null
base=$base_dir/.build/release/sftlint
head=.build/release/sftlint
cat "$data" >/dev/null  # warm the page cache

labels=("base J,S" "head J,S" "head J,S,L,V")
commands=("$base check $data --select J,S" "$head check $data --select J,S" "$head check $data --select J,S,L,V")
declare -A walls cpus
for ((r = 1; r <= rounds; r++)); do
    for i in 0 1 2; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S" -o /tmp/sftlint-cost-time ${commands[$i]} --exit-zero --quiet >/dev/null 2>&1
        read -r wall user sys </tmp/sftlint-cost-time
        walls[$i]+="$wall "
        cpus[$i]+="$(awk "BEGIN{print $user + $sys}") "
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END{print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "$rounds interleaved rounds on $data; base $base_rev, head $(git rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %-34s %-10s %-34s %-10s\n' command "wall times (s)" median "CPU times (s)" median
base_wall=$(echo "${walls[0]}" | median)
base_cpu=$(echo "${cpus[0]}" | median)
for i in 0 1 2; do
    wall=$(echo "${walls[$i]}" | median)
    cpu=$(echo "${cpus[$i]}" | median)
    change=$(awk "BEGIN{printf \"%+.0f%% wall, %+.0f%% CPU\", 100 * ($wall / $base_wall - 1), 100 * ($cpu / $base_cpu - 1)}")
    printf '%-14s %-34s %-10s %-34s %-10s %s\n' "${labels[$i]}" "${walls[$i]}" "$wall" "${cpus[$i]}" "$cpu" "$change"
done

if $instructions; then
    head -n 20000 "$data" >/tmp/sftlint-cost-20k.jsonl
    for i in 0 1 2; do
        # shellcheck disable=SC2086
        set -- ${commands[$i]}
        valgrind --tool=callgrind --callgrind-out-file=/tmp/sftlint-cost.out "$1" check /tmp/sftlint-cost-20k.jsonl \
            "${@:4}" --jobs 1 --exit-zero --quiet >/dev/null 2>/tmp/sftlint-cost.err
        echo "${labels[$i]}: $(grep -o 'Collected : [0-9]*' /tmp/sftlint-cost.err | awk '{print $3}') instructions on 20,000 records"
    done
fi
