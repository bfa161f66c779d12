#!/usr/bin/env bash
# scripts/smoke.sh [LITECTL...]: a short end-to-end run of litectl's commands, for any build of it.
#   scripts/smoke.sh                           the ./litectl launcher (the jar in target/)
#   scripts/smoke.sh java -jar target/litectl.jar
#   scripts/smoke.sh target/litectl            the native image (CI's native job)
# Each step runs one command in a fresh temporary folder and checks its exit code and stdout. Prints one line
# a step and "smoke: N passed, N failed"; exits 1 if any step failed. SmokeIT runs it against the jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- "$root/litectl"
LITECTL=()
for arg in "$@"; do                      # the steps run in a temporary folder: make relative file names absolute
  if [[ $arg != /* && -e $arg ]]; then arg=$PWD/$arg; fi
  LITECTL+=("$arg")
done
work=$(mktemp -d "${TMPDIR:-/tmp}/litectl-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0

# step EXIT PATTERN ARGS...: run litectl ARGS; pass when it exits EXIT and (unless PATTERN is '') its stdout
# has a line matching the extended regular expression PATTERN.
step() {
  local want=$1 pattern=$2 code=0
  shift 2
  "${LITECTL[@]}" "$@" >"$work/stdout" 2>"$work/stderr" </dev/null || code=$?
  if [ "$code" = "$want" ] && { [ -z "$pattern" ] || grep -Eq -- "$pattern" "$work/stdout"; }; then
    passed=$((passed + 1)); echo "ok    litectl $*"
  else
    failed=$((failed + 1)); echo "FAIL  litectl $*: exit $code (wanted $want${pattern:+, stdout matching /$pattern/})"
    sed 's/^/      stdout| /' "$work/stdout" | head -20; sed 's/^/      stderr| /' "$work/stderr" | head -20
  fi
}

db=$work/app.db
step 0 '^litectl '                     --version
step 0 '^verified'                     --db "$db" init
step 0 ''                              --db "$db" migrate
step 0 ' applied'                      --db "$db" migration-status --check
step 0 '"state" : "applied"'           --db "$db" migration-status --format json
step 1 ''                              --db "$work/missing.db" migration-status
step 2 ''                              --db "$db" migration-status --no-such-option
step 0 '^ok'                           --db "$db" check

# a project's own migrations: new, migrate, rollback, and --check noticing the pending one
mkdir "$work/migrations"
step 0 '001-add-notes.sql'             --migrations "$work/migrations" new add-notes
printf -- '-- migrate:up\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n\n-- migrate:down\nDROP TABLE notes;\n' \
  > "$work/migrations/001-add-notes.sql"
step 0 ''                              --db "$work/project.db" --migrations "$work/migrations" migrate
step 0 ''                              --db "$work/project.db" --migrations "$work/migrations" rollback
step 3 'pending'                       --db "$work/project.db" --migrations "$work/migrations" migration-status --check

step 0 '^complete -F _complete_litectl' completion bash
step 0 'bashcompinit'                   completion zsh

step 0 '^n$'                           --db "$db" --format csv query 'select count(*) as n from sessions'
for f in table box csv tsv json jsonl markdown line; do
  step 0 ''                            --db "$db" --format "$f" query "select 1 as one, 'two' as two, null as three, x'00ff' as four"
done
step 0 '^\['                           --db "$db" --format json query 'select * from sessions'
step 0 ''                              --db "$db" info
step 0 ''                              --db "$db" vacuum --analyze
step 0 ''                              --db "$db" backup --to "$work/backup.db" --verify
step 0 ''                              --db "$db" maintain --retain 30 --backup-to "$work/backups" --keep 2
cp "$db" "$work/damaged.db" 2>/dev/null || : > "$work/damaged.db"
printf 'garbage!garbage!' | dd of="$work/damaged.db" bs=1 seek=8192 conv=notrunc 2>/dev/null || :
step 0 ''                              --db "$work/damaged.db" recover --to "$work/recovered.db"
step 0 'lost writes: 0'                --db "$db" stress-test --duration 5

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
