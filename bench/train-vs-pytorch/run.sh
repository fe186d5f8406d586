#!/usr/bin/env bash
# Trains the same conv autoencoder and the same 2-D VAE (same data, batch size, epochs, optimiser and thread count)
# once with Latent Lab's DJL trainer and once with PyTorch in Python, in one run, and prints both times and losses.
# Last line: ratio=<djl_seconds/python_seconds> for the conv autoencoder (goal: at most 0.9 at 2 threads).
# Usage: bench/train-vs-pytorch/run.sh [epochs=5] [batch=64] [threads=2]
# The DJL side is src/test/java/org/latentlab/bench/DjlTraining.java (test classpath; the app runs in its process).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
EPOCHS="${1:-5}"; BATCH="${2:-64}"; THREADS="${3:-2}"
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing Debian's python3-torch" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy >/dev/null
fi
DATA="$ROOT/src/main/resources/latentlab/data/mnist-digits.bin.gz"
test_classpath train-vs-pytorch
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

# Each run in a data folder of its own: the benchmarks refuse a folder that holds anything.
djl() {
  local data; data="$(mktemp -d "$WORK/data.XXXXXX")"; rmdir "$data"
  (cd "$WORK" && "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$TEST_CLASSPATH" \
     org.latentlab.bench.DjlTraining --kind="$1" --epochs="$EPOCHS" --batch-size="$BATCH" \
     --latentlab.ml.intra-op-threads="$THREADS" --latentlab.ml.inter-op-threads=1 \
     --latentlab.data-dir="$data" --logging.level.root=WARN 2>/dev/null | grep '^djl ')
}
python() { "$PYTHON" "$ROOT/bench/train-vs-pytorch/peer.py" "$1" "$DATA" "$EPOCHS" "$BATCH" "$THREADS"; }
seconds() { sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<< "$1"; }

for kind in conv-ae vae; do
  d="$(djl "$kind")"; echo "$d"
  p="$(python "$kind")"; echo "$p"
  r="$(awk -v a="$(seconds "$d")" -v b="$(seconds "$p")" 'BEGIN { printf "%.3f", a / b }')"
  echo "ratio_${kind//-/_}=$r"
  [[ "$kind" == conv-ae ]] && CONV_RATIO="$r"
done
echo "ratio=$CONV_RATIO"
