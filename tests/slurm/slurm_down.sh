#!/usr/bin/env bash
# Stops the cluster slurm_up.sh HANDLE started: cancels its jobs, stops its
# slurmd, slurmctld and munged by the pids they recorded — each checked to be
# still that daemon of that cluster — then checks that no process of the
# cluster is left, and removes its folder. Exit 1 if something survived.
# Nothing to stop is not an error, so it may run twice.
#   tests/slurm/slurm_down.sh HANDLE
set -uo pipefail
export PATH=$PATH:/usr/sbin:/sbin
handle=${1:?usage: slurm_down.sh HANDLE}
[ -f "$handle" ] || { echo "slurm_down: no cluster recorded in $handle"; exit 0; }
# shellcheck source=/dev/null
source "$handle"
cluster=${slurm_cluster:?"$handle names no cluster"}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
# Whether pid belongs to this cluster: slurm_up.sh gave every daemon the
# variable PERFREPORT_SLURM_CLUSTER, and its children inherit it.
of_cluster() {
  grep -qzxF "PERFREPORT_SLURM_CLUSTER=$cluster" "/proc/$1/environ" 2>/dev/null
}

ctld_pid=$(cat "$cluster/run/slurmctld.pid" 2>/dev/null)
if alive "$ctld_pid"; then
  # Cancelled jobs end before slurmd stops, so no slurmstepd outlives it.
  scancel --quiet --partition=test 2>/dev/null
  for _ in $(seq 40); do
    [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
    sleep 0.5
  done
fi

stop() {  # stop NAME PIDFILE
  local name=$1 pid
  pid=$(cat "$2" 2>/dev/null)
  if ! alive "$pid"; then return 0; fi
  if ! of_cluster "$pid"; then
    echo "slurm_down: pid $pid of $2 is no longer this cluster's $name; left alone"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    echo "slurm_down: $name (pid $pid) ignored SIGTERM for 10 s; SIGKILL"
    kill -KILL "$pid"
  fi
  echo "slurm_down: stopped $name (pid $pid)"
}
stop slurmd "$cluster/run/slurmd.pid"
stop slurmctld "$cluster/run/slurmctld.pid"
stop munged "$cluster/munge/munged.pid"

# Anything of the cluster still alive — a daemon, a slurmstepd, a job — is
# a failure to clean up: name it, and keep the folder and its logs.
left=()
for _ in $(seq 20); do
  left=()
  for proc in /proc/[0-9]*; do
    pid=${proc#/proc/}
    [ "$pid" != $$ ] && of_cluster "$pid" && left+=("$pid")
  done
  ((${#left[@]} == 0)) && break
  sleep 0.25
done
if ((${#left[@]})); then
  echo "slurm_down: processes of the cluster still running:" >&2
  ps -o pid,user,args -p "$(IFS=,; echo "${left[*]}")" >&2
  echo "slurm_down: logs kept in $cluster" >&2
  exit 1
fi
rm -rf "$cluster" "$handle"
echo "slurm_down: no process of the cluster left"
