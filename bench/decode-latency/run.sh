#!/usr/bin/env bash
# Single-sample decode latency of the shipped 2-D VAE through the codec API (LoadedModel.decode), one caller with
# one PyTorch thread, then the throughput of 8 concurrent callers. Last line: p50_us=... p99_us=...
# (goal: p99 under 2 ms). Usage: bench/decode-latency/run.sh [samples=20000]
# The program is src/test/java/org/latentlab/bench/DecodeLatency.java (test classpath; the app runs in its process).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
test_classpath decode-latency
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$TEST_CLASSPATH" org.latentlab.bench.DecodeLatency \
  --samples="${1:-20000}" \
  --latentlab.ml.intra-op-threads=1 --latentlab.ml.inter-op-threads=1 --latentlab.ml.inference-slots=8 \
  --latentlab.data-dir="$WORK/data" --logging.level.root=WARN 2>/dev/null | grep -E '^(single|8 callers|p50)'
