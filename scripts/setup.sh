#!/usr/bin/env bash
# Installs what perfreport builds and tests with, from Debian 12's packages.
set -euo pipefail
packages=(
  g++ cmake make pkg-config python3
  libboost-json1.81-dev libboost-program-options1.81-dev libboost-filesystem1.81-dev
  libtbb-dev libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev sqlite3
  abigail-tools
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
