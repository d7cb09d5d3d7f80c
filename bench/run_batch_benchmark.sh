#!/usr/bin/env bash
# The batch runner on a generated sweep: throughput with --jobs 1 and 2, peak
# RSS at a quarter of the sweep and at all of it, and what one `perfreport
# run` process per input would cost instead.
#   bench/run_batch_benchmark.sh [BUILD_DIR] [INPUTS]
# INPUTS (default 1000) DeepSeek-V3 decode configurations of 1084-1087 steps
# each, made by bench/generate_sweep.py; every run writes the json report of
# each input. Needs about 1 GB of disk for the inputs and 2.5 GB per output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
inputs=${2:-1000}
exe=$build/bin/perfreport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/generate_sweep.py" --count "$inputs" -o "$work/sweep" > /dev/null
echo "sweep: $inputs inputs, $(du -sm "$work/sweep" | cut -f1) MB"

# One batch run: prints seconds, inputs/s and peak RSS; the output is removed.
batch() {
  local label=$1 source=$2 count=$3 jobs=$4
  /usr/bin/time -f "%e %M" -o "$work/time" "$exe" batch "$source" -o "$work/out" --jobs "$jobs" -q
  read -r seconds rss_kb < "$work/time"
  rm -rf "$work/out"
  printf '%-28s %7.2f s  %7.1f inputs/s  peak RSS %5d MiB\n' "$label" "$seconds" \
    "$(echo "$count / $seconds" | bc -l)" $((rss_kb / 1024))
  echo "$seconds" > "$work/$label.seconds"
}

batch "jobs1" "$work/sweep" "$inputs" 1
batch "jobs2" "$work/sweep" "$inputs" 2
echo "speed-up --jobs 2 over --jobs 1: $(echo "$(cat "$work/jobs1.seconds") / $(cat "$work/jobs2.seconds")" | bc -l | cut -c1-4)x"

# A quarter of the sweep, named in a list file: the peak RSS must not grow with the sweep.
quarter=$((inputs / 4))
(cd "$work/sweep" && find . -name '*.json' | sort | head -n "$quarter") > "$work/sweep/quarter.txt"
batch "jobs2-quarter" "$work/sweep/quarter.txt" "$quarter" 2

# The alternative: one process per input (start, plugin loading, parse, analysis, export).
sample=50
start=$(date +%s.%N)
find "$work/sweep" -name '*.json' | sort | head -n "$sample" | while read -r input; do
  "$exe" run "$input" -q -o "$work/out" > /dev/null 2>&1
done
end=$(date +%s.%N)
rm -rf "$work/out"
per_run=$(echo "($end - $start) / $sample" | bc -l)
start=$(date +%s.%N)
for _ in $(seq "$sample"); do "$exe" plugins > /dev/null; done
end=$(date +%s.%N)
per_start=$(echo "($end - $start) / $sample" | bc -l)
per_batch=$(echo "$(cat "$work/jobs1.seconds") / $inputs" | bc -l)
printf 'per input: batch --jobs 1 %.1f ms; perfreport run (one process each) %.1f ms, of which %.1f ms process start and plugin loading (perfreport plugins)\n' \
  "$(echo "$per_batch * 1000" | bc -l)" "$(echo "$per_run * 1000" | bc -l)" "$(echo "$per_start * 1000" | bc -l)"
