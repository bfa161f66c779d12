# scripts/bench startup [RUNS]: whole-process start-up time of litectl, median of RUNS (default 15) runs each,
# measured in one run against the sqlite3 shell, the variants taking turns (one run of each, RUNS times over) so
# that this machine's drift in speed falls on all of them alike:
#   litectl --version, and litectl query 'select count(*) from sessions' on a database of 10,000 sessions
#   (migration-status when this build has no query command), each
#   - plain:    java -jar target/litectl.jar (JDK 17, then JDK 25 when installed)
#   - launcher: ./litectl, with its AppCDS archive (JDK 17) or AOT cache (JDK 25) and cached sqlite library
#   - and the sqlite3 shell for the same query, `java -version` (the JVM alone: the floor for any Java tool),
#     and plain JDBC: a Java program that opens the database with sqlite-jdbc and counts the rows, with the
#     launcher's JVM options and its own class-data archive (the floor for a Java tool that runs this query;
#     StartupFloorBench in src/test/java/dev/litectl/bench).
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

ms() { awk -v s="$1" 'BEGIN { printf "%5.0f ms", s * 1000 }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'; }

export XDG_CACHE_HOME=$work/cache
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
first=$(bench_time "$ROOT/litectl" --version)
[ -x "$jdk25/bin/java" ] && first25=$(JAVA_HOME=$jdk25 bench_time "$ROOT/litectl" --version)

# plain JDBC: StartupFloorBench in a jar of its own beside sqlite-jdbc's (class-data archives take only jars),
# with the launcher's options and an archive made the way the launcher makes its own
sqlite_jar=$(bench_classpath | tr ':' '\n' | grep '/sqlite-jdbc-')
(cd "$ROOT/target/test-classes" && jar cf "$work/floor.jar" dev/litectl/bench/StartupFloorBench.class)
floor_cp="$work/floor.jar:$sqlite_jar"
"$ROOT/litectl" --version >/dev/null # the launcher's cache: its extracted native library serves the floor too
native=$(dirname "$(ls "$work"/cache/litectl/17-*/native/*sqlitejdbc* | head -1)")
floor_opts="-XX:-UsePerfData -XX:CompileThresholdScaling=10 -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=libsqlitejdbc.so -Dorg.sqlite.tmpdir=$native"
floor=(dev.litectl.bench.StartupFloorBench "$db" sessions)
java -XX:+UseG1GC $floor_opts -XX:DumpLoadedClassList="$work/floor.classes" -cp "$floor_cp" "${floor[@]}" >/dev/null
java -XX:+UseG1GC -Xshare:dump -XX:SharedClassListFile="$work/floor.classes" -XX:SharedArchiveFile="$work/floor17.jsa" \
  -cp "$floor_cp" >/dev/null 2>&1
if [ -x "$jdk25/bin/java" ]; then
  "$jdk25/bin/java" -XX:+UseSerialGC $floor_opts -XX:AOTCacheOutput="$work/floor25.aot" -Xlog:aot=off -Xlog:cds=off \
    --enable-native-access=ALL-UNNAMED \
    -cp "$floor_cp" "${floor[@]}" >/dev/null 2>&1
fi

# the variants: a label, then the command as one string for eval (so JAVA_HOME=... can prefix it)
labels=() commands=()
variant() { labels+=("$1"); commands+=("$2"); }
for jdk in 17 25; do
  if [ "$jdk" = 17 ]; then java=java; env=; else java=$jdk25/bin/java; env="JAVA_HOME=$jdk25 "; fi
  [ "$jdk" = 25 ] && [ ! -x "$jdk25/bin/java" ] && continue
  archive=AppCDS; [ "$jdk" = 25 ] && archive="AOT cache"
  variant "JDK $jdk plain: java -jar litectl.jar|--version" "$java -jar \"\$JAR\" --version"
  variant "JDK $jdk plain: java -jar litectl.jar|query" "$java -jar \"\$JAR\" --db \"\$db\" \"\${query[@]}\""
  variant "JDK $jdk ./litectl ($archive, cached lib)|--version" "$env\"\$ROOT/litectl\" --version"
  variant "JDK $jdk ./litectl ($archive, cached lib)|query" "$env\"\$ROOT/litectl\" --db \"\$db\" \"\${query[@]}\""
  variant "JDK $jdk java -version (the JVM alone)|--version" "$java -version 2>/dev/null"
  if [ "$jdk" = 17 ]; then floor_archive="-XX:+UseG1GC -XX:SharedArchiveFile=\$work/floor17.jsa -Xlog:cds=off"
  else floor_archive="-XX:+UseSerialGC -XX:AOTCache=\$work/floor25.aot -Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED"; fi
  variant "JDK $jdk plain JDBC: open, count (archive)|query" "$java $floor_archive \$floor_opts -cp \"\$floor_cp\" \"\${floor[@]}\""
done
variant "sqlite3 shell|query" "sqlite3 \"\$db\" \"\$sql\""

declare -A times
for i in "${!commands[@]}"; do eval "${commands[$i]}" >/dev/null || { echo "startup: failed: ${commands[$i]}" >&2; exit 1; }; done
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    start=$(date +%s.%N); eval "${commands[$i]}" >/dev/null; end=$(date +%s.%N)
    times[$i]+=" $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')"
  done
done

echo "start-up, median of $runs runs, the variants taking turns; query = litectl ${query[*]}; sqlite3 shell for: $sql"
printf '%-46s %9s   %8s\n' "" "--version" "query"
declare -A cell value
rows=()
for i in "${!labels[@]}"; do
  row=${labels[$i]%|*} col=${labels[$i]#*|}
  # shellcheck disable=SC2086 # the times are a space-separated list
  value["$row|$col"]=$(median ${times[$i]})
  cell["$row|$col"]=$(ms "${value["$row|$col"]}")
  case " ${rows[*]} " in *" $row "*) ;; *) rows+=("$row") ;; esac
done
for row in "${rows[@]}"; do
  printf '%-46s %9s   %8s\n' "$row" "${cell["$row|--version"]:-}" "${cell["$row|query"]:-}"
done
for jdk in 17 25; do
  archive=AppCDS; [ "$jdk" = 25 ] && archive="AOT cache"
  litectl=${value["JDK $jdk ./litectl ($archive, cached lib)|query"]:-}
  jdbc=${value["JDK $jdk plain JDBC: open, count (archive)|query"]:-}
  [ -n "$litectl" ] && [ -n "$jdbc" ] &&
    echo "JDK $jdk: litectl's query / plain JDBC's: $(bench_ratio "$litectl" "$jdbc")x"
done
echo "first run of ./litectl (training run that makes the cache): JDK 17 $(ms "$first")${first25:+, JDK 25 $(ms "$first25")}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
