"""graph.jsonld converts to N-Quads in pyld (and rdflib when installed) with no
error and no dropped term, offline, and is byte-identical across runs.

Run by ctest as: /usr/bin/python3 THIS ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
Checks: one ekg:Statement node per triples.jsonl line; every key of every
node (nested ones included) is a keyword, a term of graph.jsonld's context
or a compact IRI over one of its prefixes (its "@vocab" would save any
other key from being dropped, but not from a wrong IRI), and every property
survives expansion; every IRI in the N-Quads is absolute; numbers are typed
literals of the datatype their property has (xsd:integer, xsd:decimal,
never xsd:double); rdflib reads the same number of triples from the N-Quads
and from the JSON-LD itself; jsonld.js (safe mode, through
tests/node/jsonld_nquads.js) writes the same number of N-Quads, and the same
lines up to blank node labels. graph.ndjson: every line a document that pyld
converts, whose keys mean under the line's own (smaller) context what they
mean under graph.jsonld's, whose N-Quads about named nodes are all in
graph.jsonld's; as many statements in all as triples.jsonl has lines.
"""
import filecmp
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # tests never write into the source tree
import interop_common as common  # noqa: E402
from interop_common import InteropFailure  # noqa: E402

STATEMENT = "https://w3id.org/econkg/vocab#Statement"


def offline_loader(url, options=None):
    # SPEC §4: the document must work offline; any fetch is a failure.
    raise InteropFailure("the JSON-LD processor tried to load %s: the context must be inline" % url)


def as_list(v):
    return v if isinstance(v, list) else [v]


def expand_key(key, context):
    """The IRI a key stands for under the document's context, as JSON-LD
    expansion makes it, or None when it would be dropped."""
    if key.startswith("@"):
        return key
    vocab = context.get("@vocab")
    term = context.get(key)
    if isinstance(term, dict):
        # A term without "@id" is "@vocab" and its name.
        term = term.get("@id", vocab + key if isinstance(vocab, str) else None)
    if isinstance(term, str):
        key = term
    elif ":" not in key and isinstance(vocab, str):
        return vocab + key
    prefix, sep, local = key.partition(":")
    if sep and not local.startswith("//") and isinstance(context.get(prefix), str):
        return context[prefix] + local
    return key if re.match(r"^[a-z][a-z0-9+.-]*://", key) else None


def expand_id(value, context):
    """An "@id" value as expansion makes it: a compact IRI over one of the
    context's prefixes ("id:organization/x") becomes the full IRI."""
    prefix, sep, local = value.partition(":")
    if sep and not local.startswith("//") and isinstance(context.get(prefix), str):
        return context[prefix] + local
    return value


def defined_key(key, context):
    """Whether a key is a keyword, a term of `context` or a compact IRI over
    one of its prefixes: a key that means what the exporter meant, rather
    than one that only "@vocab" saves."""
    if key.startswith("@") or key in context:
        return True
    prefix, sep, local = key.partition(":")
    return bool(sep) and not local.startswith("//") and isinstance(context.get(prefix), str)


def node_keys(node):
    """The keys of a node object and of the node objects nested in it."""
    if not isinstance(node, dict) or "@value" in node:
        return
    for k, v in node.items():
        yield k
        if not k.startswith("@"):
            for item in as_list(v):
                yield from node_keys(item)


def count_properties(node):
    """Number of (property, value) pairs in a node object, nested node objects included."""
    if not isinstance(node, dict) or "@value" in node:
        return 0
    total = 0
    for k, v in node.items():
        if k == "@type":
            total += len(as_list(v))
        elif not k.startswith("@"):
            for item in as_list(v):
                total += 1 + count_properties(item)
    return total


