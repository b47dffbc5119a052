#!/usr/bin/env bash
# The README's walkthrough, run for real: a new dataset repository goes from its first sftlint run (hundreds of
# findings) to a green gate with a baseline, stays green when records are inserted and reordered, fails on one
# new defect, and counts a fixed one. Every step asserts its exit code and counts; any surprise exits 1.
#
# usage: scripts/walkthrough.sh [SFTLINT]   (default: .build/release/sftlint, else .build/debug/sftlint)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sftlint=${1:-}
if [ -z "$sftlint" ]; then
    if [ -x "$root/.build/release/sftlint" ]; then sftlint=$root/.build/release/sftlint
    else sftlint=$root/.build/debug/sftlint; fi
fi
[ -x "$sftlint" ] || { echo "walkthrough: no sftlint at $sftlint; run swift build first" >&2; exit 2; }
sftlint=$(cd "$(dirname "$sftlint")" && pwd)/$(basename "$sftlint")

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cd "$repo"

fail() { echo "walkthrough: $*" >&2; exit 1; }

# step NAME EXPECTED_STATUS COMMAND...: runs the command, keeps its output in $out, checks the exit status.
step() {
    local name=$1 expected=$2; shift 2
    echo "\$ ${*/#$sftlint/sftlint}"
    local status=0
    out=$("$@" 2>&1) || status=$?
    printf '%s\n' "$out" | tail -n 3
    [ "$status" -eq "$expected" ] || fail "$name: expected exit $expected, got $status"
    echo
}

# expect TEXT: the last step's output contains TEXT.
expect() {
    grep -qF -- "$1" <<<"$out" || fail "expected output to contain: $1"
}

# A dataset with the defects an assembled dataset has: leaked control tokens, empty answers, copies, and
# prompts in English and Chinese. Deterministic: record i always reads the same.
record() {
    local i=$1 prompt output
    if (( i % 4 == 0 )); then prompt="第${i}题：${i}加${i}等于多少？"; else prompt="Question ${i}: what is ${i} plus ${i}?"; fi
    output="The answer is $((2 * i))."
    if (( i % 10 == 0 )); then output="${output}<|im_end|>"; fi
    if (( i % 8 == 0 )); then output=""; fi
    printf '{"instruction": "%s", "output": "%s"}\n' "$prompt" "$output"
    if (( i % 6 == 0 )); then printf '{"instruction": "%s", "output": "%s"}\n' "$prompt" "$output"; fi
}

mkdir data
for i in $(seq 1 500); do record "$i"; done >data/train.jsonl

echo "# 1. The first run: hundreds of findings, the gate fails."
step "first run" 1 "$sftlint" check data/ --quiet
expect "1 file · 583 records (alpaca 583) · 132 errors · 84 warnings · 82 infos"
findings=$(grep -c '^data/train.jsonl:[0-9]*:[0-9]*: \(error\|warning\|info\):' <<<"$out" || true)
[ "$findings" -ge 200 ] || fail "expected hundreds of findings, got $findings"

echo "# 2. Accept what is there: write a baseline and commit it."
step "write baseline" 0 "$sftlint" check data/ --quiet --write-baseline .sftlint-baseline.json
expect "wrote 298 findings to baseline '.sftlint-baseline.json'"
[ "$(grep -c '"fingerprint"' .sftlint-baseline.json)" -eq 298 ] || fail "baseline should hold 298 findings"

echo "# 3. The gate with the baseline is green."
step "gate with baseline" 0 "$sftlint" check data/ --baseline .sftlint-baseline.json
expect "0 errors · 0 warnings · 0 infos · score 100.0/100"
expect "baseline: 298 known findings not shown · 0 baseline findings no longer occur"

echo "# 4. Records inserted at the top and the file reordered: the old findings stay accepted."
{ record 501; tac data/train.jsonl; } >data/train.jsonl.new && mv data/train.jsonl.new data/train.jsonl
step "reordered" 0 "$sftlint" check data/ --baseline .sftlint-baseline.json
expect "1 file · 584 records (alpaca 584) · 0 errors · 0 warnings · 0 infos"

echo "# 5. A new defect fails the gate, and only it is reported."
printf '%s\n' '{"instruction": "Summarise the report", "output": "Done.<|endoftext|>"}' >>data/train.jsonl
step "new defect" 1 "$sftlint" check data/ --baseline .sftlint-baseline.json
expect "data/train.jsonl:585:"
expect "[E003 special-token]"
expect "1 error · 0 warnings · 0 infos"

echo "# 6. Fix it and an old one: green again, and the summary counts the old fix."
sed -i -e '$d' -e 's/"The answer is 20.<|im_end|>"/"The answer is 20."/' data/train.jsonl
step "fixed" 0 "$sftlint" check data/ --baseline .sftlint-baseline.json
expect "0 errors · 0 warnings · 0 infos"
expect "1 baseline finding no longer occurs"

echo "# 7. Annotations for the pull request and SARIF for code scanning, from the same run."
step "github" 0 "$sftlint" check data/ --baseline .sftlint-baseline.json --format github
expect "sftlint: 1 file · 584 records"
step "sarif" 0 "$sftlint" check data/ --baseline .sftlint-baseline.json --format sarif --output sftlint.sarif
grep -q '"version": "2.1.0"' sftlint.sarif || fail "sftlint.sarif is not SARIF 2.1.0"

echo "walkthrough: ok"
