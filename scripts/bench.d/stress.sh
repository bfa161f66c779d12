# scripts/bench stress [SECONDS] [PARTS]: the stress-test numbers of BENCHMARKS.md, in one run (PARTS: which of
# 1 2 3 below, default all).
#  1. stress-test --duration 30 --writers 4 --readers 4 --processes 2 (the report as printed)
#  2. stress-test --profile at the default scale (the seeds' latency targets)
#  3. writes per second for 1, 2, 4 and 8 writers: stress-test --workload telemetry --readers 0 through the store
#     API (--layer store) and through plain prepared statements (--layer jdbc), against the same write operations
#     in a bare plain-JDBC loop (dev.litectl.bench.PlainJdbcWritesBench), alternating, 3 runs of SECONDS
#     (default 5) each, the best of each, and the overheads in percent ((reference - measured) / reference).
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
echo "### 3. writes/s, telemetry writes, best of 3 alternating runs of ${seconds} s: store layer, jdbc layer, plain JDBC loop"
echo
echo "| writers | --layer store (writes/s) | --layer jdbc (writes/s) | plain JDBC loop (writes/s) | store vs jdbc layer | store vs plain loop | jdbc layer vs plain loop | runs (store / jdbc / plain) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
lw() { lc --format json stress-test --workload telemetry --layer "$1" --writers "$2" --readers 0 --duration "$seconds" \
        | awk -F': ' '/"writes_per_s"/ { gsub(/[ ,]/, "", $2); print $2; exit }'; }
pct() { awk -v m="$1" -v r="$2" 'BEGIN { printf "%+.1f%%", (r - m) / r * 100 }'; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }
for n in 1 2 4 8; do
  ss=(); js=(); ps=()
  for run in 1 2 3; do
    ss+=("$(lw store "$n")")
    js+=("$(lw jdbc "$n")")
    ps+=("$(java -XX:+UseSerialGC -cp "$cp" dev.litectl.bench.PlainJdbcWritesBench "$n" "$seconds" | awk '{ print $2 }')")
  done
  s=$(best "${ss[@]}"); j=$(best "${js[@]}"); p=$(best "${ps[@]}")
  echo "| $n | $s | $j | $p | $(pct "$s" "$j") | $(pct "$s" "$p") | $(pct "$j" "$p") | ${ss[*]} / ${js[*]} / ${ps[*]} |"
done
fi
