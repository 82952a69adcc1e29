#!/usr/bin/env bash
# Headless tests of the Neovim and Emacs extensions against the real binary.
# Usage: Scripts/editors/run-tests.sh   (binary: $ENCAISSE_BIN, default .build/debug/encaisse)
# Last line: "editors: N passed, N failed"; exit status 1 if anything failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

bin="${ENCAISSE_BIN:-$root/.build/debug/encaisse}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
export ENCAISSE_BIN="$bin"

passed=0
failed=0

finish() {
  echo "editors: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if [ ! -x "$bin" ]; then
  echo "encaisse binary not found or not executable: $bin (set ENCAISSE_BIN)" >&2
  failed=$((failed + 1))
  finish
fi

# Install the editors if missing (Debian packages; apt-get update only once).
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  echo "installing ${missing[*]}…"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >/dev/null ||
    echo "apt-get update failed" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" </dev/null >/dev/null || echo "apt-get install ${missing[*]} failed" >&2
fi

cd "$root" || exit 1
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

# Neovim: the test prints "nvim: N passed, N failed".
if command -v nvim >/dev/null 2>&1; then
  echo "== $(nvim --version | head -n 1)"
  timeout 300 nvim --headless -u NONE -i NONE -n \
    -c "set rtp+=Scripts/editors/nvim" \
    -c "luafile Scripts/editors/test/nvim_test.lua" </dev/null >"$log/nvim" 2>&1
  rc=$?
  cat "$log/nvim"
  line="$(grep -E '^nvim: [0-9]+ passed, [0-9]+ failed$' "$log/nvim" | tail -n 1)"
  if [ -n "$line" ]; then
    p="$(sed -E 's/^nvim: ([0-9]+) passed.*/\1/' <<<"$line")"
    f="$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")"
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
  else
    echo "nvim: no summary (exit $rc)"; failed=$((failed + 1))
  fi
else
  echo "nvim: not available"; failed=$((failed + 1))
fi

# Emacs: ERT prints "Ran N tests, M results as expected, K unexpected".
if command -v emacs >/dev/null 2>&1; then
  echo "== $(emacs --version | head -n 1)"
  timeout 300 emacs --batch -Q -l Scripts/editors/test/emacs-test.el \
    -f ert-run-tests-batch-and-exit </dev/null >"$log/emacs" 2>&1
  rc=$?
  cat "$log/emacs"
  line="$(grep -E '^Ran [0-9]+ tests?, [0-9]+ results? as expected' "$log/emacs" | tail -n 1)"
  if [ -n "$line" ]; then
    total="$(sed -E 's/^Ran ([0-9]+) tests?.*/\1/' <<<"$line")"
    ok="$(sed -E 's/^Ran [0-9]+ tests?, ([0-9]+) results?.*/\1/' <<<"$line")"
    passed=$((passed + ok)); failed=$((failed + total - ok))
    [ "$rc" -ne 0 ] && [ "$total" -eq "$ok" ] && failed=$((failed + 1))
  else
    echo "emacs: no summary (exit $rc)"; failed=$((failed + 1))
  fi
else
  echo "emacs: not available"; failed=$((failed + 1))
fi

finish
