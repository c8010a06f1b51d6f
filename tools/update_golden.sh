#!/usr/bin/env bash
# Regenerates tests/golden/ from `build/econkg build samples/`. Read
# `git diff tests/golden` before committing: every change must be one you meant.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/econkg}
tmp=$(mktemp -d)
"$bin" build samples -o "$tmp/out" --quiet
rm -rf tests/golden && mkdir -p tests/golden
cp "$tmp"/out/* tests/golden/
rm -rf "$tmp"
git --no-pager diff --stat -- tests/golden || true
