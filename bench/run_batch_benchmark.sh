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
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
echo "sweep: $inputs inputs, $(du -sm "$work/sweep" | cut -f1) MB"

# One batch run: prints wall seconds, inputs/s, cores kept busy (CPU time /
# wall time: 2.0 is both cores all the time) and peak RSS; the output is removed.
batch() {
  local label=$1 source=$2 count=$3 jobs=$4
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$exe" batch "$source" -o "$work/out" --jobs "$jobs" -q
  read -r seconds user system rss_kb < "$work/time"
  rm -rf "$work/out"
  printf '%-16s %7.2f s  %6.1f inputs/s  %4.2f cores busy  peak RSS %4d MiB\n' "$label" "$seconds" \
    "$(echo "$count / $seconds" | bc -l)" "$(echo "($user + $system) / $seconds" | bc -l)" $((rss_kb / 1024))
  echo "$seconds" > "$work/$label.seconds"
}

batch "jobs1" "$work/sweep" "$inputs" 1
batch "jobs2" "$work/sweep" "$inputs" 2
printf "speed-up --jobs 2 over --jobs 1: %.2fx\n" "$(echo "$(cat "$work/jobs1.seconds") / $(cat "$work/jobs2.seconds")" | bc -l)"

# A quarter of the sweep, named in a list file: the peak RSS must not grow with the sweep.
quarter=$((inputs / 4))
(cd "$work/sweep" && find . -name '*.json' | sort | sed -n "1,${quarter}p") > "$work/sweep/quarter.txt"
batch "jobs2-quarter" "$work/sweep/quarter.txt" "$quarter" 2

# The alternative: one process per input (start, plugin loading, parse, analysis, export).
sample=50
start=$(date +%s.%N)
find "$work/sweep" -name '*.json' | sort | sed -n "1,${sample}p" | while read -r input; do
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
