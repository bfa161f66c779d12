# scripts/bench startup [RUNS]: whole-process start-up time of litectl, median of RUNS (default 15) runs each,
# measured in one run against the sqlite3 shell:
#   litectl --version, and litectl query 'select count(*) from sessions' on a database of 10,000 sessions
#   (migration-status when this build has no query command), each
#   - plain:    java -jar target/litectl.jar (JDK 17, then JDK 25 when installed)
#   - launcher: ./litectl, with its AppCDS archive (JDK 17) or AOT cache (JDK 25) and cached sqlite library
#   - and the sqlite3 shell for the same query.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs=${1:-15}
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
bench_build
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
db=$work/bench.db
java -jar "$JAR" --quiet --db "$db" init >/dev/null
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
               INSERT INTO sessions (id, name) SELECT printf('s%05d', i), 'session ' || i FROM n;"
sql='select count(*) from sessions'
if java -jar "$JAR" --help | grep -q '^  query '; then query=(query "$sql"); else query=(migration-status); fi

# median RUNS CMD...: the median wall-clock seconds of RUNS runs of CMD (stdout discarded).
median() {
  local n=$1; shift
  local times=()
  "$@" >/dev/null || { echo "startup: failed: $*" >&2; exit 1; }
  for _ in $(seq "$n"); do times+=("$(bench_time "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'
}
ms() { awk -v s="$1" 'BEGIN { printf "%5.0f ms", s * 1000 }'; }

export XDG_CACHE_HOME=$work/cache
row() { # row LABEL CMD...
  local label=$1; shift
  local v q
  v=$(median "$runs" "$@" --version)
  q=$(median "$runs" "$@" --db "$db" "${query[@]}")
  printf '%-44s %s   %s\n' "$label" "$(ms "$v")" "$(ms "$q")"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
echo "start-up, median of $runs runs; query = litectl ${query[*]}; sqlite3 shell for: $sql"
printf '%-44s %8s   %8s\n' "" "--version" "query"
first=$(bench_time "$ROOT/litectl" --version)
row "JDK 17 plain: java -jar litectl.jar" java -jar "$JAR"
row "JDK 17 ./litectl (AppCDS + cached sqlite lib)" "$ROOT/litectl"
if [ -x "$jdk25/bin/java" ]; then
  first25=$(JAVA_HOME=$jdk25 bench_time "$ROOT/litectl" --version)
  row "JDK 25 plain: java -jar litectl.jar" "$jdk25/bin/java" -jar "$JAR"
  JAVA_HOME=$jdk25 row "JDK 25 ./litectl (AOT cache + cached lib)" "$ROOT/litectl"
fi
s=$(median "$runs" sqlite3 "$db" "$sql")
printf '%-44s %8s   %s\n' "sqlite3 shell" "" "$(ms "$s")"
echo "first run of ./litectl (training run that makes the cache): JDK 17 $(ms "$first")${first25:+, JDK 25 $(ms "$first25")}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
