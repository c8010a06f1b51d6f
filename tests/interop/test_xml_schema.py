"""graph.graphml is valid against the GraphML structure schema, and graph.gexf
is well-formed XML, as checked by xmllint (libxml2).

Run by ctest as: /usr/bin/python3 THIS ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
The schema is tests/schema/graphml.xsd (GraphML 1.0's structure, with its
key/keyref constraints). The check is shown to bite: copies of the file with
an undeclared data key, an edge to a missing node and a bad edgedefault must
fail validation.
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # tests never write into the source tree
import interop_common as common  # noqa: E402
from interop_common import InteropFailure  # noqa: E402


def xmllint(*args):
    try:
        return subprocess.run(["xmllint", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        raise InteropFailure("xmllint not found: install libxml2-utils")


def check(binary, source_dir, scratch_dir):
    schema = os.path.join(source_dir, "tests", "schema", "graphml.xsd")
    out = common.run_build(binary, source_dir, os.path.join(scratch_dir, "out"))
    path = os.path.join(out, "graph.graphml")
    proc = xmllint("--noout", "--schema", schema, path)
    if proc.returncode != 0:
        raise InteropFailure("xmllint --schema rejects graph.graphml:\n%s" % proc.stderr[:2000])

    with open(path, encoding="utf-8") as f:
        text = f.read()
    first_key = text.split('<data key="', 1)[1].split('"', 1)[0]
    first_target = text.split(' target="', 1)[1].split('"', 1)[0]
    broken = {
        "undeclared data key": text.replace('<data key="%s"' % first_key, '<data key="no_such_key"', 1),
        "edge to a missing node": text.replace(' target="%s"' % first_target, ' target="no_such_node"', 1),
        "bad edgedefault": text.replace('edgedefault="directed"', 'edgedefault="sideways"', 1),
    }
    for what, variant in broken.items():
        if variant == text:
            raise InteropFailure("cannot make a copy with an %s: graph.graphml has no edge or data?" % what)
        bad = os.path.join(scratch_dir, "bad.graphml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(variant)
        if xmllint("--noout", "--schema", schema, bad).returncode == 0:
            raise InteropFailure("the schema accepts a GraphML file with an %s" % what)

    gexf = os.path.join(out, "graph.gexf")
    proc = xmllint("--noout", gexf)
    if proc.returncode != 0:
        raise InteropFailure("graph.gexf is not well-formed XML:\n%s" % proc.stderr[:2000])
    print("graph.graphml valid against tests/schema/graphml.xsd; 3 broken copies rejected; graph.gexf well-formed")


if __name__ == "__main__":
    common.main(check)
