#!/usr/bin/env bash
# Outputs do not depend on --threads: `build` and `extract` on samples/ plus
# the development corpus give byte-identical files for 1, 2 and 4 threads.
# Usage: bash tests/e2e_threads.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail

# shellcheck source=lib/e2e_common.sh
source "$(dirname "$0")/lib/e2e_common.sh" "$@"

inputs=("$src/samples")
dev="$src/../shared/eval/dev/corpus.jsonl"
if [ -f "$dev" ]; then
  inputs+=("$dev")
else
  echo "# $dev not found: samples/ only"
fi

for n in 1 2 4; do
  "$econkg" build --quiet --threads "$n" "${inputs[@]}" -o "out$n" </dev/null 2>"build$n.err"
  check "build --threads $n exits 0" test $? -eq 0
  "$econkg" extract --quiet --threads "$n" "${inputs[@]}" >"extract$n.jsonl" 2>"extract$n.err" </dev/null
  check "extract --threads $n exits 0" test $? -eq 0
done
check "extract writes statements" test -s extract1.jsonl
check "build writes the same set of files for 1, 2, 4 threads" \
  test "$(ls -A out1)" = "$(ls -A out2)" -a "$(ls -A out1)" = "$(ls -A out4)"
for f in out1/*; do
  name=$(basename "$f")
  for n in 2 4; do
    check "build: $name identical for --threads 1 and $n" cmp -s "$f" "out$n/$name"
  done
done
for n in 2 4; do
  check "extract: output identical for --threads 1 and $n" cmp -s extract1.jsonl "extract$n.jsonl"
  check "extract: messages identical for --threads 1 and $n" cmp -s extract1.err "extract$n.err"
done

finish
