#!/usr/bin/env bash
# Runs every Scripts/sessions/NAME.txt through the built binary in pipe mode and compares
# stdout with NAME.expected and the exit status with the script's "#! exit N" line (0 when
# absent). Prints "sessions: N passed, N failed". With --update, rewrites the .expected files.
#
# Headers a script may carry (lines starting with "#!", ignored by the assistant as comments):
#   #! exit N            expected exit status
#   #! today YYYY-MM-DD  the day of the run (default 2026-11-22)
#   #! ledger NAME       run on a ledger file shared by every script naming it, in name order
#                        (created from the demo of 2026-11-22 by the first one): a story over
#                        several days. Without it, a fresh in-memory demo ledger.
set -uo pipefail
cd "$(dirname "$0")/.."
update=0
[ "${1:-}" = "--update" ] && update=1
binary="${ENCAISSE_BIN:-.build/debug/encaisse}"
[ -x "$binary" ] || swift build --product encaisse >/dev/null
ledgers=$(mktemp -d)
trap 'rm -rf "$ledgers"' EXIT
passed=0
failed=0
for script in Scripts/sessions/*.txt; do
  name=$(basename "$script" .txt)
  header() { sed -n "s/^#! $1 \(.*\)$/\1/p" "$script" | head -n 1; }
  expected_status=$(header exit)
  expected_status=${expected_status:-0}
  today=$(header today)
  today=${today:-2026-11-22}
  ledger=$(header ledger)
  if [ -n "$ledger" ]; then
    file="$ledgers/$ledger.sqlite"
    [ -f "$file" ] || "$binary" demo --db "$file" --today 2026-11-22 >/dev/null 2>&1
    source_args=(--db "$file")
  else
    source_args=(--demo)
  fi
  actual=$(mktemp)
  NO_COLOR=1 ENCAISSE_OUTBOX="$ledgers/outbox" "$binary" "${source_args[@]}" --today "$today" < "$script" > "$actual" 2>/dev/null
  status=$?
  if [ "$update" -eq 1 ]; then
    cp "$actual" "${script%.txt}.expected"
  elif diff -u "${script%.txt}.expected" "$actual" > /dev/null && [ "$status" -eq "$expected_status" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "session $name: FAILED (exit $status, expected $expected_status)"
    diff -u "${script%.txt}.expected" "$actual" | head -n 20
  fi
  rm -f "$actual"
done
if [ "$update" -eq 1 ]; then
  git --no-pager diff --stat -- Scripts/sessions
  exit 0
fi
echo "sessions: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
