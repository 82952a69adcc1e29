#!/usr/bin/env bash
# Regenerates Scripts/sessions/*.expected from the current binary. Review the diff before
# committing: the expected files are the specification of the end-to-end behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product encaisse >/dev/null
for script in Scripts/sessions/*.txt; do
  NO_COLOR=1 ./.build/debug/encaisse --demo --today 2026-11-22 < "$script" > "${script%.txt}.expected" || true
done
git --no-pager diff --stat -- Scripts/sessions
