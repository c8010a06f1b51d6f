#!/usr/bin/env python3
"""Draws an econkg graph.graphml as a picture with Graphviz.

usage: tools/render_graph.py GRAPHML OUTPUT.png [--engine sfdp|dot|neato] [--dot FILE.dot]

Reads the GraphML econkg writes (standard library only), turns it into DOT
with the GEXF palette (one colour per entity type), node size by PageRank and
edges labelled with their predicate and amount or jobs, and runs Graphviz
(Debian package `graphviz`) to make the PNG. docs/seed-graph.png is made
this way from the seed article:

    build/econkg build samples/microsoft-choose-france.fr.txt -o out/seed
    tools/render_graph.py out/seed/graph.graphml docs/seed-graph.png
"""
import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"

# The palette of export/gexf.cpp (Tableau 10), so colours mean the same in Gephi.
COLOURS = {
    "Organization": "#1f77b4", "Person": "#ff7f0e", "Place": "#2ca02c", "Facility": "#d62728",
    "Event": "#9467bd", "Product": "#8c564b", "Quotation": "#e377c2",
}


def read_graphml(path):
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")

    def data(element):
        return {names[d.get("key")]: (d.text or "") for d in element.findall(NS + "data")}

    nodes = [(n.get("id"), data(n)) for n in graph.findall(NS + "node")]
    edges = [(e.get("source"), e.get("target"), data(e)) for e in graph.findall(NS + "edge")]
    return nodes, edges


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def short(text, limit=38):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def money(amount, currency):
    n = int(amount)
    for size, word in ((10**9, " bn"), (10**6, " M"), (10**3, " k")):
        if n >= size:
            value = n / size
            return ("%g" % round(value, 1)) + word + (" " + currency if currency else "")
    return str(n) + (" " + currency if currency else "")


def to_dot(nodes, edges):
    ranks = [float(d.get("pagerank") or 0) for _, d in nodes]
    top = max(ranks) if ranks and max(ranks) > 0 else 1.0
    lines = [
        "digraph econkg {",
        '  graph [overlap=false, splines=true, outputorder=edgesfirst, bgcolor="white", pad=0.3,'
        ' fontname="DejaVu Sans"];',
        '  node [shape=ellipse, style=filled, fontname="DejaVu Sans", fontsize=11, fontcolor="white",'
        ' penwidth=0];',
        '  edge [fontname="DejaVu Sans", fontsize=9, color="#777777", fontcolor="#444444", arrowsize=0.7];',
    ]
    for node_id, d in nodes:
        rank = float(d.get("pagerank") or 0) / top
        label = short(d.get("label", node_id))
        if d.get("type") == "Quotation":
            label = "« " + short(d.get("label", ""), 30) + " »"
        lines.append("  %s [label=%s, fillcolor=%s, fontsize=%.1f];"
                     % (quote(node_id), quote(label), quote(COLOURS.get(d.get("type"), "#7f7f7f")),
                        10 + 8 * rank))
    for source, target, d in edges:
        label = d.get("label", "")
        if d.get("amount"):
            label += "\\n" + money(d["amount"], d.get("currency", ""))
        elif d.get("jobs"):
            label += "\\n" + d["jobs"] + " jobs"
        lines.append("  %s -> %s [label=%s];" % (quote(source), quote(target), quote(label).replace("\\\\n", "\\n")))
    # A legend of the types present, each in its colour.
    present = [t for t in COLOURS if any(d.get("type") == t for _, d in nodes)]
    legend = " · ".join('<font color="%s">%s</font>' % (COLOURS[t], t) for t in present)
    lines.append("  labelloc=b; fontsize=12; label=<%s>;" % legend)
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graphml")
    parser.add_argument("png")
    parser.add_argument("--engine", default="sfdp", choices=["sfdp", "dot", "neato", "fdp"])
    parser.add_argument("--dot", help="also write the DOT text to this file")
    args = parser.parse_args(argv)
    nodes, edges = read_graphml(args.graphml)
    dot = to_dot(nodes, edges)
    if args.dot:
        with open(args.dot, "w", encoding="utf-8") as f:
            f.write(dot)
    proc = subprocess.run([args.engine, "-Tpng", "-Gdpi=110", "-o", args.png], input=dot.encode("utf-8"))
    if proc.returncode != 0:
        sys.exit("render_graph: %s failed with status %d" % (args.engine, proc.returncode))
    print("render_graph: %d nodes, %d edges -> %s" % (len(nodes), len(edges), args.png))


if __name__ == "__main__":
    main(sys.argv[1:])
