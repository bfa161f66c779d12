# scripts/bench query [ROWS]: ROWS (default 1,000,000) rows to CSV, whole process included:
# `litectl query --format csv` (the ./litectl launcher) against `sqlite3 -csv -header`, same database, same run.
# Each side runs 3 times after one warm-up run (page cache); the best time counts.
source "$(dirname "$0")/lib.sh"
rows=${1:-1000000}
command -v sqlite3 >/dev/null || { echo "query bench: needs the sqlite3 shell" >&2; exit 1; }
bench_build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
sqlite3 "$db" "CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT, score REAL, n INTEGER, note TEXT);
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT $rows)
  INSERT INTO rows SELECT x, 'user-' || x, x / 7.0, x * 31 % 1000,
    CASE WHEN x % 10 = 0 THEN NULL WHEN x % 3 = 0 THEN 'a, \"quoted\" note' ELSE 'plain note ' || x END FROM c;"
sql="SELECT * FROM rows"
best() {
  local best_t="" t
  "$@" >/dev/null
  for _ in 1 2 3; do
    t=$(bench_time "$@")
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then best_t=$t; fi
  done
  echo "$best_t"
}
lit=$(best "$ROOT/litectl" --db "$db" query --format csv "$sql")
ref=$(best sqlite3 -csv -header "$db" "$sql")
lines=$("$ROOT/litectl" --db "$db" query --format csv "$sql" | wc -l)
echo "query: $rows rows to CSV ($lines lines), best of 3, whole process"
echo "  litectl query --format csv : ${lit} s"
echo "  sqlite3 -csv -header       : ${ref} s"
echo "  ratio                      : $(bench_ratio "$lit" "$ref")x"
