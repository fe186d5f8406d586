# Shared by the benchmark scripts: the JDK and the packaged jar (built when missing). Source it, then use $JAVA, $JAR.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
find_jar() { ls "$ROOT"/target/latent-lab-*.jar 2>/dev/null | grep -v original | head -n1 || true; }
JAR="$(find_jar)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  JAR="$(find_jar)"
fi
