#!/usr/bin/env bash
# Checks that a speed change changed no output: tools/same_outputs.sh OLD NEW [CORPUS...]
#   OLD, NEW   two econkg binaries (say, main's and a branch's)
#   CORPUS     JSONL files to compare on; default: the development set, every
#              probe set under eval/, and build/bench/corpus-10.jsonl if it exists
# For each corpus, `extract` (1 and 2 threads) and every file `build` writes
# (1 and 2 threads) must be byte-identical between OLD and NEW; samples/ too.
# Prints one line per comparison and exits 1 if any differs.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
old=$(readlink -f "$1")
new=$(readlink -f "$2")
shift 2
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=("$src/../shared/eval/dev/corpus.jsonl" "$src"/eval/probe-*/corpus*.jsonl)
  [ -f "$src/build/bench/corpus-10.jsonl" ] && corpora+=("$src/build/bench/corpus-10.jsonl")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
same() {  # same FILE_A FILE_B LABEL
  if cmp -s "$1" "$2"; then echo "same     $3"; else echo "DIFFERS  $3"; status=1; fi
}
compare_build() {  # compare_build INPUT LABEL THREADS
  rm -rf "$work/a" "$work/b"
  "$old" build "$1" -o "$work/a" --threads "$3" --quiet
  "$new" build "$1" -o "$work/b" --threads "$3" --quiet
  for f in "$work"/a/*; do same "$f" "$work/b/$(basename "$f")" "$2 build --threads $3 $(basename "$f")"; done
}
for c in "${corpora[@]}"; do
  label=$(basename "$(dirname "$c")")/$(basename "$c")
  for t in 1 2; do
    "$old" extract "$c" --threads "$t" --quiet >"$work/old.jsonl"
    "$new" extract "$c" --threads "$t" --quiet >"$work/new.jsonl"
    same "$work/old.jsonl" "$work/new.jsonl" "$label extract --threads $t"
    compare_build "$c" "$label" "$t"
  done
done
compare_build "$src/samples" samples 1
exit $status
