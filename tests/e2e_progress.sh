#!/usr/bin/env bash
# The progress line: on a terminal (standard error a pty) econkg draws
# documents, MB and MB/s with \r, plus percentage and ETA when the inputs'
# total size is known (files, not standard input), and wipes the line before
# the summary; nothing of it when standard error is not a terminal or with
# --quiet; standard output is the same either way.
# Usage: bash tests/e2e_progress.sh ECONKG_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail

# shellcheck source=lib/e2e_common.sh
source "$(dirname "$0")/lib/e2e_common.sh" "$@"

# on_tty ERR_FILE STDIN_FILE CMD...: runs CMD with standard error on a pty
# (saved to ERR_FILE), standard output to CMD's own redirections, standard
# input from STDIN_FILE; returns CMD's exit status.
on_tty() {
  "$python" - "$@" <<'PY'
import os, pty, subprocess, sys
err_file, stdin_file, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
out = open(cmd.pop(), "wb")  # last argument: where standard output goes
proc = subprocess.Popen(cmd, stdin=open(stdin_file, "rb"), stdout=out, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed the pty
        break
    if not chunk:
        break
    data += chunk
open(err_file, "wb").write(data)
sys.exit(proc.wait())
PY
}

# Enough text for the progress line to be drawn (four times a second) with
# one thread: 6 MB take about 0.5 s to extract (4 MB took 0.4 s until the
# generated stories got their background sentences, which extract faster:
# 0.22 s, under the first redraw). Not more: the sanitizer build runs this
# five times.
"$python" "$src/bench/gen_corpus.py" 6 --seed 3 -o corpus.jsonl 2>/dev/null
check "generated a corpus" test -s corpus.jsonl

on_tty tty.err /dev/null "$econkg" extract --threads 1 corpus.jsonl tty.out
check "on a terminal: exit 0" test $? -eq 0
check "on a terminal: progress redrawn with \\r" grep -q $'\r' tty.err
check "on a terminal: documents, MB and MB/s shown" \
  grep -Eq 'econkg: [0-9]+ documents, [0-9.]+ MB, [0-9.]+ MB/s' tty.err
check "on a terminal: percentage and ETA for a file" grep -Eq '[0-9]+% of [0-9.]+ MB, ETA [0-9]+:[0-9]{2}' tty.err
check "on a terminal: several redraws" test "$(tr -cd '\r' <tty.err | wc -c)" -ge 3
check "on a terminal: the summary starts on a wiped line" \
  "$python" -c 'import sys, re; d = open(sys.argv[1], "rb").read(); sys.exit(0 if re.search(rb"\r +\recon" + rb"kg: [0-9]+ documents read", d) else 1)' tty.err

"$econkg" extract --threads 1 corpus.jsonl >pipe.out 2>pipe.err </dev/null
check "not a terminal: exit 0" test $? -eq 0
no_cr() { ! grep -q $'\r' "$1"; }
check "not a terminal: no progress line" no_cr pipe.err
check "not a terminal: only the summary" test "$(wc -l <pipe.err)" -eq 1
check "standard output is the same with and without progress" cmp -s tty.out pipe.out

on_tty quiet.err /dev/null "$econkg" extract --quiet --threads 1 corpus.jsonl quiet.out
check "--quiet on a terminal: exit 0" test $? -eq 0
check "--quiet on a terminal: nothing on standard error" test ! -s quiet.err

on_tty stdin.err corpus.jsonl "$econkg" extract --threads 1 - stdin.out
check "standard input on a terminal: exit 0" test $? -eq 0
check "standard input: progress shown" grep -Eq 'econkg: [0-9]+ documents, [0-9.]+ MB, [0-9.]+ MB/s' stdin.err
check "standard input: no ETA (size unknown)" test -z "$(grep -a ETA stdin.err)"

# A problem in the input is printed on its own line, not glued to the progress line.
{ head -n 400 corpus.jsonl; printf '{"id": broken\n'; tail -n +401 corpus.jsonl; } >with-error.jsonl
on_tty error.err /dev/null "$econkg" build --threads 1 with-error.jsonl -o out error.out
check "a skipped line on a terminal: exit 3" test $? -eq 3
check "a skipped line on a terminal: message on a wiped line" \
  "$python" -c 'import sys, re; d = open(sys.argv[1], "rb").read(); sys.exit(0 if re.search(rb"(^|\r *\r)econkg: with-error\.jsonl:401: invalid JSON", d) else 1)' error.err

finish
