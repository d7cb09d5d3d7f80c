#!/usr/bin/env bash
# Starts a private one-node Slurm cluster on localhost — munged, slurmctld and
# slurmd — with its own key, slurm.conf, state and logs in a fresh temporary
# folder; nothing under /etc is read or changed. Returns once the node is idle.
#   tests/slurm/slurm_up.sh HANDLE
# HANDLE is a file this script writes: `source HANDLE` sets SLURM_CONF for the
# Slurm commands, and `slurm_down.sh HANDLE` stops exactly what was started.
# Needs root (slurmd runs each job as its submitter) and Debian's slurmctld,
# slurmd, slurm-client and munge (scripts/setup.sh installs them).
# SLURM_TEST_CPUS (default 16) is the CPU count the node advertises.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin
handle=${1:?usage: slurm_up.sh HANDLE}
here=$(cd "$(dirname "$0")" && pwd)
cpus=${SLURM_TEST_CPUS:-16}
start_timeout_s=90

[ "$(id -u)" -eq 0 ] || { echo "slurm_up: must run as root (slurmd runs jobs as their submitter)" >&2; exit 1; }
for program in munged mungekey munge unmunge slurmctld slurmd sinfo sbatch; do
  command -v "$program" >/dev/null ||
    { echo "slurm_up: $program not found; install slurmctld slurmd slurm-client munge (scripts/setup.sh)" >&2; exit 1; }
done
# A handle left by an interrupted run: stop what it recorded first.
[ -e "$handle" ] && bash "$here/slurm_down.sh" "$handle"

# /tmp rather than the build tree: munged, which runs as user munge, must
# reach its folder, and refuses one below a folder others may write to
# unless that folder is sticky, as /tmp is.
cluster=$(mktemp -d "${TMPDIR:-/tmp}/perfreport-slurm.XXXXXX")
chmod 755 "$cluster"
mkdir -m 755 "$cluster/log" "$cluster/run" "$cluster/spool"
mkdir -m 700 "$cluster/state"
conf=$cluster/slurm.conf
# Written before anything starts, so slurm_down.sh can clean up after a
# failure at any point below.
mkdir -p "$(dirname "$handle")"
printf 'export SLURM_CONF=%q\nslurm_cluster=%q\n' "$conf" "$cluster" > "$handle"

fail() {
  echo "slurm_up: $*" >&2
  for log in "$cluster"/log/* "$cluster"/munge/munged.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
  done
  bash "$here/slurm_down.sh" "$handle" >&2 || true
  exit 1
}

# Every daemon starts with this variable, and every process it starts
# (slurmstepd included) inherits it: slurm_down.sh finds what is left by it.
marked=(env "PERFREPORT_SLURM_CLUSTER=$cluster")

# munge: a key of our own, read by munged alone (user munge, mode 0400).
install -d -o munge -g munge -m 755 "$cluster/munge"
socket=$cluster/munge/munge.socket
runuser -u munge -- mungekey --create --keyfile="$cluster/munge/munge.key" ||
  fail "mungekey could not create a key"
chmod 400 "$cluster/munge/munge.key"
runuser -u munge -- "${marked[@]}" munged --key-file="$cluster/munge/munge.key" --socket="$socket" \
  --pid-file="$cluster/munge/munged.pid" --log-file="$cluster/munge/munged.log" \
  --seed-file="$cluster/munge/munged.seed" </dev/null >/dev/null 2>&1 || fail "munged did not start"
munge_ok() { munge -n -S "$socket" 2>/dev/null | unmunge -S "$socket" >/dev/null 2>&1; }
for _ in $(seq 100); do munge_ok && break; sleep 0.1; done
munge_ok || fail "munged does not answer on $socket"

# Two free TCP ports, so that clusters of several build trees can coexist.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
held = [socket.socket() for _ in range(2)]
for s in held: s.bind(("", 0))
print(*(s.getsockname()[1] for s in held))')
[[ $ctld_port =~ ^[0-9]+$ && $slurmd_port =~ ^[0-9]+$ ]] || fail "no free TCP port found"
memory_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)

cat > "$conf" <<EOF
ClusterName=perfreport-test
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$cluster/state
SlurmdSpoolDir=$cluster/spool
SlurmctldPidFile=$cluster/run/slurmctld.pid
SlurmdPidFile=$cluster/run/slurmd.pid
SlurmctldLogFile=$cluster/log/slurmctld.log
SlurmdLogFile=$cluster/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups in a container: track job processes through /proc, bind no task.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Start every array task as soon as it is submitted, not in timed waves.
SchedulerParameters=batch_sched_delay=0
# sbatch --wait polls every 2 s only while that is under MinJobAge/2; past it
# the interval grows to 8 s and 32 s.
MinJobAge=4
KillWait=5
InactiveLimit=0
ReturnToService=2
# The node advertises $cpus CPUs whatever the machine has, so that a whole
# array runs at once: config_overrides keeps slurmd from draining a node
# that has fewer than configured.
SlurmdParameters=config_overrides
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$conf

"${marked[@]}" slurmctld -f "$conf" </dev/null >>"$cluster/log/slurmctld.out" 2>&1 || fail "slurmctld did not start"
"${marked[@]}" slurmd -f "$conf" -N localhost </dev/null >>"$cluster/log/slurmd.out" 2>&1 || fail "slurmd did not start"

state=""
for _ in $(seq $((start_timeout_s * 2))); do
  state=$(sinfo -h -n localhost -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "node localhost is '${state:-unreachable}' after ${start_timeout_s} s, not idle"
echo "slurm_up: node localhost idle with $cpus CPUs; slurmctld $(cat "$cluster/run/slurmctld.pid")" \
  "slurmd $(cat "$cluster/run/slurmd.pid") munged $(cat "$cluster/munge/munged.pid"); SLURM_CONF=$conf"
