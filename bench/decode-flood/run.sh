#!/usr/bin/env bash
# One anonymous client floods the Playground's decode API (48 threads, 20 s, loopback) while a teacher signs in
# again and again: how many decodes are answered and refused per second (429 rate limit / 503 busy), and the
# sign-in latency before and during the flood. The load generator is src/test/java/org/latentlab/bench/DecodeFlood.java.
# Last line: decoded_per_s=<..> refused_per_s=<..> sign_in_quiet_p50_ms=<..> sign_in_flood_p50_ms=<..> sign_in_flood_max_ms=<..>
# (Before the rate limits, the security review measured about 1,000 decodes/s all answered and sign-in going from
# 14 ms to 50-180 ms. With the limit checked in the controller, 1,046 refusals/s and sign-in p50 1,329 ms during the
# flood; refused in a filter before anything else runs: 3,465 refusals/s and 865 ms, with this generator's 48 threads
# on the same two cores. With the app and the generator on a core each (APP_CPUS=0 GEN_CPUS=1): 3,241 refusals/s and
# sign-in p50 1,328 ms against 192 ms quiet; with each refusal held 1 s (latentlab.limits.refused-decode-delay, a
# tarpit): 37 refusals/s and sign-in p50 225-374 ms against 193-212 ms quiet.) With APP_CPUS and GEN_CPUS (e.g. APP_CPUS=0 GEN_CPUS=1) the app and the generator run on
# cores of their own (taskset), so the generator's CPU does not count against the app's sign-in latency.
# Usage: [JAR=an/older.jar] [APP_CPUS=0 GEN_CPUS=1] bench/decode-flood/run.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
./mvnw -B -q test-compile >&2
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/decode-flood.classpath >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/decode-flood.classpath)"
PIN=()
if [[ -n "${GEN_CPUS:-}" ]]; then PIN=(taskset -c "$GEN_CPUS"); fi
"${PIN[@]}" "$JAVA" -cp "$CLASSPATH" -Dlatentlab.jar="$JAR" -Dlatentlab.app-cpus="${APP_CPUS:-}" \
  org.latentlab.bench.DecodeFlood