def check_no_term_dropped(doc, expanded, defining_context=None):
    """Every node of `doc` survives expansion with all its keys and values;
    every key is defined_key() in `defining_context` (graph.jsonld's, by
    default the document's own) and stands for the same IRI under the
    document's context as under that one."""
    context = doc["@context"]
    if not isinstance(context, dict):
        raise InteropFailure("@context is not an inline object")
    if defining_context is None:
        defining_context = context
    for node in doc["@graph"]:
        for k in node_keys(node):
            if not defined_key(k, defining_context):
                raise InteropFailure("node %s: key %r is not a term of graph.jsonld's context" % (node.get("@id"), k))
            if expand_key(k, context) != expand_key(k, defining_context):
                raise InteropFailure("node %s: key %r stands for %s here, %s in graph.jsonld"
                                     % (node.get("@id"), k, expand_key(k, context), expand_key(k, defining_context)))
    compact_nodes = doc["@graph"]
    expanded_nodes = expanded[0]["@graph"] if len(expanded) == 1 and "@graph" in expanded[0] else expanded
    if len(expanded_nodes) != len(compact_nodes):
        raise InteropFailure("expansion gives %d nodes, the document has %d" % (len(expanded_nodes), len(compact_nodes)))
    by_id = {}
    for n in expanded_nodes:
        if n.get("@id") in by_id:
            raise InteropFailure("two nodes share @id %s: one would overwrite the other in a store" % n["@id"])
        by_id[n.get("@id")] = n
    for node in compact_nodes:
        got = by_id.get(expand_id(node.get("@id"), context))
        if got is None:
            raise InteropFailure("node %s lost in expansion" % node.get("@id"))
        want_keys = set()
        for k in node:
            iri = expand_key(k, context)
            if iri is None:
                raise InteropFailure("node %s: key %r expands to no IRI and would be dropped" % (node["@id"], k))
            want_keys.add(iri)
        if want_keys != set(got):
            raise InteropFailure("node %s: keys %s became %s in expansion"
                                 % (node["@id"], sorted(want_keys), sorted(got)))
        if count_properties(node) != count_properties(got):
            raise InteropFailure("node %s has %d property values, %d after expansion"
                                 % (node["@id"], count_properties(node), count_properties(got)))
    return expanded_nodes


XSD = "http://www.w3.org/2001/XMLSchema#"
VOCAB = "https://w3id.org/econkg/vocab#"
# The datatype of every numeric property: SPEC §4 and TOOLCHAIN.md, one
# meaning in every processor (a bare JSON number would be xsd:double in pyld).
NUMBER_TYPES = dict(
    [(VOCAB + p, XSD + "integer") for p in ("start", "end", "jobs", "quantity", "mentions", "inDegree",
                                            "outDegree", "component", "jobsCreated", "jobsCut")] +
    [(VOCAB + p, XSD + "decimal") for p in ("confidence", "stake", "pagerank")] +
    [("https://schema.org/value", XSD + "decimal")])


def check_typed_literals(lines):
    """Each numeric property's literal has its datatype; no xsd:double anywhere.
    Returns how many literals were checked."""
    quad = re.compile(r'^(\S+) <([^>]*)> "((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>)?')
    checked = 0
    for line in lines:
        if XSD + "double" in line:
            raise InteropFailure("an xsd:double literal: %s" % line)
        m = quad.match(line)
        if m and m.group(2) in NUMBER_TYPES:
            if m.group(4) != NUMBER_TYPES[m.group(2)]:
                raise InteropFailure("%s should be an %s literal: %s" % (m.group(2), NUMBER_TYPES[m.group(2)], line))
            checked += 1
    if not checked:
        raise InteropFailure("no numeric literal found: the datatype check would pass vacuously")
    return checked


def check_nquads(nquads):
    lines = [l for l in nquads.splitlines() if l.strip()]
    iri = re.compile(r"<([^>]*)>")
    literal = re.compile(r'"(?:[^"\\]|\\.)*"')
    for line in lines:
        for ref in iri.findall(literal.sub('""', line)):
            if not re.match(r"^https?://", ref):
                raise InteropFailure("N-Quads line has a non-HTTP IRI <%s>: %s" % (ref, line))
    if len(set(lines)) != len(lines):
        raise InteropFailure("pyld wrote duplicate N-Quads lines")
    return lines


def check_rdflib(path, lines):
    try:
        import rdflib
    except ImportError:
        print("rdflib not importable: rdflib checks skipped")
        return
    ds = rdflib.Dataset()
    ds.parse(data="\n".join(lines) + "\n", format="nquads")
    from_nquads = len(ds)
    if from_nquads != len(lines):
        raise InteropFailure("rdflib reads %d quads from pyld's %d N-Quads lines" % (from_nquads, len(lines)))
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    if len(g) != len(lines):
        raise InteropFailure("rdflib reads %d triples from graph.jsonld, pyld writes %d" % (len(g), len(lines)))
    print("rdflib agrees: %d triples" % len(g))


