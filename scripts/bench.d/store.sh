#!/usr/bin/env bash
# scripts/bench store: the store layer against plain JDBC, and DatabasePool against HikariCP.
#   1. StoreBench: p50/p99 of every store operation on a database with SESSIONS sessions (2 messages each) and
#      TELEMETRY telemetry rows, against the same statement in hand-written JDBC, interleaved in the same run.
#   2. PoolBench: 8 threads, 20% writes, DatabasePool vs HikariCP over sqlite-jdbc with the same pragmas.
# Environment: SESSIONS (100000), TELEMETRY (1000000), ITERATIONS (5000), POOL_SECONDS (10), BENCH_DIR (mktemp).
source "$(dirname "$0")/lib.sh"
SESSIONS=${SESSIONS:-100000}
TELEMETRY=${TELEMETRY:-1000000}
ITERATIONS=${ITERATIONS:-5000}
POOL_SECONDS=${POOL_SECONDS:-10}
DIR=${BENCH_DIR:-$(mktemp -d)}
bench_build
CP=$(bench_classpath)
echo "## store vs plain JDBC ($SESSIONS sessions, $TELEMETRY telemetry rows, $ITERATIONS calls per operation and side)"
java -Xmx2g -cp "$CP" dev.litectl.bench.StoreBench "$DIR/store.db" "$SESSIONS" "$TELEMETRY" "$ITERATIONS"
echo
echo "## DatabasePool vs HikariCP (8 threads, 20% writes, ${POOL_SECONDS}s each, two rounds)"
java -Xmx2g -cp "$CP" dev.litectl.bench.PoolBench "$DIR/pool.db" 8 "$POOL_SECONDS" 20
rm -f "$DIR"/store.db* "$DIR"/pool.db*
