#!/usr/bin/env bash
# Does the app stay usable while a Lab run trains? One training run (the Lab's conv-AE with its defaults: 8 epochs
# over all 8,000 training digits) is timed alone, then again while 20 simulated students browse as HTTP clients of
# the app on loopback (the app and the clients share one process): each signs in through the login form, then
# opens the home page, the lessons, the autoencoder lesson, the quizzes, the pre-lesson quiz and the Lab in random
# order, 0.5-2 s apart, until the run ends. A page view counts as the browser sees it: the page, the request that
# starts its Vaadin UI and the navigation that renders the view. Embedded H2 database in a fresh data folder.
# Last line: p95_ms=<page view latency while training> slowdown=<training time under load / alone>
# (goal on a 2-core machine: p95 under 300 ms). Exits 1 if a page view failed (errors=<n>) or the training did.
# Usage: bench/lab-responsiveness/run.sh [users=20] [more options, e.g. --epochs=3 --digits=0 --seconds=600, or the
#   app's own such as --latentlab.training.compute-slots=2]
# The program is src/test/java/org/latentlab/bench/LabResponsiveness.java (test classpath, the app in its process).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
USERS="${1:-20}"
test_classpath lab-responsiveness
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# The app's log goes to a file, shown only when the benchmark fails.
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$TEST_CLASSPATH" org.latentlab.bench.LabResponsiveness \
  --users="$USERS" "${@:2}" \
  --latentlab.data-dir="$WORK/data" --logging.level.root=WARN 2>"$WORK/app.log" \
  || { status=$?; tail -n 20 "$WORK/app.log" >&2; exit "$status"; }
