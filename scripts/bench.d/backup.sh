# scripts/bench backup [SIZE_MB]: litectl backup vs the sqlite3 shell's .backup, and litectl vacuum vs sqlite3 VACUUM,
# on a ~500 MB WAL database, whole process included. litectl runs as users run it, through the ./litectl launcher
# (AppCDS archive, cached sqlite native library); one row runs the default method with plain `java -jar` for reference.
# Each timing is the median of 3 runs; the runs of all rows alternate, so load from elsewhere hits them alike.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size_mb=${1:-500}
command -v sqlite3 >/dev/null || { echo "scripts/bench backup: needs the sqlite3 shell" >&2; exit 1; }
bench_build
work="$ROOT/target/bench/backup"
mkdir -p "$work"
src="$work/src-${size_mb}mb.db"
if [ ! -s "$src" ]; then
  rows=$((size_mb * 1000))
  sqlite3 "$src" "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, b BLOB);
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $rows)
    INSERT INTO t(k, b) SELECT hex(randomblob(8)), randomblob(900) FROM c;
    CREATE INDEX t_k ON t(k); DELETE FROM t WHERE id % 10 = 0;" >/dev/null
fi
cat "$src" >/dev/null   # both sides read from the page cache
litectl="$ROOT/litectl"
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
time_backup_sqlite() { rm -f "$work/out-sqlite.db"; bench_time sqlite3 "$src" ".backup '$work/out-sqlite.db'"; }
time_backup_litectl() { rm -f "$work/out-litectl.db"; bench_time "$litectl" --db "$src" backup --to "$work/out-litectl.db" "$@"; }
time_backup_jar() { rm -f "$work/out-litectl.db"; bench_time java -jar "$JAR" --db "$src" backup --to "$work/out-litectl.db"; }
time_vacuum_sqlite() { cp "$src" "$work/vac-sqlite.db"; sync; bench_time sqlite3 "$work/vac-sqlite.db" "VACUUM"; }
time_vacuum_litectl() { cp "$src" "$work/vac-litectl.db"; sync; bench_time "$litectl" --db "$work/vac-litectl.db" vacuum; }

echo "database: $(du -h "$src" | cut -f1) ($src), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$litectl" --version >/dev/null   # the launcher's first run of a new jar makes its cache: not part of any timing
s=(); l=(); o=(); c=(); j=()
for i in 1 2 3; do
  s+=("$(time_backup_sqlite)")
  l+=("$(time_backup_litectl)")
  o+=("$(time_backup_litectl --method online-backup)")
  c+=("$(time_backup_litectl --compact)")
  j+=("$(time_backup_jar)")
done
bs=$(median3 "${s[@]}"); bl=$(median3 "${l[@]}"); bo=$(median3 "${o[@]}"); bc=$(median3 "${c[@]}"); bj=$(median3 "${j[@]}")
cmp -s <(sqlite3 "$work/out-sqlite.db" "SELECT count(*), sum(id) FROM t") <(sqlite3 "$work/out-litectl.db" "SELECT count(*), sum(id) FROM t") \
  || { echo "scripts/bench backup: the two backups differ" >&2; exit 1; }
vs=(); vl=()
for i in 1 2 3; do
  vs+=("$(time_vacuum_sqlite)")
  vl+=("$(time_vacuum_litectl)")
done
ws=$(median3 "${vs[@]}"); wl=$(median3 "${vl[@]}")
rm -f "$work"/out-*.db "$work"/vac-*.db
printf '%-52s %8s s\n' "sqlite3 .backup" "$bs"
printf '%-52s %8s s   ratio %s\n' "litectl backup (snapshot-copy, default)" "$bl" "$(bench_ratio "$bl" "$bs")"
printf '%-52s %8s s   ratio %s\n' "litectl backup --method online-backup" "$bo" "$(bench_ratio "$bo" "$bs")"
printf '%-52s %8s s   ratio %s\n' "litectl backup --compact (VACUUM INTO)" "$bc" "$(bench_ratio "$bc" "$bs")"
printf '%-52s %8s s   ratio %s\n' "java -jar litectl.jar backup (default, no launcher)" "$bj" "$(bench_ratio "$bj" "$bs")"
printf '%-52s %8s s\n' "sqlite3 VACUUM" "$ws"
printf '%-52s %8s s   ratio %s\n' "litectl vacuum" "$wl" "$(bench_ratio "$wl" "$ws")"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
