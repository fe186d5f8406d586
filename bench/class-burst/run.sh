#!/usr/bin/env bash
# A class presses Start together: 30 students of one class start a Lab run within 5 s of each other (the
# assignment's convolutional VAE with its defaults, or the seven experiments in turn), follow it live as the Lab page
# does and browse lessons and quizzes meanwhile, as HTTP clients of the packaged jar on loopback. Then each
# experiment is trained three times more alone, for the loss it reaches without a class beside it (medians). The load generator is
# src/test/java/org/latentlab/bench/ClassBurst.java (a process of its own, test classpath).
# By default it measures the build before training moved to JobRunr workers too (BEFORE, a commit; built once into
# target/bench-before-<commit>.jar), then this build, and prints both side by side. Last line of each:
#   first_point_p95_s=<..> last_finished_s=<..> page_p95_ms=<..> loss_ratio=<final test loss under load / alone>
# Targets on a 2-core machine: first point p95 <= 30 s, last run finished <= 15 min, loss ratio within 5 %.
# Usage: [BEFORE=<commit>|none] [MIX=assignment|mixed] [APP_ARGS="--latentlab.training.compute-slots=2"] \
#          bench/class-burst/run.sh [students=30]
# The "before" build trains one run at a time: with 30 students it takes 25-30 minutes on its own.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
STUDENTS="${1:-30}"
MIX="${MIX:-assignment}"
BEFORE="${BEFORE:-7622676}"
cd "$ROOT"

./mvnw -B -q test-compile >&2
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/class-burst.classpath >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/class-burst.classpath)"

burst() { # <jar> <label>
  # shellcheck disable=SC2086
  "$JAVA" -cp "$CLASSPATH" -Dlatentlab.jar="$1" org.latentlab.bench.ClassBurst --students="$STUDENTS" --mix="$MIX" \
    --label="$2" -- ${APP_ARGS:-} | tee "target/class-burst-$2.txt"
}

STATUS=0
if [[ "$BEFORE" != none ]]; then
  BEFORE_JAR="$ROOT/target/bench-before-$BEFORE.jar"
  if [[ ! -f "$BEFORE_JAR" ]]; then
    TREE="$(mktemp -d)"
    git worktree add --detach "$TREE" "$BEFORE" >&2
    (cd "$TREE" && ./mvnw -B -q package -DskipTests >&2)
    cp "$(ls "$TREE"/target/latent-lab-*.jar | grep -v original | head -n1)" "$BEFORE_JAR"
    git worktree remove --force "$TREE" >&2
  fi
  echo "== before ($BEFORE)"
  burst "$BEFORE_JAR" before || STATUS=1
fi
echo "== after ($(git rev-parse --short HEAD))"
burst "$JAR" after || STATUS=1
if [[ "$BEFORE" != none ]]; then
  echo "== side by side"
  printf '%-8s %s\n' before "$(tail -n1 target/class-burst-before.txt)" after "$(tail -n1 target/class-burst-after.txt)"
fi
exit "$STATUS"
