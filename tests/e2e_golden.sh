#!/usr/bin/env bash
# Golden end-to-end test: `econkg build samples/` must write, byte for byte,
# the files checked in under tests/golden/. Regenerate them only with
# tools/update_golden.sh, and read the diff before committing it.
# usage: e2e_golden.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
status=0
"$bin" build "$src/samples" -o "$scratch/out" --quiet || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: econkg build samples/ exited $status"; exit 1
fi
fail=0
for expected in "$src"/tests/golden/*; do
  name=$(basename "$expected")
  if ! cmp -s "$expected" "$scratch/out/$name"; then
    echo "FAIL: $name differs from tests/golden/$name:"
    diff -u "$expected" "$scratch/out/$name" | head -40 || true
    fail=1
  fi
done
# Every file the build writes is under golden control.
for written in "$scratch"/out/*; do
  name=$(basename "$written")
  [ -e "$src/tests/golden/$name" ] || { echo "FAIL: $name is written but has no golden file"; fail=1; }
done
n=$(ls "$src"/tests/golden | wc -l)
if [ "$fail" -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi
echo "golden: $n files identical"
