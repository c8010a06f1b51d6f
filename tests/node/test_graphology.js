// graph.graphml and graph.gexf load in graphology-graphml and graphology-gexf
// (the parsers of Gephi Lite) with every node, edge and attribute.
//
// Run by ctest as: node THIS ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
// Compared with triples.jsonl: node count = distinct entity ids, edge count =
// distinct (subject, predicate, object) with symmetric predicates unordered,
// node IRIs, edge predicates and amounts. Attribute counts: every <data> of
// the GraphML and every <attvalue> of the GEXF (plus the label, colour and
// size of nodes and the label, weight and kind of edges) is an attribute in
// graphology.
'use strict';
const fs = require('fs');
const path = require('path');
const common = require('./common');
const {fail} = common;

function compare(library, graph, expected) {
  const {ids, relations, amounts} = expected;
  if (graph.order !== ids.size) fail(`${library} reads ${graph.order} nodes, triples.jsonl has ${ids.size} entity ids`);
  if (graph.size !== relations.size)
    fail(`${library} reads ${graph.size} edges, triples.jsonl has ${relations.size} distinct relations`);
  const iri = {};
  graph.forEachNode((node, attrs) => {
    if (typeof attrs.iri !== 'string') fail(`${library}: node ${node} has no iri`);
    if (!ids.has(attrs.iri)) fail(`${library}: node iri ${attrs.iri} is not in triples.jsonl`);
    if (typeof attrs.label !== 'string' || !attrs.label) fail(`${library}: node ${node} has no label`);
    if (typeof attrs.pagerank !== 'number' || typeof attrs.degree !== 'number')
      fail(`${library}: node ${node} pagerank/degree not numbers: ${attrs.pagerank} ${attrs.degree}`);
    for (const total of ['invested_eur', 'received_eur', 'jobs_created', 'jobs_cut'])
      if (!Number.isInteger(attrs[total])) fail(`${library}: node ${node} ${total} = ${attrs[total]} is not an integer`);
    iri[node] = attrs.iri;
  });
  if (new Set(Object.values(iri)).size !== ids.size) fail(`${library}: node IRIs are not one per entity`);
  const seen = new Map();
  graph.forEachEdge((edge, attrs, source, target) => {
    if (attrs.label !== attrs.predicate) fail(`${library}: edge ${edge} label ${attrs.label} is not ${attrs.predicate}`);
    if (typeof attrs.weight !== 'number' || attrs.weight < 1) fail(`${library}: edge ${edge} weight ${attrs.weight}`);
    seen.set(common.relationKey(iri[source], attrs.predicate, iri[target]), attrs.amount);
  });
  for (const key of relations) if (!seen.has(key)) fail(`${library}: relation ${key} missing`);
  for (const [key, amount] of seen) {
    const want = amounts.get(key);
    if (want === undefined ? amount !== undefined : amount !== want)
      fail(`${library}: edge ${key} has amount ${amount}, triples.jsonl says ${want}`);
  }
}

function attributeCount(graph) {
  let nodes = 0, edges = 0;
  graph.forEachNode((n, a) => { nodes += Object.keys(a).length; });
  graph.forEachEdge((e, a) => { edges += Object.keys(a).length; });
  return {nodes, edges};
}

function check({binary, sourceDir, scratchDir}) {
  const Graph = common.requirePackage('graphology');
  const graphml = common.requirePackage('graphology-graphml');
  const gexf = common.requirePackage('graphology-gexf');
  const out = common.runBuild(binary, sourceDir, path.join(scratchDir, 'out'));
  const expected = common.expectedGraph(common.readTriples(out));

  // GraphML: graphology itself is the Graph constructor (TOOLCHAIN.md).
  const graphmlText = fs.readFileSync(path.join(out, 'graph.graphml'), 'utf8');
  let g;
  try {
    g = graphml.parse(Graph, graphmlText);
  } catch (e) {
    fail(`graphology-graphml cannot read graph.graphml: ${e.message}`);
  }
  if (g.type !== 'directed') fail(`graphology-graphml reads a ${g.type} graph`);
  compare('graphology-graphml', g, expected);
  const nodeSection = graphmlText.slice(0, graphmlText.indexOf('<edge '));
  const want = {
    nodes: common.countMatches(nodeSection, /<data key=/g),
    edges: common.countMatches(graphmlText, /<data key=/g) - common.countMatches(nodeSection, /<data key=/g),
  };
  const got = attributeCount(g);
  if (got.nodes !== want.nodes || got.edges !== want.edges)
    fail(`graphology-graphml reads ${got.nodes}/${got.edges} node/edge attributes, graph.graphml has ${want.nodes}/${want.edges}`);

  // GEXF.
  const gexfText = fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8');
  let h;
  try {
    h = gexf.parse(Graph, gexfText);
  } catch (e) {
    fail(`graphology-gexf cannot read graph.gexf: ${e.message}`);
  }
  compare('graphology-gexf', h, expected);
  const edgeStart = gexfText.indexOf('<edges>');
  const gexfNodes = common.countMatches(gexfText.slice(0, edgeStart), /<attvalue /g) + 3 * h.order;
  const gexfEdges = common.countMatches(gexfText.slice(edgeStart), /<attvalue /g) + 3 * h.size;
  const gotGexf = attributeCount(h);
  if (gotGexf.nodes !== gexfNodes || gotGexf.edges !== gexfEdges)
    fail(`graphology-gexf reads ${gotGexf.nodes}/${gotGexf.edges} node/edge attributes, graph.gexf has ${gexfNodes}/${gexfEdges}`);
  h.forEachNode((n, a) => {
    if (!/^rgb/.test(a.color || '') || !(a.size >= 5 && a.size <= 50)) fail(`graphology-gexf: node ${n} colour ${a.color}, size ${a.size}`);
  });
  h.forEachEdge((e, a) => {
    if (a.kind !== a.predicate) fail(`graphology-gexf: edge ${e} kind ${a.kind} is not ${a.predicate}`);
  });
  // The two readers agree, attribute by attribute, on what both formats carry.
  g.forEachNode((n, a) => {
    const b = h.getNodeAttributes(n);
    for (const k of ['label', 'type', 'iri', 'mentions', 'degree', 'pagerank', 'invested_eur', 'jobs_created'])
      if (a[k] !== b[k]) fail(`node ${n}: ${k} is ${a[k]} in GraphML, ${b[k]} in GEXF`);
  });
  console.log(`${g.order} nodes, ${g.size} edges, ${got.nodes + got.edges} GraphML and ` +
              `${gotGexf.nodes + gotGexf.edges} GEXF attributes agree in graphology-graphml and graphology-gexf`);
}

common.main(check);