def blank_free(lines):
    """The lines with every blank node label replaced, sorted: comparable
    between processors that number blank nodes differently."""
    return sorted(re.sub(r"_:[A-Za-z0-9]+", "_:b", l) for l in lines)


def check_jsonld_js(source_dir, path, lines):
    helper = os.path.join(source_dir, "tests", "node", "jsonld_nquads.js")
    try:
        proc = subprocess.run(["node", helper, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        raise InteropFailure("node not found: jsonld.js cannot be compared")
    if proc.returncode != 0:
        raise InteropFailure("jsonld.js (safe mode) fails on graph.jsonld: %s" % proc.stderr[:2000])
    js = [l for l in proc.stdout.splitlines() if l.strip()]
    if len(js) != len(lines):
        raise InteropFailure("jsonld.js writes %d N-Quads, pyld %d" % (len(js), len(lines)))
    if blank_free(js) != blank_free(lines):
        only_js = set(blank_free(js)) - set(blank_free(lines))
        raise InteropFailure("jsonld.js and pyld N-Quads differ, e.g. %s" % sorted(only_js)[:3])
    print("jsonld.js agrees: %d N-Quads" % len(js))


def check_ndjson(out, triples, jsonld, full_doc, full_lines):
    path = os.path.join(out, "graph.ndjson")
    statements = 0
    full = set(full_lines)
    with open(path, encoding="utf-8") as f:
        docs = [l for l in f.read().split("\n") if l.strip()]
    if len(docs) != len({t["doc"] for t in triples}):
        raise InteropFailure("graph.ndjson has %d lines for %d documents" % (len(docs), len({t["doc"] for t in triples})))
    for number, line in enumerate(docs, 1):
        doc = json.loads(line)
        try:
            nodes = jsonld.expand(doc)
        except jsonld.JsonLdError as e:
            raise InteropFailure("pyld rejects graph.ndjson line %d: %s" % (number, e))
        check_no_term_dropped(doc, nodes, full_doc["@context"])
        quads = [l for l in jsonld.to_rdf(doc, {"format": "application/n-quads"}).splitlines() if l.strip()]
        check_typed_literals(quads)
        for q in quads:
            if "_:" not in q and q not in full:
                raise InteropFailure("graph.ndjson line %d: %s is not in graph.jsonld" % (number, q))
        statements += sum(1 for n in nodes if STATEMENT in as_list(n.get("@type", [])))
    if statements != len(triples):
        raise InteropFailure("graph.ndjson has %d statements, triples.jsonl %d lines" % (statements, len(triples)))
    print("graph.ndjson: %d documents, %d statements, expanded by pyld" % (len(docs), statements))


def check(binary, source_dir, scratch_dir):
    from pyld import jsonld
    jsonld.set_document_loader(offline_loader)

    out = common.run_build(binary, source_dir, os.path.join(scratch_dir, "out"))
    triples = common.read_triples(out)
    path = os.path.join(out, "graph.jsonld")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)

    try:
        expanded = jsonld.expand(doc)
        nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    except jsonld.JsonLdError as e:
        raise InteropFailure("pyld rejects graph.jsonld: %s" % e)

    nodes = check_no_term_dropped(doc, expanded)
    statements = [n for n in nodes if STATEMENT in as_list(n.get("@type", []))]
    if len(statements) != len(triples):
        raise InteropFailure("%d ekg:Statement nodes, %d lines in triples.jsonl" % (len(statements), len(triples)))
    entities = {t["subject"]["id"] for t in triples} | {t["object"]["id"] for t in triples}
    node_ids = {n["@id"] for n in nodes}
    if not entities <= node_ids:
        raise InteropFailure("entities of triples.jsonl without a node: %s" % sorted(entities - node_ids)[:5])

    lines = check_nquads(nquads)
    print("typed literals: %d checked" % check_typed_literals(lines))
    check_rdflib(path, lines)
    check_jsonld_js(source_dir, path, lines)
    check_ndjson(out, triples, jsonld, doc, lines)

    again = common.run_build(binary, source_dir, os.path.join(scratch_dir, "again"))
    for name in common.OUTPUTS:
        if not filecmp.cmp(os.path.join(out, name), os.path.join(again, name), shallow=False):
            raise InteropFailure("%s differs between two runs on the same input" % name)
    print("%d statements, %d nodes, %d N-Quads; byte-identical across runs" % (len(statements), len(nodes), len(lines)))


if __name__ == "__main__":
    common.main(check)
