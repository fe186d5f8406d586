#!/usr/bin/env bash
# 300 simulated students answer a 10-question quiz at the same time, as HTTP clients of the app on loopback: sign in
# through the login form, start an attempt, PUT each answer on its own (autosave), submit. The app is the packaged
# jar in its own process (fresh data folder, PyTorch off, the bench's quiz folder); the load generator
# (src/test/java/org/latentlab/bench/QuizLoad.java, run with the test classpath) is another process that adds the
# students over JDBC and afterwards counts the stored answers over JDBC.
# Two runs per database: a class (everyone opens the quiz within 10 s, then 2-8 s per question) and a stress test
# (everyone at the same instant, 0-0.2 s per question). Last line of each: p95_ms=<answer save latency seen by the
# client> lost=<answers acknowledged but not stored> (goal for the class: p95 under 150 ms, lost=0).
# Databases: the embedded H2 database, then PostgreSQL (a durable server of its own, fsync on, started here as
# .ci/start-postgres does and stopped afterwards; a new database per run).
# Usage: [DB=h2|postgresql|both] [APP_ARGS="--latentlab.quiz.group-commit=false"] bench/quiz-load/run.sh [students=300]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
STUDENTS="${1:-300}"
DB="${DB:-both}"
case "$DB" in
  h2) DATABASES=(h2) ;;
  postgresql) DATABASES=(postgresql) ;;
  both) DATABASES=(h2 postgresql) ;;
  *) echo "DB must be h2, postgresql or both" >&2; exit 2 ;;
esac
cd "$ROOT"

# The load generator's classpath: test classes, main classes and the test-scope dependencies.
./mvnw -B -q test-compile >&2
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/quiz-load.classpath >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/quiz-load.classpath)"

PG_DIR=""
stop_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    local run=()
    if [[ "$(id -u)" == 0 ]]; then
      run=(runuser -u postgres --)
    fi
    "${run[@]}" "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$(dirname "$PG_DIR")"
    PG_DIR=""
  fi
}
trap stop_postgres EXIT

STATUS=0
for db in "${DATABASES[@]}"; do
  if [[ "$db" == postgresql ]]; then
    eval "$(LATENTLAB_TEST_POSTGRES_DURABLE=true "$ROOT/.ci/start-postgres")"
    PG_DIR="$LATENTLAB_TEST_POSTGRES_DIR"
  fi
  for mode in class stress; do
    echo "== $db $mode"
    # shellcheck disable=SC2086
    "$JAVA" -cp "$CLASSPATH" -Dlatentlab.jar="$JAR" org.latentlab.bench.QuizLoad --db="$db" --pace="$mode" \
      --students="$STUDENTS" -- ${APP_ARGS:-} || STATUS=1
  done
  if [[ "$db" == postgresql ]]; then
    stop_postgres
  fi
done
exit "$STATUS"
