# scripts/bench recover [SIZE_MB]: litectl recover against the reference shell's `.recover | sqlite3 new.db`
# on a ~500 MB database (default) with one damaged page (a zeroed table leaf in the middle of the file).
# Prints the rows each recovered, both times and the ratio litectl / shell (target: >= rows, <= 2x time).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size_mb=${1:-500}
work="$ROOT/target/bench-recover"
mkdir -p "$work"
bench_build
SHELL3=$(bash "$ROOT/scripts/build-reference-sqlite3.sh")

db="$work/source-$size_mb.db"
if [ ! -s "$db" ]; then
  # ~250 bytes a row: an agent-style messages table with two indexes, a few overflowing rows
  rows=$((size_mb * 1024 * 1024 / 250))
  "$SHELL3" "$db" <<SQL >/dev/null
PRAGMA page_size = 4096;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE sessions (id TEXT PRIMARY KEY, name TEXT, created_at TEXT) WITHOUT ROWID;
CREATE TABLE messages (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, role TEXT, content TEXT,
  tokens INTEGER, score REAL, created_at TEXT);
CREATE INDEX messages_session ON messages (session_id, id);
CREATE INDEX messages_created ON messages (created_at);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)
INSERT INTO sessions SELECT 'session-' || i, 'name ' || i, datetime(1700000000 + i, 'unixepoch') FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $rows)
INSERT INTO messages SELECT i, 'session-' || (i % 20000), CASE i % 3 WHEN 0 THEN 'user' ELSE 'assistant' END,
  CASE WHEN i % 5000 = 0 THEN printf('%.*c', 20000, 'x') ELSE printf('message %d %.*c', i, 90 + i % 60, 'y') END,
  i % 4000, i / 7.0, datetime(1700000000 + i, 'unixepoch') FROM s;
SQL
fi
damaged="$work/damaged-$size_mb.db"
cp "$db" "$damaged"
# zero one leaf page of messages, half-way through the file
page=$("$SHELL3" "$db" "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf')")
dd if=/dev/zero of="$damaged" bs=4096 seek=$((page - 1)) count=1 conv=notrunc status=none
source_rows=$("$SHELL3" "$db" "SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM sessions)")

rm -f "$work/litectl.db" "$work/shell.db" "$work/shell.sql"
t_litectl=$(bench_time java -jar "$JAR" --db "$damaged" recover --to "$work/litectl.db")
t_shell=$(bench_time bash -c "'$SHELL3' '$damaged' .recover | '$SHELL3' '$work/shell.db'")

count() {
  "$SHELL3" "$1" "SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM sessions)"
}
echo "database:        $(du -m "$db" | cut -f1) MB, $source_rows rows; page $page zeroed"
echo "litectl recover: $(count "$work/litectl.db") rows in ${t_litectl}s"
echo "sqlite3 .recover | sqlite3: $(count "$work/shell.db") rows in ${t_shell}s"
echo "time ratio litectl/shell: $(bench_ratio "$t_litectl" "$t_shell")"
