#!/usr/bin/env bash
# Fuzzes the French parser and the JSON-RPC framing and dispatch with libFuzzer.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET…]     TARGET: fuzz-parser, fuzz-rpc (default: both)
#
# Each target is built with `-sanitize=fuzzer` in its own scratch folder (.build-fuzz), first
# replays the committed corpus (Fuzz/corpus/NAME, seeds and past findings), then mutates it for
# SECONDS (default 60). The corpus it grows is kept in .build-fuzz/corpus, never in the repo;
# a crash, a hang (over 2 s for one input) or a memory blow-up (over 2 GiB) is written to
# .build-fuzz/artifacts and fails the run. Replay a finding with a normal build:
#   swift build --product fuzz-parser && .build/debug/fuzz-parser .build-fuzz/artifacts/FILE
# and, once fixed, commit it under Fuzz/corpus/NAME so that it is replayed from then on.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz-parser fuzz-rpc)

scratch=.build-fuzz
flags=(-c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld)
status=0
summary=()
for target in "${targets[@]}"; do
  name=${target#fuzz-}
  echo "== $target: build" >&2
  swift build "${flags[@]}" --product "$target" </dev/null >&2
  binary=$(swift build "${flags[@]}" --show-bin-path)/$target
  corpus=$scratch/corpus/$name
  mkdir -p "$corpus" "$scratch/artifacts"
  cp -n Fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  log=$scratch/$name.log
  echo "== $target: ${seconds} s" >&2
  set +e
  # The Swift runtime's backtracer would catch the crash before libFuzzer saves the input.
  SWIFT_BACKTRACE=enable=no "$binary" "$corpus" Fuzz/corpus/"$name" \
    -max_total_time="$seconds" -timeout=2 -max_len=4096 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$name-" >"$log" 2>&1
  code=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\) .*/\1/p' <<<"$last")
  features=$(sed -n 's/.* ft: \([0-9]*\) .*/\1/p' <<<"$last")
  files=$(find "$corpus" -type f | wc -l)
  if [ $code -ne 0 ]; then
    status=1
    grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|precondition|panic|==[0-9]+==' "$log" | head -20 >&2 || true
    summary+=("$target: ÉCHEC (code $code) après ${runs:-?} exécutions, voir $log")
  else
    summary+=("$target: ${runs:-?} exécutions en ${seconds} s, couverture ${cov:-?} arêtes, ${features:-?} traits, corpus ${files} entrées")
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
