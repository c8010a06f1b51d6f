#!/usr/bin/env bash
# End-to-end checks of the econkg command line: options, exit codes, messages,
# outputs, and byte-identical rebuilds.
# Usage: bash tests/e2e_cli.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail

# shellcheck source=lib/e2e_common.sh
source "$(dirname "$0")/lib/e2e_common.sh" "$@"

# run NAME ARGS...: runs econkg with stdout and stderr in NAME.out / NAME.err,
# and its exit code in $rc.
run() {
  local name=$1
  shift
  "$econkg" "$@" >"$name.out" 2>"$name.err" </dev/null
  rc=$?
}

# --- help, version, usage errors ------------------------------------------
run help --help
check "--help exits 0" test "$rc" -eq 0
check "--help lists the exit codes" grep -q "EXIT CODES" help.out
check "--help explains offsets" grep -q "code points" help.out
run build_help build --help
check "build --help exits 0" test "$rc" -eq 0
check "build --help shows -o" grep -q -- "--output" build_help.out

run version --version
check "--version exits 0" test "$rc" -eq 0
check "--version prints 'econkg X.Y.Z'" grep -Eq '^econkg [0-9]+\.[0-9]+\.[0-9]+' version.out

run unknown --no-such-option
check "unknown option exits 2" test "$rc" -eq 2
check "unknown option is named" grep -q -- "--no-such-option" unknown.err
run unknown_sub extract --no-such-option x.txt
check "unknown subcommand option exits 2" test "$rc" -eq 2
run no_sub
check "no subcommand exits 2" test "$rc" -eq 2
run no_output build "$src/samples"
check "build without -o exits 2" test "$rc" -eq 2
run no_input extract
check "extract without input exits 2" test "$rc" -eq 2
run bad_lang extract --lang de "$src/samples"
check "--lang de exits 2" test "$rc" -eq 2
run bad_date extract --date 2024-13-01 "$src/samples"
check "--date 2024-13-01 exits 2" test "$rc" -eq 2

# --- fatal errors -----------------------------------------------------------
run bad_lexicon extract --lexicon "$scratch/no-such-lexicon" "$src/samples"
check "missing lexicon folder exits 1" test "$rc" -eq 1
check "missing lexicon folder is named" grep -q "no-such-lexicon" bad_lexicon.err
: >not-a-dir
run bad_out build "$src/samples" -o not-a-dir/out
check "unwritable output folder exits 1" test "$rc" -eq 1
check "unwritable output folder is named" grep -q "not-a-dir/out" bad_out.err

# --- a missing input among good ones: exit 3, outputs still written --------
seed="$src/samples/microsoft-choose-france.fr.txt"
run missing build "$seed" "$scratch/missing-input.txt" -o out-missing
check "missing input exits 3" test "$rc" -eq 3
check "missing input is named on stderr" grep -q "missing-input.txt" missing.err
check "message has the econkg: prefix" grep -q "^econkg: .*missing-input.txt" missing.err
for f in triples.jsonl graph.graphml graph.jsonld; do
  check "missing input: $f still written" test -s "out-missing/$f"
done

# --- build on samples/ -----------------------------------------------------
run build1 build "$src/samples" -o out1
check "build samples/ exits 0" test "$rc" -eq 0
for f in triples.jsonl graph.graphml graph.jsonld; do
  check "build writes non-empty $f" test -s "out1/$f"
done
check "build leaves no temporary file" test -z "$(find out1 -name '.*tmp*')"
check "build prints a summary" grep -q "written to" build1.err
run quiet build --quiet "$src/samples" -o out-quiet
check "--quiet prints nothing on success" test ! -s quiet.err

run build2 build "$src/samples" -o out2
check "second build exits 0" test "$rc" -eq 0
for f in out1/* out1/.[!.]*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  check "rebuild gives byte-identical $name" cmp -s "$f" "out2/$name"
done
check "rebuild writes the same set of files" \
  test "$(cd out1 && ls -A | sort)" = "$(cd out2 && ls -A | sort)"

# --- extract: one JSON object per line -------------------------------------
jsonl="$src/samples/announcements.jsonl"
run extract extract "$jsonl"
check "extract exits 0" test "$rc" -eq 0
check "extract writes statements" test -s extract.out
check "extract writes one JSON object per line" "$python" -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    obj = json.loads(line)
    assert isinstance(obj, dict), line
    for key in ("doc", "subject", "predicate", "object", "evidence"):
        assert key in obj, key
    n += 1
assert n > 0
' extract.out

"$econkg" extract - <"$jsonl" >stdin.out 2>stdin.err
rc=$?
check "extract - reads JSONL from stdin" test "$rc" -eq 0
check "extract - gives the same lines as the file" cmp -s extract.out stdin.out

printf '%s\n' '{"id":"ok","lang":"en","text":"Nothing happens here."}' '{"id":"broken",' >broken.jsonl
run broken extract broken.jsonl
check "broken JSON line exits 3" test "$rc" -eq 3
check "broken JSON line is named file:line" grep -q "broken.jsonl:2:" broken.err

finish
