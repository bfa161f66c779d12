#!/usr/bin/env bash
# Builds the reference sqlite3 shell for the recover tests, once, and prints its path.
#
# Debian's sqlite3 is built without the sqlite_dbpage virtual table, and without it the shell's .recover
# prints an error, exits 0 and recovers nothing. This builds a shell that really recovers, from the
# amalgamation (shell.c + sqlite3.c) carried under deps/ by the npm registry's `sqlite3` package, with
# SQLITE_ENABLE_DBPAGE_VTAB (which is what turns on SQLITE_SHELL_HAVE_RECOVER in shell.c) and the
# dbstat table. Cached in $LITECTL_SQLITE3_CACHE, else ~/.cache/litectl/sqlite3-recover, else target/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NPM_PACKAGE=${LITECTL_SQLITE3_NPM:-sqlite3@6.0.1}

cache=${LITECTL_SQLITE3_CACHE:-}
if [ -z "$cache" ]; then
  if mkdir -p "${HOME:-/nonexistent}/.cache/litectl/sqlite3-recover" 2>/dev/null; then
    cache="$HOME/.cache/litectl/sqlite3-recover"
  else
    cache="$ROOT/target/sqlite3-recover"
  fi
fi
mkdir -p "$cache"
shell="$cache/sqlite3"

works() {
  [ -x "$shell" ] && "$shell" :memory: "SELECT count(*) FROM sqlite_dbpage" >/dev/null 2>&1
}

if ! works; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$NPM_PACKAGE" >/dev/null)
  tar xzf "$work"/sqlite3-*.tgz -C "$work" --wildcards 'package/deps/sqlite-autoconf-*.tar.gz'
  tar xzf "$work"/package/deps/sqlite-autoconf-*.tar.gz -C "$work"
  src=$(echo "$work"/sqlite-autoconf-*)
  gcc -O2 -w -o "$work/sqlite3" \
    -DSQLITE_ENABLE_DBPAGE_VTAB -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_MATH_FUNCTIONS \
    -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION \
    "$src/shell.c" "$src/sqlite3.c" -lm
  mv "$work/sqlite3" "$shell"
  works || { echo "build-reference-sqlite3: the built shell has no sqlite_dbpage" >&2; exit 1; }
fi
echo "$shell"
