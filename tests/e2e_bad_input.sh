#!/usr/bin/env bash
# Bad input, nothing lost: a table of bad inputs, each run end to end through
# `econkg build` beside good documents. Each case checks the message (file and
# line), the exit code (3 when something was skipped, 0 when the input is
# only unusual: BOM, CRLF), and that every good document's statements are in
# triples.jsonl.
#
# An unreadable file cannot be made with chmod 000 when the tests run as root
# (CI does): root reads it anyway. That case runs only for other users; a
# directory named like an input file and a dangling symlink stand in for it.
# Usage: bash tests/e2e_bad_input.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail

# shellcheck source=lib/e2e_common.sh
source "$(dirname "$0")/lib/e2e_common.sh" "$@"

# A French and an English announcement that each give statements.
fr_text="$src/samples/altenor-rachete-veloria.fr.txt"
en_text="$src/samples/helix-acquires-brightline.en.txt"

# good_line ID [fr|en]: one good JSONL record (no line end).
good_line() {
  "$python" -c 'import json, sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[2], encoding="utf-8").read()}, ensure_ascii=False), end="")' \
    "$1" "$([ "${2:-fr}" = en ] && echo "$en_text" || echo "$fr_text")"
}

# has_docs TRIPLES ID...: every ID has at least one statement in TRIPLES.
has_docs() {
  "$python" - "$@" <<'PY'
import json, sys
docs = {json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8")}
missing = [d for d in sys.argv[2:] if d not in docs]
if missing:
    print("  missing statements of", missing, file=sys.stderr)
sys.exit(1 if missing else 0)
PY
}

# run_case NAME RC MESSAGE_REGEX "GOOD IDS" INPUT...: runs `econkg build` in
# folder NAME on the inputs (relative to it) plus good.txt, a good document
# of its own, and checks exit code, message (an extended regex, or "" for no
# message at all) and the good documents' statements.
run_case() {
  local name=$1 want_rc=$2 message=$3 ids=$4 failed_before=$failed
  shift 4
  cp "$en_text" "$name/good-$name.txt"
  (cd "$name" && "$econkg" build --quiet "$@" "good-$name.txt" -o out >stdout 2>stderr </dev/null)
  local rc=$?
  check "$name: exit code $want_rc" test "$rc" -eq "$want_rc"
  if [ -n "$message" ]; then
    check "$name: message matches '$message'" grep -Eq "^econkg: $message" "$name/stderr"
  else
    check "$name: no message" test ! -s "$name/stderr"
  fi
  check "$name: outputs written" test -s "$name/out/triples.jsonl" -a -s "$name/out/graph.graphml"
  # shellcheck disable=SC2086
  check "$name: good documents' statements in triples.jsonl" has_docs "$name/out/triples.jsonl" "good-$name" $ids
  if [ "$failed" -gt "$failed_before" ]; then sed 's/^/  # /' "$name/stderr" | head -5; fi
}

new_case() { mkdir -p "$1"; }

# --- invalid UTF-8 in a JSONL line, between two good lines -----------------
new_case utf8_jsonl
{ good_line u1; printf '\n{"id":"u2","text":"Caf\xe9 cr\xe8me"}\n'; good_line u3 en; printf '\n'; } >utf8_jsonl/bad.jsonl
run_case utf8_jsonl 3 'bad\.jsonl:2: invalid UTF-8 at byte 23$' "u1 u3" bad.jsonl

# --- invalid UTF-8 in a .txt file, on its third line --------------------------
new_case utf8_txt
printf 'Ligne une\nLigne deux\nLigne \xff trois\n' >utf8_txt/bad.txt
run_case utf8_txt 3 'bad\.txt:3: invalid UTF-8 at byte 7$' "" bad.txt

# --- a broken JSON line ------------------------------------------------------
new_case json
{ good_line j1; printf '\n{"id": "j2", "text": "coupé\n'; good_line j3 en; printf '\n'; } >json/bad.jsonl
run_case json 3 'bad\.jsonl:2: invalid JSON at byte [0-9]+: ' "j1 j3" bad.jsonl

# --- a record without id, one without text -------------------------------------
new_case fields
{ good_line f1; printf '\n{"text":"sans identifiant"}\n{"id":"f3"}\n'; good_line f4 en; printf '\n'; } >fields/bad.jsonl
run_case fields 3 'bad\.jsonl:2: missing "id"$' "f1 f4" bad.jsonl
check "fields: missing text is reported" grep -q '^econkg: bad\.jsonl:3: missing "text"$' fields/stderr

# --- a 100 MB line between two good lines ----------------------------------------
new_case long_line
{ good_line l1; printf '\n{"id":"l2","text":"'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; good_line l3 en; printf '\n'; } >long_line/bad.jsonl
run_case long_line 3 'bad\.jsonl:2: line longer than 64 MiB$' "l1 l3" bad.jsonl
rm -f long_line/bad.jsonl

# --- NUL bytes: raw in a JSONL line, escaped (\u0000) in a JSON string, in a .txt
new_case nul
{ good_line n1; printf '\n{"id":"n2","text":"abc\0def"}\n{"id":"n3","text":"abc\\u0000def"}\n'; good_line n4 en; printf '\n'; } >nul/bad.jsonl
printf 'Une ligne\nabc\0def\n' >nul/bad.txt
run_case nul 3 'bad\.jsonl:2: binary content \(NUL byte at byte 23\)$' "n1 n4" bad.jsonl bad.txt
check "nul: escaped NUL is reported with its line" grep -Eq '^econkg: bad\.jsonl:3: binary content \(NUL byte' nul/stderr
check "nul: NUL in a .txt is reported with its line" grep -Eq '^econkg: bad\.txt:2: binary content \(NUL byte at byte 4\)$' nul/stderr

# --- empty files: .jsonl with no record, .txt with nothing but blanks -----------
new_case empty
: >empty/empty.jsonl
printf ' \n\n' >empty/empty.txt
run_case empty 3 'empty\.jsonl: empty file \(no documents\)$' "" empty.jsonl empty.txt
check "empty: empty .txt is reported" grep -q '^econkg: empty\.txt:1: empty document$' empty/stderr

# --- a binary file named .txt (gzip data) ---------------------------------------
new_case binary
printf 'Altenor rachète Veloria.\n' | gzip -c >binary/photo.txt
run_case binary 3 'photo\.txt:1: (invalid UTF-8 at byte [0-9]+|binary content)' "" photo.txt

# --- a directory named like an input file, a dangling symlink ---------------------
new_case not_a_file
mkdir -p not_a_file/folder.jsonl
ln -s no-such-target.txt not_a_file/dangling.txt
run_case not_a_file 3 'folder\.jsonl: no \.txt or \.jsonl file in this directory$' "" folder.jsonl dangling.txt
check "not_a_file: dangling symlink is reported" grep -q '^econkg: dangling\.txt: no such file or directory$' not_a_file/stderr

# --- an unreadable file (only when not root: root reads a chmod 000 file) --------
if [ "$(id -u)" -ne 0 ]; then
  new_case unreadable
  good_line r1 >unreadable/locked.jsonl
  chmod 000 unreadable/locked.jsonl
  run_case unreadable 3 'locked\.jsonl: cannot open: ' "" locked.jsonl
  chmod 644 unreadable/locked.jsonl
else
  echo "# unreadable file (chmod 000): skipped, running as root"
fi

# --- a file of another type ---------------------------------------------------
new_case other_type
printf 'notes\n' >other_type/notes.md
run_case other_type 3 'notes\.md: unknown input type' "" notes.md

# --- unusual but good: BOM and CRLF line ends are cleaned, nothing skipped --------
new_case bom_crlf
{ printf '\xef\xbb\xbf'; good_line b1; printf '\r\n'; good_line b2 en; printf '\r\n'; } >bom_crlf/crlf.jsonl
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$fr_text"; } >bom_crlf/bom-crlf.txt
run_case bom_crlf 0 '' "b1 b2 bom-crlf" crlf.jsonl bom-crlf.txt
check "bom_crlf: same statements as the clean text" "$python" - bom_crlf/out/triples.jsonl <<'PY'
import json, sys
by_doc = {}
for l in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(l)
    by_doc.setdefault(t["doc"], []).append((t["predicate"], t["evidence"]["start"], t["evidence"]["end"], t["evidence"]["text"]))
assert by_doc["bom-crlf"] == by_doc["b1"], (by_doc["bom-crlf"], by_doc["b1"])
assert not any("\r" in s[3] or "\ufeff" in s[3] for v in by_doc.values() for s in v)
PY

finish
