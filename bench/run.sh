#!/usr/bin/env bash
# Throughput benchmark: bench/run.sh [SIZE] [RUNS]
#   SIZE  corpus size in MB ("20") or documents ("100000d"); default 10
#   RUNS  runs of each measurement, the median is printed; default 3
# Builds the bench target in $BUILD (default: build/), generates the corpus
# into $BUILD/bench/ (generated announcements plus the development corpus
# ../shared/eval/dev/corpus.jsonl repeated, see bench/gen_corpus.py), and
# prints econkg's extract and build times, MB/s, words/s, ratio to a bare ICU
# pass, peak memory, for 1 and 2 threads, and the corpus's density (bytes and
# statements a document) beside the development set's. Not a test: nothing is
# asserted.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
size=${1:-10}
runs=${2:-3}
[ -f "$build/CMakeCache.txt" ] || cmake -S "$src" -B "$build"
cmake --build "$build" --target bench -j2 >/dev/null
mkdir -p "$build/bench"
corpus="$build/bench/corpus-$size.jsonl"
# Made again when the generator changed since.
[ -s "$corpus" ] && [ "$corpus" -nt "$src/bench/gen_corpus.py" ] || /usr/bin/python3 "$src/bench/gen_corpus.py" "$size" -o "$corpus"
dev="$src/../shared/eval/dev/corpus.jsonl"
"$build/bench/econkg_bench" "$build/econkg" "$corpus" --runs "$runs" --threads 1,2 --reference "$dev"
