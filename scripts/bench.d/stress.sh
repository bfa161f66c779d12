# scripts/bench stress [SECONDS] [PARTS] [RUNS]: the stress-test numbers of BENCHMARKS.md, in one run.
#   SECONDS  length of each part-3 run (default 10)
#   PARTS    which of 1 2 3 below to run (default 123)
#   RUNS     runs per measurement (default 3): part 1 runs the point-1 command RUNS times, part 3 alternates
#            RUNS runs of each of its three variants per writer count
#  1. stress-test --duration 30 --writers 4 --readers 4 --processes 2 (the store layer, the default): the first
#     report as printed, then one line per run (exit code, writes, failed, busy events, lost writes, integrity)
#  2. stress-test --profile at the default scale (the seeds' latency targets)
#  3. writes per second for 1, 2, 4 and 8 writers: stress-test --workload telemetry --readers 0 through the store
#     API (--layer store) and through plain prepared statements (--layer jdbc), against the same write operations
#     in a bare plain-JDBC loop (dev.litectl.bench.PlainJdbcWritesBench), alternating, the best of each, and the
#     overheads in percent ((reference - measured) / reference; the target is store vs plain loop < 10%).
# Every part prints the load average when it starts and each row the load average when it ended: the machine
# has 2 cores, so a load above ~1 from anything else makes the numbers noisy.
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}
parts=${2:-123}
runs=${3:-3}
bench_build
cp=$(bench_classpath)
lc() { java -XX:+UseSerialGC -jar "$JAR" "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "scripts/bench stress $seconds $parts $runs: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)," \
     "$(nproc) cores, $(java -version 2>&1 | head -1), load average $(load)"

if [[ $parts == *1* ]]; then
echo
echo "### 1. litectl stress-test --duration 30 --writers 4 --readers 4 --processes 2 ($runs runs, load average $(load) at the start)"
echo
out=$(mktemp)
rows=()
for run in $(seq 1 "$runs"); do
  set +e
  lc stress-test --duration 30 --writers 4 --readers 4 --processes 2 >"$out" 2>&1
  code=$?
  set -e
  if [ "$run" = 1 ]; then
    echo '```'
    cat "$out"
    echo '```'
    echo
  fi
  writes=$(awk '/^writes:/ { print $2 " " $3 }' "$out")
  failed=$(awk '/^writes:/ { for (i = 1; i < NF; i++) if ($i == "failed:") print $(i + 1) }' "$out")
  busy=$(awk '/^busy:/ { print $2 " events, " $6 " past the timeout" }' "$out")
  lost=$(awk '/^lost writes:/ { print $3 }' "$out")
  integrity=$(awk '/^integrity/ { $1 = ""; sub(/^ /, ""); print }' "$out")
  rows+=("| $run | $code | $writes | ${failed:-?} | ${busy:-?} | ${lost:-?} | ${integrity:-?} | $(load) |")
done
rm -f "$out"
echo "| run | exit | writes (per s) | failed | busy events | lost writes | integrity | load average at the end |"
echo "|---:|---:|---|---:|---|---:|---|---|"
printf '%s\n' "${rows[@]}"
fi
if [[ $parts == *2* ]]; then
echo
echo "### 2. litectl stress-test --profile (load average $(load) at the start)"
echo '```'
lc stress-test --profile 2>&1 || echo "(exit $?)"
echo '```'
fi
if [[ $parts == *3* ]]; then
echo
echo "### 3. writes/s, telemetry writes, best of $runs alternating runs of ${seconds} s: store layer, jdbc layer, plain JDBC loop (load average $(load) at the start)"
echo
echo "| writers | --layer store (writes/s) | --layer jdbc (writes/s) | plain JDBC loop (writes/s) | store overhead vs plain loop (target < 10%) | store vs jdbc layer | jdbc layer vs plain loop | load average at the end | runs (store / jdbc / plain) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|---|"
lw() { lc --format json stress-test --workload telemetry --layer "$1" --writers "$2" --readers 0 --duration "$seconds" \
        | awk -F': ' '/"writes_per_s"/ { gsub(/[ ,]/, "", $2); print $2; exit }'; }
pct() { awk -v m="$1" -v r="$2" 'BEGIN { printf "%+.1f%%", (r - m) / r * 100 }'; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }
for n in 1 2 4 8; do
  ss=(); js=(); ps=()
  for run in $(seq 1 "$runs"); do
    ss+=("$(lw store "$n")")
    js+=("$(lw jdbc "$n")")
    ps+=("$(java -XX:+UseSerialGC -cp "$cp" dev.litectl.bench.PlainJdbcWritesBench "$n" "$seconds" | awk '{ print $2 }')")
  done
  s=$(best "${ss[@]}"); j=$(best "${js[@]}"); p=$(best "${ps[@]}")
  echo "| $n | $s | $j | $p | $(pct "$s" "$p") | $(pct "$s" "$j") | $(pct "$j" "$p") | $(load) | ${ss[*]} / ${js[*]} / ${ps[*]} |"
done
fi
