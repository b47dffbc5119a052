#!/usr/bin/env bash
# Measures JSONParser throughput in release mode on Alpaca-style JSONL, single-threaded.
# Usage: benchmarks/json-parse.sh [--megabytes N] [--rounds N] [DATASET.json...]
# Default datasets: the LLaMA-Factory Alpaca demos (English and Chinese) in ../shared/datasets.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

options=()
datasets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --megabytes|--rounds) options+=("$1" "$2"); shift 2 ;;
        *) datasets+=("$1"); shift ;;
    esac
done
if [ ${#datasets[@]} -eq 0 ]; then
    datasets=("$root/../shared/datasets/llamafactory_alpaca_en_demo.json"
              "$root/../shared/datasets/llamafactory_alpaca_zh_demo.json")
fi

# One whole-module build of the library with the driver, as `swift build -c release` optimises it.
find "$root/Sources/SFTLintCore" -name '*.swift' -print0 |
    xargs -0 swiftc -O -wmo -module-name JSONParseBenchmark "$root/benchmarks/json-parse/main.swift" \
        -o "$out/json-parse-benchmark"
"$out/json-parse-benchmark" "${options[@]}" "${datasets[@]}"
