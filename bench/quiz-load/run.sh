#!/usr/bin/env bash
# 300 simulated students answer a 10-question quiz at the same time, as HTTP clients of the app on loopback (the
# app and the clients share one process): sign in through the login form, start an attempt, PUT each answer on its
# own (autosave), submit. Embedded H2 database in a fresh data folder.
# Two runs: a class (everyone opens the quiz within 10 s, then 2-8 s per question) and a stress test (everyone at
# the same instant, 0-0.2 s per question). Last line of each: p95_ms=<answer save latency seen by the client>
# lost=<answers acknowledged but not stored> (goal: p95 under 150 ms, lost=0).
# Usage: bench/quiz-load/run.sh [students=300]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
STUDENTS="${1:-300}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
for mode in class stress; do
  echo "== $mode"
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" --quiz-load-benchmark --students="$STUDENTS" \
    $([[ $mode == stress ]] && echo --stress) --latentlab.data-dir="$WORK/data-$mode" --latentlab.ml.enabled=false \
    --logging.level.root=WARN 2>/dev/null
done
