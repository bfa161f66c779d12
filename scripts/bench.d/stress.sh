# scripts/bench stress [SECONDS]: the stress-test numbers of BENCHMARKS.md, in one run.
#  1. stress-test --duration 30 --writers 4 --readers 4 --processes 2 (the report as printed)
#  2. stress-test --profile at the default scale (the seeds' latency targets)
#  3. writes per second for 1, 2, 4 and 8 writers: stress-test --workload telemetry --readers 0 against the same
#     write operations in a plain-JDBC loop (dev.litectl.bench.PlainJdbcWritesBench), alternating, SECONDS
#     (default 10) each, and litectl's overhead in percent.
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}
bench_build
cp=$(bench_classpath)
lc() { java -XX:+UseSerialGC -jar "$JAR" "$@"; }

echo "### 1. litectl stress-test --duration 30 --writers 4 --readers 4 --processes 2"
echo '```'
lc stress-test --duration 30 --writers 4 --readers 4 --processes 2 || echo "(exit $?)"
echo '```'
echo
echo "### 2. litectl stress-test --profile"
echo '```'
lc stress-test --profile 2>&1 || echo "(exit $?)"
echo '```'
echo
echo "### 3. writes/s, telemetry writes, ${seconds} s per run, litectl vs plain JDBC"
echo
echo "| writers | litectl stress-test (writes/s) | plain JDBC loop (writes/s) | litectl overhead |"
echo "|---:|---:|---:|---:|"
for n in 1 2 4 8; do
  l=$(lc --format json stress-test --workload telemetry --writers "$n" --readers 0 --duration "$seconds" \
      | awk -F': ' '/"writes_per_s"/ { gsub(/[ ,]/, "", $2); print $2; exit }')
  p=$(java -XX:+UseSerialGC -cp "$cp" dev.litectl.bench.PlainJdbcWritesBench "$n" "$seconds" | awk '{ print $2 }')
  o=$(awk -v l="$l" -v p="$p" 'BEGIN { printf "%+.1f%%", (p - l) / p * 100 }')
  echo "| $n | $l | $p | $o |"
done
