#!/usr/bin/env bash
# 300 simulated students answer a 10-question quiz at the same time; every answer is saved on its own (autosave)
# through the quiz service, in process, against the embedded H2 database in a fresh data folder.
# Last line: p95_ms=<save latency> lost=<answers given but not stored> (goal: p95 under 150 ms, lost=0).
# Usage: bench/quiz-load/run.sh [students=300]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
STUDENTS="${1:-300}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" --quiz-load-benchmark --students="$STUDENTS" \
  --latentlab.data-dir="$WORK/data" --latentlab.ml.enabled=false --logging.level.root=WARN 2>/dev/null
