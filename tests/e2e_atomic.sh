#!/usr/bin/env bash
# Outputs are replaced atomically: a build killed with SIGKILL leaves every
# previous output file of its folder whole.
#  1. killed during extraction: every previous file unchanged, no new file;
#  2. killed while writing (as soon as the first temporary file appears):
#     every output name holds either its previous file or the complete new
#     one (never a part), and a temporary file never has an output's name;
#  3. not killed: only the new outputs are left.
# The input is a generated corpus (bench/gen_corpus.py, 10 MB, or
# $ECONKG_ATOMIC_CORPUS_MB: tests/CMakeLists.txt gives 3 for the slower
# sanitizer build) large enough that extraction lasts about 0.4 s at
# 2 threads (with 3 MB, an optimised build finished before the kill in about
# one run in ten).
# Usage: bash tests/e2e_atomic.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail

# shellcheck source=lib/e2e_common.sh
source "$(dirname "$0")/lib/e2e_common.sh" "$@"

"$python" "$src/bench/gen_corpus.py" "${ECONKG_ATOMIC_CORPUS_MB:-10}" --seed 7 -o big.jsonl 2>/dev/null
check "generated a corpus" test -s big.jsonl

# The outputs of samples/ stand for a folder's previous outputs.
"$econkg" build --quiet "$src/samples" -o old </dev/null
check "previous outputs built" test -s old/triples.jsonl
outputs=$(ls -A old)

# is_open PID FILE: the process has FILE open (the reader got to it).
is_open() {
  local fd
  for fd in /proc/"$1"/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" = "$2" ] && return 0
  done
  return 1
}

# --- 1. killed during extraction ----------------------------------------------
rm -rf out && cp -a old out
"$econkg" build --quiet --threads 2 big.jsonl -o out </dev/null 2>/dev/null &
pid=$!
for _ in $(seq 1 3000); do  # up to 60 s for the lexicon to load
  is_open "$pid" "$scratch/big.jsonl" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
# Into extraction, well before its end: the corpus takes about 0.4 s at 2
# threads on a quiet host (a 0.5 s wait here made the test fail now and then).
sleep 0.05
temporaries=$(ls -A out | grep -c '\.tmp-')
if kill -0 "$pid" 2>/dev/null && [ "$temporaries" -eq 0 ]; then
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  check "killed during extraction (input open, no temporary file yet)" true
else
  wait "$pid" 2>/dev/null
  check "killed during extraction (input open, no temporary file yet)" false
fi
check "after a kill during extraction: same file names" test "$(ls -A out)" = "$outputs"
for f in $outputs; do
  check "after a kill during extraction: $f unchanged" cmp -s "old/$f" "out/$f"
done

# --- 2. killed while writing ----------------------------------------------------
"$econkg" build --quiet --threads 2 big.jsonl -o new </dev/null
check "complete build of the corpus exits 0" test $? -eq 0
rm -rf out && cp -a old out
"$econkg" build --quiet --threads 2 big.jsonl -o out </dev/null 2>/dev/null &
pid=$!
shopt -s nullglob dotglob
seen=""
while kill -0 "$pid" 2>/dev/null; do
  tmp=(out/.*.tmp-*)
  if [ "${#tmp[@]}" -gt 0 ]; then
    kill -KILL "$pid" 2>/dev/null && seen=yes
    break
  fi
  sleep 0.005
done
wait "$pid" 2>/dev/null
shopt -u nullglob dotglob
check "killed while a temporary file was being written" test "$seen" = yes
for f in $outputs; do
  check "after a kill while writing: $f is the previous or the new file, whole" \
    bash -c 'cmp -s "$1" "$3" || cmp -s "$2" "$3"' _ "old/$f" "new/$f" "out/$f"
done
check "after a kill while writing: no other name than outputs and .NAME.tmp-PID" \
  test -z "$(ls -A out | grep -vxF -f <(printf '%s\n' $outputs) | grep -vE '^\.[a-z]+\.[a-z]+\.tmp-[0-9]+$')"
"$econkg" build --quiet --threads 2 big.jsonl -o out </dev/null
check "a new build over the killed one exits 0" test $? -eq 0
for f in $outputs; do
  check "the new build replaces $f" cmp -s "new/$f" "out/$f"
done

# --- 3. a build over earlier outputs -------------------------------------------
# Each earlier file is swapped with the new one, then removed: nothing but
# the outputs is left, each the new file.
rm -rf out && cp -a old out
"$econkg" build --quiet --threads 2 big.jsonl -o out </dev/null
check "a build over earlier outputs exits 0" test $? -eq 0
check "a build over earlier outputs leaves only the outputs" test "$(ls -A out)" = "$outputs"
for f in $outputs; do
  check "a build over earlier outputs replaces $f" cmp -s "new/$f" "out/$f"
done

finish
