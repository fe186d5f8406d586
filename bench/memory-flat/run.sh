#!/usr/bin/env bash
# Resident memory of the process at the end of every epoch of a 10-epoch conv-autoencoder run on all 8,000
# training digits. Last line: growth after the second epoch (goal: under 10 %).
# The program is src/test/java/org/latentlab/bench/MemoryPerEpoch.java (test classpath; the app runs in its process).
# Usage: bench/memory-flat/run.sh [epochs=10]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
test_classpath memory-flat
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$TEST_CLASSPATH" org.latentlab.bench.MemoryPerEpoch \
  --epochs="${1:-10}" \
  --latentlab.data-dir="$WORK/data" --logging.level.root=WARN 2>/dev/null | grep -E '^(epoch|rss_)'
