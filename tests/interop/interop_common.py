"""Shared steps of the interop tests: run `econkg build` on samples/ and read
triples.jsonl, the contract every other output is checked against.

Not a test itself (ctest runs tests/interop/test_*.py only).
"""
import json
import os
import shutil
import subprocess
import sys

# Predicates SPEC §2 marks symmetric: their edge is one per unordered pair.
SYMMETRIC = {"partners_with", "meets"}

# Every file SPEC §4 says `econkg build` writes.
OUTPUTS = ("triples.jsonl", "graph.graphml", "graph.gexf", "graph.jsonld", "graph.ndjson",
           "nodes.csv", "edges.csv", "projects.csv")


class InteropFailure(Exception):
    """A consumer disagrees with triples.jsonl; the message says how."""


def parse_args(argv):
    if len(argv) != 4:
        sys.exit("usage: %s ECONKG_BINARY SOURCE_DIR SCRATCH_DIR" % os.path.basename(argv[0]))
    return argv[1], argv[2], argv[3]


def run_build(binary, source_dir, out_dir):
    """Runs `binary build SOURCE_DIR/samples -o out_dir` and returns out_dir."""
    samples = os.path.join(source_dir, "samples")
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(os.path.dirname(out_dir), exist_ok=True)
    cmd = [binary, "build", samples, "-o", out_dir]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode < 0:
        raise InteropFailure("%s died with signal %d\n%s" % (" ".join(cmd), -proc.returncode, proc.stderr))
    if proc.returncode != 0:
        # SPEC §5: a non-zero status may only mean that some input was skipped;
        # the outputs must still be complete, which is what is checked here.
        sys.stderr.write("warning: %s exited with %d:\n%s\n" % (" ".join(cmd), proc.returncode, proc.stderr))
    for name in OUTPUTS:
        if not os.path.isfile(os.path.join(out_dir, name)):
            raise InteropFailure("%s did not write %s (exit %d)\n%s"
                                 % (" ".join(cmd), name, proc.returncode, proc.stderr))
    return out_dir


def read_triples(out_dir):
    """Lines of triples.jsonl as dicts; fails when there are none, since every
    check below would then pass vacuously."""
    path = os.path.join(out_dir, "triples.jsonl")
    lines = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                lines.append(json.loads(line))
            except ValueError as e:
                raise InteropFailure("%s:%d: not JSON: %s" % (path, number, e))
    if not lines:
        raise InteropFailure("%s is empty: the samples gave no statement to check" % path)
    return lines


def relation_key(subject_id, predicate, object_id):
    """(subject, predicate, object) with symmetric predicates' ends in a fixed order."""
    if predicate in SYMMETRIC and object_id < subject_id:
        subject_id, object_id = object_id, subject_id
    return (subject_id, predicate, object_id)


def expected_graph(triples):
    """Entity ids, relation keys, and for each relation the amount the graph
    keeps: the first one stated, in triples.jsonl order (attributes of the
    first statement, gaps filled by later ones)."""
    ids = set()
    amounts = {}
    relations = set()
    for t in triples:
        s, o = t["subject"]["id"], t["object"]["id"]
        ids.update((s, o))
        key = relation_key(s, t["predicate"], o)
        relations.add(key)
        amount = t.get("attributes", {}).get("amount")
        if amount is not None and key not in amounts:
            if not isinstance(amount, int) or isinstance(amount, bool):
                raise InteropFailure("triples.jsonl: amount %r of %r is not a JSON integer" % (amount, key))
            amounts[key] = amount
    return ids, relations, amounts


def main(check):
    """Runs check(binary, source_dir, scratch_dir); turns failures into a
    message and exit status 1."""
    binary, source_dir, scratch_dir = parse_args(sys.argv)
    try:
        check(binary, source_dir, scratch_dir)
    except (InteropFailure, AssertionError) as e:
        sys.stderr.write("FAIL %s: %s\n" % (os.path.basename(sys.argv[0]), e))
        sys.exit(1)
    print("OK %s" % os.path.basename(sys.argv[0]))
