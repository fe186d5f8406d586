# Shared by the benchmark scripts: the JDK, the packaged jar (built when missing) and test_classpath for the
# programs in test scope. Source it, then use $JAVA, $JAR, $TEST_CLASSPATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
find_jar() { ls "$ROOT"/target/latent-lab-*.jar 2>/dev/null | grep -v original | head -n1 || true; }
# JAR=<an older build's jar> compares it with this one (bench/decode-flood, bench/startup.sh ...).
JAR="${JAR:-$(find_jar)}"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  JAR="$(find_jar)"
fi
# For the benchmarks that run in test scope (src/test/java/org/latentlab/bench): compiles the tests and sets
# $TEST_CLASSPATH (absolute, so the scripts may cd elsewhere). Usage: test_classpath <name>
test_classpath() {
  (cd "$ROOT" && ./mvnw -B -q test-compile >&2 \
    && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="target/$1.classpath" >&2)
  TEST_CLASSPATH="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/$1.classpath")"
}
