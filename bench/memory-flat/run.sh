#!/usr/bin/env bash
# Resident memory of the process at the end of every epoch of a 10-epoch conv-autoencoder run on all 8,000
# training digits. Last line: growth after the second epoch (goal: under 10 %).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" --memory-benchmark --epochs="${1:-10}" \
  --latentlab.data-dir="$WORK/data" --logging.level.root=WARN 2>/dev/null | grep -E '^(epoch|rss_)'
