#!/usr/bin/env bash
# Installs everything DigitOcr needs on a fresh Debian 12 machine (run as root; idempotent), then fetches MNIST.
#   scripts/setup.sh            install system packages and data
# What it installs, and why:
#   libtorch-dev      the tensor engine (libtorch 1.13) the native shim binds
#   libopencv-dev     imaging (decode/encode, resize, warps, morphology, drawing) and video input (videoio: FFmpeg, V4L2)
#   cmake, g++        to build the shim (dotnet build runs CMake)
#   libgloo-dev       gloo's headers, which c10d's ProcessGroupGloo (data-parallel training) includes
#   libopenblas-dev   a fast BLAS for libtorch's matrix products (Debian's reference BLAS is ~10x slower)
#   python3-torch     Debian's PyTorch, for golden files and the PyTorch side of interop tests and benchmarks
#   dataset-fashion-mnist  non-digit clutter for synthetic pages
#   chromium, fonts-dejavu-core  the browser the tests of `digitocr serve`'s page drive (Playwright, never a
#                     downloaded browser), and a font for its text
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libtorch-dev libgloo-dev libopencv-dev cmake g++ make libopenblas-dev python3-torch python3-numpy dataset-fashion-mnist chromium fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]}; run this script as root (or with sudo)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: system packages already installed (${packages[*]})"
fi

# libtorch picks its BLAS through Debian's alternatives: prefer OpenBLAS when it is there.
for alt in libblas.so.3-x86_64-linux-gnu liblapack.so.3-x86_64-linux-gnu; do
  target=$(update-alternatives --list "$alt" 2>/dev/null | grep openblas | head -n 1 || true)
  if [ -n "$target" ] && [ "$(id -u)" -eq 0 ]; then
    update-alternatives --set "$alt" "$target" >/dev/null && echo "setup: $alt -> $target"
  fi
done

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required and was not found" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm (Node.js) is required to fetch MNIST and was not found" >&2; exit 1; }

scripts/fetch-mnist.sh
echo "setup: done"
