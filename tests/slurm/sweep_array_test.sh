#!/usr/bin/env bash
# Runs a sweep as an 8-task Slurm job array through examples/slurm/sweep.sbatch
# on the cluster of slurm_up.sh, merges the shards, and checks them against a
# single-machine run of the same sweep: the same summary files byte for byte,
# every input in exactly the shard the slicing rule gives it, and merge
# refusing a missing or a repeated shard.
#   tests/slurm/sweep_array_test.sh HANDLE PERFREPORT SOURCE_DIR WORK_DIR
set -euo pipefail
handle=${1:?} perfreport=${2:?} source_dir=${3:?} work=${4:?}
# shellcheck source=/dev/null
source "$handle"
export PATH=$PATH:/usr/sbin:/sbin
# sbatch passes the environment on to the tasks: the script runs this build.
export PERFREPORT=$perfreport
# No SOURCE_DATE_EPOCH: the summary files hold no time or host, so shards
# run elsewhere and later must still give one machine's bytes.
unset SOURCE_DATE_EPOCH
shards=8

fail() {
  echo "FAIL: $*" >&2
  for log in "$work"/logs/*; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

rm -rf "$work"
mkdir -p "$work/logs"
# The bundled 12-configuration sweep and one invalid input: 13 inputs, so
# shards hold one or two, and one shard has a failure row to carry over.
sweep=$work/sweep
cp -r "$source_dir/examples/sweep" "$sweep"
mkdir "$sweep/broken"
echo '{"format": "engine_result", "schema_version": 1, "granularity": "CHIP"}' > "$sweep/broken/no_steps.json"

start=$SECONDS
rc=0
timeout 240 sbatch --array=0-$((shards - 1)) --wait --chdir="$work" --output="$work/logs/task-%a.out" \
  "$source_dir/examples/slurm/sweep.sbatch" "$sweep" "$work/array" > "$work/logs/sbatch.out" 2>&1 || rc=$?
echo "sbatch --array=0-$((shards - 1)) --wait: exit $rc after $((SECONDS - start)) s"
# sbatch --wait exits with the highest exit code of the tasks: 1 is batch's
# "some input failed", from the task that got the invalid input.
((rc == 1)) || fail "the job array exited $rc, not 1 (one task has an invalid input)"

"$perfreport" merge "$work"/array/shard-* -o "$work/merged" > "$work/logs/merge.out" 2>&1 ||
  fail "perfreport merge of the $shards shards failed"
single_rc=0
"$perfreport" batch "$sweep" -o "$work/single" > "$work/logs/single.out" 2>&1 || single_rc=$?
((single_rc == 1)) || fail "the single-machine perfreport batch exited $single_rc, not 1"

for file in sweep_summary.csv sweep_summary.json pareto.csv failures.csv manifest.json; do
  cmp "$work/single/$file" "$work/merged/$file" >&2 ||
    { diff "$work/single/$file" "$work/merged/$file" | head -n 20 >&2; fail "merged $file differs from the single-machine one"; }
done

# Input i of the sweep (its *.json sorted by relative path) belongs to shard
# i mod N; each shard's summary lists exactly those, the merged one all once.
python3 - "$sweep" "$work/array" "$work/merged" "$shards" <<'PY' || fail "the shards do not cover the sweep exactly once"
import csv, pathlib, sys
sweep, array, merged, shards = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), int(sys.argv[4])
inputs = sorted(path.relative_to(sweep).as_posix() for path in sweep.rglob("*.json"))
def listed(folder):
    with open(folder / "sweep_summary.csv", newline="") as summary:
        return [(row["input"], row["status"]) for row in csv.DictReader(summary)]
ok = True
for k in range(shards):
    expected = inputs[k::shards]
    got = sorted(name for name, _ in listed(array / f"shard-{k}"))
    if got != expected:
        print(f"shard-{k} lists {got}, expected {expected}")
        ok = False
rows = listed(merged)
if sorted(name for name, _ in rows) != inputs:
    print(f"merged summary lists {sorted(name for name, _ in rows)}, expected each of {inputs} once")
    ok = False
failed = [name for name, status in rows if status != "ok"]
if failed != ["broken/no_steps.json"]:
    print(f"rows not ok: {failed}, expected only broken/no_steps.json")
    ok = False
print(f"{len(inputs)} inputs in {shards} shards, each exactly once" if ok else "")
sys.exit(0 if ok else 1)
PY

# merge names a missing shard and a repeated one, and writes nothing then.
expect_refused() {  # expect_refused WHAT MESSAGE SHARD_DIR...
  local what=$1 message=$2 out
  shift 2
  rm -rf "$work/refused"
  rc=0
  out=$("$perfreport" merge "$@" -o "$work/refused" 2>&1) || rc=$?
  ((rc == 2)) && [[ $out == *"$message"* ]] && [ ! -e "$work/refused/sweep_summary.csv" ] ||
    fail "merge with $what: exit $rc, output '$out'; expected exit 2 naming '$message'"
}
others=()
for k in $(seq 0 $((shards - 1))); do ((k == 3)) || others+=("$work/array/shard-$k"); done
expect_refused "shard 3 left out" "3/$shards" "${others[@]}"
expect_refused "shard 5 given twice" "5/$shards" "$work"/array/shard-* "$work/array/shard-5"
echo "PASS: the $shards-task array merged is the single-machine summary; merge refuses a missing or repeated shard"
