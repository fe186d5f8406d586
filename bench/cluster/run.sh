#!/usr/bin/env bash
# The multi-node deployment of docs/deploy.md on one machine, on loopback: a PostgreSQL server (started here as
# .ci/start-postgres does, stopped afterwards), two web nodes and two training workers from the one packaged jar
# (roles from latentlab.node.roles, one shared checkpoint folder), and HAProxy (Debian's) in front of the web nodes
# with docs/deploy.md's configuration. The checks (src/test/java/org/latentlab/bench/ClusterCheck.java):
#   a) a run started through web node 1 shows live points on web node 2
#   b) kill -9 of the worker training it: the run goes on on the other worker from its last stored epoch
#   c) a cancel through web node 2 stops the run on its worker within 2 s
#   d) kill -9 of the web node a student sticks to: after a reload she goes on on the other, answers and run intact
#   e) a challenge's leaderboard updates by push on pages served by both web nodes
#   f) three students start the assignment's run at once, with two workers and then one: the runs spread over both
# Last line: checks_passed=<n>/6 resume_s=<kill to training again> cancel_s=<cancel to stopped>
#   burst_two_workers_s=<..> burst_one_worker_s=<..> (on one machine alike: the workers share its cores); exit 1 on a failure.
# Needs haproxy and chromium (apt-get install haproxy chromium). Usage: bench/cluster/run.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 2; }

./mvnw -B -q test-compile >&2
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cluster.classpath >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/cluster.classpath)"

eval "$("$ROOT/.ci/start-postgres")"
trap 'eval "$LATENTLAB_TEST_POSTGRES_STOP" >/dev/null 2>&1 || true' EXIT
"$JAVA" -cp "$CLASSPATH" -Dlatentlab.jar="$JAR" org.latentlab.bench.ClusterCheck
