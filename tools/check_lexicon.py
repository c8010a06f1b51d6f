#!/usr/bin/python3
"""Check the TSV lexicons under lexicon/: UTF-8, NFC, LF line ends, column counts,
no empty field, no leading/trailing spaces, header comment first, integer
priorities, valid ids, no duplicate key. Exit status 1 on any problem.

Usage:  /usr/bin/python3 tools/check_lexicon.py     (from the repository root)
"""
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "lexicon")

# file -> (columns, key columns for the duplicate check, id column or None, priority column)
SPECS = {
    "gazetteer/companies.tsv": (4, (0, 2), 2, 3),
    "gazetteer/places_fr.tsv": (5, (0, 2), 2, 3),
    "gazetteer/cities.tsv": (5, (0, 2), 2, 3),
    "fr/demonyms.tsv": (2, (0,), None, None),
    "en/demonyms.tsv": (2, (0,), None, None),
    "fr/titles.tsv": (2, (0,), None, None),
    "en/titles.tsv": (2, (0,), None, None),
    "fr/org_nouns.tsv": (2, (0,), None, None),
    "en/org_nouns.tsv": (2, (0,), None, None),
    "fr/facility_nouns.tsv": (2, (0,), None, None),
    "en/facility_nouns.tsv": (2, (0,), None, None),
    "fr/event_nouns.tsv": (2, (0,), None, None),
    "en/event_nouns.tsv": (2, (0,), None, None),
    "fr/legal_suffixes.tsv": (2, (0,), None, None),
}
ID_RE = re.compile(r"^(org:[a-z0-9]+(-[a-z0-9]+)*|country:[A-Z]{2}|place:[a-z0-9-]+(:[A-Za-z0-9-]+)+)$")
TYPES = {"Organization", "Place", "Person", "Facility", "Event", "Product"}


def check(rel, spec):
    ncols, key_cols, id_col, prio_col = spec
    path = os.path.join(LEX, rel)
    errors = []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s: not UTF-8 (%s)" % (rel, e)], 0
    if "\r" in text:
        errors.append("%s: CR characters" % rel)
    if not text.endswith("\n"):
        errors.append("%s: no final newline" % rel)
    lines = text.split("\n")[:-1]
    if not lines or not lines[0].startswith("#"):
        errors.append("%s:1: first line is not a comment" % rel)
    seen = {}
    n = 0
    for i, line in enumerate(lines, 1):
        if unicodedata.normalize("NFC", line) != line:
            errors.append("%s:%d: not NFC" % (rel, i))
        if line != line.rstrip():
            errors.append("%s:%d: trailing space" % (rel, i))
        if line.startswith("#"):
            continue
        n += 1
        cols = line.split("\t")
        if len(cols) != ncols:
            errors.append("%s:%d: %d columns, want %d" % (rel, i, len(cols), ncols))
            continue
        for c in cols:
            if not c or c != c.strip():
                errors.append("%s:%d: empty or padded field %r" % (rel, i, c))
        key = tuple(cols[k] for k in key_cols)
        if key in seen:
            errors.append("%s:%d: duplicate of line %d %r" % (rel, i, seen[key], key))
        seen[key] = i
        if id_col is not None:
            if not ID_RE.match(cols[id_col]):
                errors.append("%s:%d: bad id %r" % (rel, i, cols[id_col]))
            if cols[1] not in TYPES:
                errors.append("%s:%d: bad type %r" % (rel, i, cols[1]))
            if ncols == 5 and cols[4] != "-" and not ID_RE.match(cols[4]):
                errors.append("%s:%d: bad parent %r" % (rel, i, cols[4]))
        if prio_col is not None and not (cols[prio_col].isdigit() and 1 <= int(cols[prio_col]) <= 10):
            errors.append("%s:%d: bad priority %r" % (rel, i, cols[prio_col]))
        if rel.endswith("demonyms.tsv") and not re.match(r"^[A-Z]{2}$", cols[1]):
            errors.append("%s:%d: bad country %r" % (rel, i, cols[1]))
    return errors, n


def main():
    bad = 0
    for rel, spec in sorted(SPECS.items()):
        if not os.path.exists(os.path.join(LEX, rel)):
            print("MISSING %s" % rel)
            bad += 1
            continue
        errors, n = check(rel, spec)
        for e in errors[:20]:
            print(e)
        print("%-28s %6d entries  %s" % (rel, n, "OK" if not errors else "%d problems" % len(errors)))
        bad += len(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
