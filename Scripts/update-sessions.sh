#!/usr/bin/env bash
# Regenerates Scripts/sessions/*.expected from the current binary. Review the diff before
# committing: the expected files are the specification of the end-to-end behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product encaisse >/dev/null
exec Scripts/run-sessions.sh --update
