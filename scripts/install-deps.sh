#!/usr/bin/env bash
# Installs everything Finetune Studio needs to build, test and run on Debian 12.
# The one list of system packages: README's commands and .ci/run both call this.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  # core
  libtorch-dev libopenblas0-openmp
  libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libssl-dev
  libutf8proc-dev libpcre2-dev
  # finetune serve (HTTP) and its load benchmark
  libcpp-httplib-dev wrk
  # ui
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqcustomplot-dev libgl-dev libvulkan-dev
  # headless GUI runs and tests
  xvfb xauth fonts-dejavu-core
)

# --bench adds the benchmark-only yardstick: Debian's PyTorch (the same libtorch 1.13) for
# ../shared/bench/pytorch_reference.py.
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3-torch)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
