#!/usr/bin/env bash
# scripts/bench store: the store layer against plain JDBC, and DatabasePool against HikariCP.
#   1. StoreBench: p50/p99 of every store operation on a database with SESSIONS sessions (2 messages each) and
#      TELEMETRY telemetry rows, against the same statement in hand-written JDBC, interleaved in the same run.
#   2. PoolBench: 8 threads, 20% writes, DatabasePool vs HikariCP over sqlite-jdbc with the same pragmas.
# Environment: SESSIONS (100000), TELEMETRY (1000000), ITERATIONS (10000), OPS (regex of operations, all),
# POOL_SECONDS (10; 0 skips part 2),
# BENCH_DIR (mktemp). Prints the machine, the commit and the load average before and after, for BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"
SESSIONS=${SESSIONS:-100000}
TELEMETRY=${TELEMETRY:-1000000}
ITERATIONS=${ITERATIONS:-10000}
OPS=${OPS:-}
POOL_SECONDS=${POOL_SECONDS:-10}
DIR=${BENCH_DIR:-$(mktemp -d)}
bench_build
CP=$(bench_classpath)
echo "# scripts/bench store  (SESSIONS=$SESSIONS TELEMETRY=$TELEMETRY ITERATIONS=$ITERATIONS OPS='$OPS' POOL_SECONDS=$POOL_SECONDS)"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'),"\
  "$(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## store vs plain JDBC ($SESSIONS sessions, $TELEMETRY telemetry rows; per operation and side $ITERATIONS warm-up calls, then $ITERATIONS timed)"
java -Xmx2g -cp "$CP" dev.litectl.bench.StoreBench "$DIR/store.db" "$SESSIONS" "$TELEMETRY" "$ITERATIONS" "$OPS"
echo "# load average after part 1: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$POOL_SECONDS" -gt 0 ]; then
  echo
  echo "## DatabasePool vs HikariCP (8 threads, 20% writes, ${POOL_SECONDS}s each, two rounds)"
  java -Xmx2g -cp "$CP" dev.litectl.bench.PoolBench "$DIR/pool.db" 8 "$POOL_SECONDS" 20
  echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
rm -f "$DIR"/store.db* "$DIR"/pool.db*
