#!/usr/bin/env bash
# Writes real reminders, a formal notice and a plan document as .eml files through the built
# binary (JSON-RPC direct calls on the demo ledger), then parses every file back with
# Python's e-mail package (Scripts/check-eml.py), with the Swift tests' own samples.
# Prints "outbox: N ok" or the problems, and exits non-zero on any.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${ENCAISSE_BIN:-.build/debug/encaisse}"
[ -x "$binary" ] || swift build --product encaisse >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ENCAISSE_OUTBOX="$work/outbox"
{
  echo '{"jsonrpc":"2.0","id":1,"method":"reminder.draft","params":{"client":"Garage Moreau","format":"eml"}}'
  echo '{"jsonrpc":"2.0","id":2,"method":"reminder.draft","params":{"client":"Bâtiment Garnier SA","level":"formalNotice","format":"eml"}}'
  echo '{"jsonrpc":"2.0","id":3,"method":"reminder.draft","params":{"client":"Martin & Fils","level":"reminder2","format":"eml"}}'
  echo '{"jsonrpc":"2.0","id":4,"method":"reminder.draft","params":{"client":"Café de l’Étoile","format":"eml"}}'
  echo '{"jsonrpc":"2.0","id":5,"method":"plan.propose","params":{"client":"Garage Moreau","installments":4,"format":"eml"}}'
} | NO_COLOR=1 "$binary" rpc --demo --today 2026-11-22 > "$work/responses.jsonl"
if grep -q '"error"' "$work/responses.jsonl"; then
  echo "outbox: an RPC call failed:"
  cat "$work/responses.jsonl"
  exit 1
fi
count=$(find "$work/outbox" -name '*.eml' | wc -l)
if [ "$count" -ne 5 ]; then
  echo "outbox: expected 5 .eml files, found $count"
  exit 1
fi
Scripts/check-eml.py --header-line-limit 78 "$work"/outbox/*.eml
Scripts/check-eml.py --expect-body-contains "F-2026-0235" --expect-body-contains "Nadia Benali" "$work"/outbox/*reminder1-MOREAU.eml
Scripts/check-eml.py --expect-body-contains "Mise en demeure" --expect-body-contains "indemnité forfaitaire" "$work"/outbox/*formalNotice-GARNIER.eml
Scripts/check-eml.py --expect-body-contains "Bon pour accord" "$work"/outbox/*echeancier*.eml
mkdir -p "$work/samples"
EML_SAMPLES_DIR="$work/samples" swift test --skip-build --filter MailTests >/dev/null
Scripts/check-eml.py --header-line-limit 78 "$work"/samples/*.eml
echo "outbox: $count ok"
