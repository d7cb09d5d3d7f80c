#!/usr/bin/env bash
# Installs what perfreport builds and tests with, from Debian 12's packages.
set -euo pipefail
packages=(
  g++ cmake make pkg-config python3
  libboost-json1.81-dev libboost-program-options1.81-dev libboost-filesystem1.81-dev
  libtbb-dev libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev sqlite3 libxxhash-dev
  slurmctld slurmd slurm-client munge
  abigail-tools
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js and npm run the DevTools trace-engine test (tests/readers/trace_engine),
# which needs node 20 or later. A node already there (e.g. nodesource's 20) is
# kept; without one, Debian's is installed.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  # The Slurm test starts a private cluster of its own: keep the packages'
  # scripts from starting system-wide munge and Slurm daemons, with a
  # policy-rc.d that lives only as long as the install.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
    trap '$sudo rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
