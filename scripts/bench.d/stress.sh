# scripts/bench stress [SECONDS] [PARTS]: the stress-test numbers of BENCHMARKS.md, in one run (PARTS: which of
# 1 2 3 below, default all).
#  1. stress-test --duration 30 --writers 4 --readers 4 --processes 2 (the report as printed)
#  2. stress-test --profile at the default scale (the seeds' latency targets)
#  3. writes per second for 1, 2, 4 and 8 writers: stress-test --workload telemetry --readers 0 against the same
#     write operations in a plain-JDBC loop (dev.litectl.bench.PlainJdbcWritesBench), alternating, 3 runs of
#     SECONDS (default 5) each, the best of each, and litectl's overhead in percent ((plain - litectl) / plain).
source "$(dirname "$0")/lib.sh"
seconds=${1:-5}
parts=${2:-123}
bench_build
cp=$(bench_classpath)
lc() { java -XX:+UseSerialGC -jar "$JAR" "$@"; }

if [[ $parts == *1* ]]; then
echo "### 1. litectl stress-test --duration 30 --writers 4 --readers 4 --processes 2"
echo '```'
lc stress-test --duration 30 --writers 4 --readers 4 --processes 2 || echo "(exit $?)"
echo '```'
fi
if [[ $parts == *2* ]]; then
echo
echo "### 2. litectl stress-test --profile"
echo '```'
lc stress-test --profile 2>&1 || echo "(exit $?)"
echo '```'
fi
if [[ $parts == *3* ]]; then
echo
echo "### 3. writes/s, telemetry writes, best of 3 alternating runs of ${seconds} s, litectl vs plain JDBC"
echo
echo "| writers | litectl stress-test (writes/s) | plain JDBC loop (writes/s) | litectl overhead | runs (litectl / plain) |"
echo "|---:|---:|---:|---:|---|"
for n in 1 2 4 8; do
  ls=(); ps=()
  for run in 1 2 3; do
    ls+=("$(lc --format json stress-test --workload telemetry --writers "$n" --readers 0 --duration "$seconds" \
        | awk -F': ' '/"writes_per_s"/ { gsub(/[ ,]/, "", $2); print $2; exit }')")
    ps+=("$(java -XX:+UseSerialGC -cp "$cp" dev.litectl.bench.PlainJdbcWritesBench "$n" "$seconds" | awk '{ print $2 }')")
  done
  l=$(printf '%s\n' "${ls[@]}" | sort -g | tail -1); p=$(printf '%s\n' "${ps[@]}" | sort -g | tail -1)
  o=$(awk -v l="$l" -v p="$p" 'BEGIN { printf "%+.1f%%", (p - l) / p * 100 }')
  echo "| $n | $l | $p | $o | ${ls[*]} / ${ps[*]} |"
done
fi
