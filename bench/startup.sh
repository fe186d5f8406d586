#!/usr/bin/env bash
# Start-up figures of the packaged jar: time from launch to the first page served (cold: empty data folder, so the
# PyTorch library is unpacked too; warm: later starts) and to the ML parts being ready (PyTorch and the shipped
# models load in the background: /actuator/health turns from WARMING_UP to UP), the same with the JDK's AOT cache
# (JDK 25+, see README), jar size, and memory after a minute of idling.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing; needs JAVA_HOME >= 21)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS="${1:-3}"
PORT="${PORT:-18080}"
WORK="$(mktemp -d)"
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

# Starts the app in the background (PID), sets FIRST_PAGE_MS once "/" answers 200 and ML_READY_MS once the health
# endpoint says UP (the engine and the shipped models have loaded).
start_and_measure() {
  local start end
  start=$(date +%s%N)
  ML_READY_MS=""; FIRST_PAGE_MS=""
  (cd "$WORK" && exec "$JAVA" --enable-native-access=ALL-UNNAMED ${JVM_ARGS:-} -jar "${RUN_JAR:-$JAR}" --server.port="$PORT" \
     --spring.profiles.active=demo ${EXTRA_ARGS:-} > "$WORK/app.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 1200); do
    if curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/" 2>/dev/null | grep -q 200; then
      end=$(date +%s%N); FIRST_PAGE_MS=$(( (end - start) / 1000000 )); break
    fi
    sleep 0.05
  done
  [[ -n "${FIRST_PAGE_MS:-}" ]] || { echo "did not start; see $WORK/app.log" >&2; exit 1; }
  for _ in $(seq 1 1200); do
    if curl -s "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$'; then
      end=$(date +%s%N); ML_READY_MS=$(( (end - start) / 1000000 )); return
    fi
    sleep 0.05
  done
  echo "the ML parts did not become ready; see $WORK/app.log" >&2; exit 1
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

echo "jar: $JAR"
echo "jar_size_mb=$(( $(stat -c %s "$JAR") / 1024 / 1024 ))"
start_and_measure
echo "cold_first_page_ms=$FIRST_PAGE_MS cold_ml_ready_ms=$ML_READY_MS"
stop
for i in $(seq 1 "$RUNS"); do
  start_and_measure
  echo "warm_first_page_ms_run$i=$FIRST_PAGE_MS warm_ml_ready_ms_run$i=$ML_READY_MS"
  if [[ "$i" -lt "$RUNS" ]]; then stop; fi
done
# The AOT cache: extract the jar, record a cache in one training start, then start with it.
if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  stop
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" > /dev/null
  RUN_JAR="$(ls "$WORK"/extracted/*.jar | head -n1)"
  (cd "$WORK" && "$JAVA" --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput="$WORK/app.aot" \
      -Dspring.context.exit=onRefresh -jar "$RUN_JAR" --server.port="$PORT" > "$WORK/aot-training.log" 2>&1)
  JVM_ARGS="-XX:AOTCache=$WORK/app.aot"
  for i in $(seq 1 "$RUNS"); do
    start_and_measure
    echo "aot_cache_first_page_ms_run$i=$FIRST_PAGE_MS aot_cache_ml_ready_ms_run$i=$ML_READY_MS"
    if [[ "$i" -lt "$RUNS" ]]; then stop; fi
  done
fi

# Idle: one page view, then a minute of nothing; VmHWM is the peak resident memory so far, VmRSS the current one.
curl -s -o /dev/null "http://localhost:$PORT/"
sleep "${IDLE_SECONDS:-60}"
JPID="$PID"
echo "idle_rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/"$JPID"/status) / 1024 ))"
echo "peak_rss_mb=$(( $(awk '/VmHWM/ {print $2}' /proc/"$JPID"/status) / 1024 ))"
stop
