#!/bin/sh
# Regenerate every generated lexicon file and check them all.
# Needs Debian packages: libgeonames0 libgeonames-common iso-codes hunspell-fr hunspell-en-us
# (and libhunspell-1.7-0, libglib2.0-0). Run from anywhere.
set -e
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
$PY tools/gen_cities.py
$PY tools/gen_places_fr.py
$PY tools/gen_companies.py
$PY tools/gen_demonyms.py
$PY tools/gen_wordlists.py
$PY tools/check_lexicon.py
