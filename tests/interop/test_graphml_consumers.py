"""graph.graphml loads in networkx and igraph with every node, edge and amount.

Run by ctest as: /usr/bin/python3 THIS ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
Builds SOURCE_DIR/samples into SCRATCH_DIR/out and compares what each
library reads with triples.jsonl: node count = distinct entity ids, edge
count = distinct (subject, predicate, object) with symmetric predicates
unordered, and each relation's amount exact (the graph keeps the first amount
stated for a relation, so that is the one compared); the number of node and
edge attribute values each library reads equals the number of <data>
elements in the file (nothing dropped, nothing invented).
"""
import math
import os
import re
import sys

sys.dont_write_bytecode = True  # tests never write into the source tree
import interop_common as common  # noqa: E402
from interop_common import InteropFailure  # noqa: E402


def compare(library, ids, relations, amounts, nodes, edges):
    """nodes: list of IRIs; edges: list of (source IRI, predicate, target IRI, amount or None)."""
    if len(nodes) != len(ids):
        raise InteropFailure("%s reads %d nodes, triples.jsonl has %d distinct entity ids"
                             % (library, len(nodes), len(ids)))
    if set(nodes) != ids:
        raise InteropFailure("%s: node IRIs differ from triples.jsonl ids: only in GraphML %s, only in triples %s"
                             % (library, sorted(set(nodes) - ids)[:5], sorted(ids - set(nodes))[:5]))
    if len(edges) != len(relations):
        raise InteropFailure("%s reads %d edges, triples.jsonl has %d distinct (subject, predicate, object)"
                             % (library, len(edges), len(relations)))
    seen = {}
    for s, p, o, amount in edges:
        seen[common.relation_key(s, p, o)] = amount
    if set(seen) != relations:
        raise InteropFailure("%s: edges differ from triples.jsonl: only in GraphML %s, only in triples %s"
                             % (library, sorted(set(seen) - relations)[:5], sorted(relations - set(seen))[:5]))
    for key, amount in sorted(amounts.items()):
        got = seen[key]
        # igraph reads every number as a double; an amount below 2**53 is still exact there.
        if got is None or (isinstance(got, float) and (math.isnan(got) or not got.is_integer())) \
                or int(got) != amount:
            raise InteropFailure("%s: edge %s has amount %r, triples.jsonl says %d" % (library, key, got, amount))
    for key, got in seen.items():
        if key not in amounts and got is not None and not (isinstance(got, float) and math.isnan(got)):
            raise InteropFailure("%s: edge %s has amount %r, triples.jsonl states none" % (library, key, got))


def data_counts(path):
    """(node, edge) numbers of <data> elements: what every reader must see."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    nodes_part = text[:text.find("<edge ")] if "<edge " in text else text
    total = len(re.findall(r"<data key=", text))
    nodes = len(re.findall(r"<data key=", nodes_part))
    return nodes, total - nodes


def compare_counts(library, path, nodes, edges):
    want = data_counts(path)
    if (nodes, edges) != want:
        raise InteropFailure("%s reads %d node and %d edge attribute values, the file has %d and %d"
                             % (library, nodes, edges, want[0], want[1]))


def check_networkx(path, ids, relations, amounts):
    import networkx as nx
    try:
        g = nx.read_graphml(path, force_multigraph=True)
    except Exception as e:  # any reader error is the finding, with its message
        raise InteropFailure("networkx cannot read %s: %s: %s" % (path, type(e).__name__, e))
    if not g.is_directed():
        raise InteropFailure("networkx reads an undirected graph")
    iri = {n: data.get("iri") for n, data in g.nodes(data=True)}
    if None in iri.values():
        raise InteropFailure("networkx: a node has no iri attribute")
    edges = []
    for u, v, data in g.edges(data=True):
        if data.get("label") != data.get("predicate"):
            raise InteropFailure("networkx: edge %s-%s label %r is not its predicate %r"
                                 % (u, v, data.get("label"), data.get("predicate")))
        amount = data.get("amount")
        if amount is not None and not isinstance(amount, int):
            raise InteropFailure("networkx: amount %r read as %s, not int" % (amount, type(amount).__name__))
        edges.append((iri[u], data["predicate"], iri[v], amount))
    compare("networkx", ids, relations, amounts, list(iri.values()), edges)
    # networkx keeps each edge's GraphML id as an attribute of its own.
    compare_counts("networkx", path, sum(len(d) for _, d in g.nodes(data=True)),
                   sum(len([k for k in d if k != "id"]) for _, _, d in g.edges(data=True)))
    for n, data in g.nodes(data=True):
        for name, kind in (("mentions", int), ("degree", int), ("pagerank", float), ("label", str),
                           ("invested_eur", int), ("received_eur", int), ("jobs_created", int),
                           ("jobs_cut", int)):
            if not isinstance(data.get(name), kind):
                raise InteropFailure("networkx: node %s attribute %s = %r is not %s"
                                     % (n, name, data.get(name), kind.__name__))


def check_igraph(path, ids, relations, amounts):
    import igraph
    try:
        g = igraph.Graph.Read_GraphML(path)
    except Exception as e:
        raise InteropFailure("igraph cannot read %s: %s: %s" % (path, type(e).__name__, e))
    if not g.is_directed():
        raise InteropFailure("igraph reads an undirected graph")
    if "iri" not in g.vs.attributes():
        raise InteropFailure("igraph: no iri vertex attribute")
    iri = g.vs["iri"]
    has_amount = "amount" in g.es.attributes()
    edges = []
    for e in g.es:
        edges.append((iri[e.source], e["predicate"], iri[e.target], e["amount"] if has_amount else None))
    compare("igraph", ids, relations, amounts, iri, edges)

    # igraph has a column per attribute, a missing value being None, NaN or
    # "" by type; it adds the GraphML node ids as the vertex attribute "id".
    def present(v):
        return v is not None and v != "" and not (isinstance(v, float) and math.isnan(v))
    node_values = sum(present(v) for a in g.vs.attributes() if a != "id" for v in g.vs[a])
    edge_values = sum(present(v) for a in g.es.attributes() if a != "id" for v in g.es[a])
    compare_counts("igraph", path, node_values, edge_values)


def check(binary, source_dir, scratch_dir):
    out = common.run_build(binary, source_dir, os.path.join(scratch_dir, "out"))
    triples = common.read_triples(out)
    ids, relations, amounts = common.expected_graph(triples)
    path = os.path.join(out, "graph.graphml")
    check_networkx(path, ids, relations, amounts)
    check_igraph(path, ids, relations, amounts)
    print("%d nodes, %d edges, %d amounts agree in networkx and igraph" % (len(ids), len(relations), len(amounts)))


if __name__ == "__main__":
    common.main(check)
