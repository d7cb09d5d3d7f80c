#!/usr/bin/env bash
# Generates an input of STEPS steps (default 1,000,000), runs the benchmarks,
# prints each one's time as a ratio of the bare parse, and the peak RSS of
# `perfreport run` against the input's size.
#   bench/run_benchmarks.sh [BUILD_DIR] [STEPS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
steps=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/input.json
python3 "$here/generate_engine_result.py" --steps "$steps" -o "$input"
export PERFREPORT_BENCH_INPUT=$input
"$build/bin/perfreport_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_format=json > "$work/bench.json"
python3 - "$work/bench.json" "$input" <<'PY'
import json, os, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
size = os.path.getsize(sys.argv[2])
floor = runs["BM_BareParse"]["real_time"]
print(f"input: {size / 1e6:.0f} MB")
for name, run in runs.items():
    seconds = run["real_time"] / 1000
    print(f"{name:22s} {seconds:7.3f} s  {size / 1e6 / seconds:7.0f} MB/s  {run['real_time'] / floor:5.2f}x bare parse")
PY
/usr/bin/time -f "%e %M" -o "$work/time" "$build/bin/perfreport" run "$input" -q -o "$work/out" --format json
read -r seconds rss_kb < "$work/time"
echo "perfreport run --format json: ${seconds} s, peak RSS $((rss_kb / 1024)) MiB (input $(( $(stat -c %s "$input") / 1048576 )) MiB)"
