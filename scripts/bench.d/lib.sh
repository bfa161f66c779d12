# Shared helpers for scripts/bench.d/*.sh (sourced, not run).
# Benchmark Java code lives in src/test/java/dev/litectl/bench/ (classes named *Bench, never run as tests);
# benchmark-only libraries (Flyway, HikariCP) are test-scoped dependencies in pom.xml.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR="$ROOT/target/litectl.jar"

# Build the jar and the test classes once; print nothing on success.
bench_build() {
  (cd "$ROOT" && mvn -q -B -DskipTests package test-compile >/dev/null)
}

# Classpath for running a *Bench class: main classes, test classes, all test-scoped dependencies.
bench_classpath() {
  local cpfile="$ROOT/target/bench-classpath.txt"
  if [ ! -s "$cpfile" ] || [ "$ROOT/pom.xml" -nt "$cpfile" ]; then
    (cd "$ROOT" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null)
  fi
  echo "$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$cpfile")"
}

# Wall-clock seconds of a command (stdout discarded), with millisecond resolution.
bench_time() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

# ratio A B: A / B with two decimals.
bench_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
