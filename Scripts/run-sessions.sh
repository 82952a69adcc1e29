#!/usr/bin/env bash
# Runs every Scripts/sessions/NAME.txt through the built binary in pipe mode on the demo
# ledger (today fixed at 2026-11-22) and compares stdout with NAME.expected and the exit
# status with the script's "#! exit N" line (0 when absent). Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
binary="${ENCAISSE_BIN:-.build/debug/encaisse}"
[ -x "$binary" ] || swift build --product encaisse >/dev/null
passed=0
failed=0
for script in Scripts/sessions/*.txt; do
  name=$(basename "$script" .txt)
  expected_status=$(sed -n 's/^#! exit \([0-9]*\)$/\1/p' "$script" | head -n 1)
  expected_status=${expected_status:-0}
  actual=$(mktemp)
  NO_COLOR=1 "$binary" --demo --today 2026-11-22 < "$script" > "$actual" 2>/dev/null
  status=$?
  if diff -u "${script%.txt}.expected" "$actual" > /dev/null && [ "$status" -eq "$expected_status" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "session $name: FAILED (exit $status, expected $expected_status)"
    diff -u "${script%.txt}.expected" "$actual" | head -n 20
  fi
  rm -f "$actual"
done
echo "sessions: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
