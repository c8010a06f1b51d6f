#!/usr/bin/env bash
# Scores econkg on the development set and on every probe set, one line each
# (P, R, F1 from ../shared/eval/score.py). The probe sets' kept-aside parts
# (corpus-heldout) are the honest estimates for unseen articles; the other
# parts were tuned on. Usage: tools/score_all.sh [BIN] (default build/econkg).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/econkg}
score=../shared/eval/score.py
[ -f "$score" ] || { echo "score_all.sh: $score not found (the shared eval folder sits beside the project)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
line() {  # NAME CORPUS GOLD
  "$bin" extract --quiet "$2" > "$tmp/pred.jsonl"
  python3 "$score" "$3" "$tmp/pred.jsonl" > "$tmp/score.txt"
  printf '%-26s %s\n' "$1" "$(grep -m1 '^all' "$tmp/score.txt" | sed 's/^all *//')"
  [ "$1" = dev ] && grep -E '^lang:' "$tmp/score.txt" | sed 's/^/    /'
  return 0
}
line "dev" ../shared/eval/dev/corpus.jsonl ../shared/eval/dev/gold.jsonl
for d in eval/probe-*/; do
  n=$(basename "$d")
  line "$n (all)" "$d/corpus.jsonl" "$d/gold.jsonl"
  [ -f "$d/corpus-heldout.jsonl" ] && line "$n (kept aside)" "$d/corpus-heldout.jsonl" "$d/gold-heldout.jsonl"
done
