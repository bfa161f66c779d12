# scripts/bench migrate [COUNT]: apply COUNT (default 200) small migrations to a fresh database with litectl
# and with Flyway (org.flywaydb:flyway-core through its Java API), each as a whole process, best of 3 runs.
source "$(dirname "$0")/lib.sh"
count=${1:-200}
bench_build
cp=$(bench_classpath)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/litectl" "$work/flyway"
for i in $(seq 1 "$count"); do
  sql="CREATE TABLE t_$i (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT);
CREATE INDEX idx_t_${i}_name ON t_$i (name);
INSERT INTO t_$i (name) VALUES ('row $i');"
  printf -- '-- migrate:up\n%s\n-- migrate:down\nDROP TABLE t_%s;\n' "$sql" "$i" > "$work/litectl/$(printf %04d "$i")-m$i.sql"
  printf '%s\n' "$sql" > "$work/flyway/V${i}__m$i.sql"
done
best() { sort -n | head -1; }
lt=(); fw=()
for run in 1 2 3; do
  rm -f "$work"/l.db* "$work"/f.db*
  lt+=("$(bench_time java -jar "$JAR" --db "$work/l.db" --migrations "$work/litectl" migrate)")
  fw+=("$(bench_time java -cp "$cp" dev.litectl.bench.FlywayMigrateBench "$work/f.db" "$work/flyway")")
done
applied_l=$(java -jar "$JAR" --db "$work/l.db" --migrations "$work/litectl" migration-status --format json | grep -c '"state" : "applied"')
applied_f=$(sqlite3 "$work/f.db" 'select count(*) from flyway_schema_history where success = 1' 2>/dev/null || echo "?")
l=$(printf '%s\n' "${lt[@]}" | best); f=$(printf '%s\n' "${fw[@]}" | best)
echo "migrate: $count migrations, fresh database, whole process, best of 3"
echo "  litectl  ${l}s  (runs: ${lt[*]}; applied $applied_l)"
echo "  flyway   ${f}s  (runs: ${fw[*]}; applied $applied_f)"
echo "  ratio litectl/flyway: $(bench_ratio "$l" "$f")"
