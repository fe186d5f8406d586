#!/usr/bin/env bash
# Records which classes a start-up of the packaged jar loads, in order, until the first page is served and the ML
# parts are ready, and writes them to the list the app preloads on a second thread (StartupClassPreloader). Run it
# after a dependency upgrade (StartupClassPreloaderTest fails when a tenth of the list no longer loads), rebuild the
# jar, and compare with bench/startup.sh. JDK classes in the default CDS archive, generated classes (lambdas,
# proxies) and duplicates are left out.
# Usage: bench/startup-classes.sh   (builds the jar first if it is missing; needs JAVA_HOME >= 21)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PORT="${PORT:-18080}"
WORK="$(mktemp -d)"
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
LIST=src/main/resources/META-INF/latentlab/startup-classes.txt

(cd "$WORK" && exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dlatentlab.startup-class-list=off \
   -Xlog:class+load=info:file="$WORK/classes.log" -jar "$JAR" --server.port="$PORT" --spring.profiles.active=demo \
   > "$WORK/app.log" 2>&1) &
PID=$!
for _ in $(seq 1 1200); do
  curl -s -o /dev/null "http://localhost:$PORT/" 2>/dev/null \
    && curl -s "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$' && break
  sleep 0.1
done
curl -s "http://localhost:$PORT/actuator/health" | grep -q '"status":"UP"}$' \
  || { echo "the app did not become ready; see $WORK/app.log" >&2; exit 1; }
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""

# "<name> source: jrt:/…" or "source: jar:nested:…" are loaded from a file; "shared objects file" is the CDS archive,
# other sources are generated classes.
awk '/ source: (jrt:|jar:nested:)/ { name = $2; if (name !~ /\$\$|Lambda/ && !seen[name]++) print name }' \
  "$WORK/classes.log" > "$LIST"
echo "$(wc -l < "$LIST") classes written to $LIST"
