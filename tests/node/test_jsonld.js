// graph.jsonld and graph.ndjson convert to N-Quads in jsonld.js in safe mode
// (which fails on any term it would drop), offline.
//
// Run by ctest as: node THIS ECONKG_BINARY SOURCE_DIR SCRATCH_DIR.
// Compared with triples.jsonl: one ekg:Statement per line of triples.jsonl in
// graph.jsonld, and as many again across the lines of graph.ndjson, each line
// a document of its own, one line per input document; every entity of
// triples.jsonl typed in graph.jsonld; each NDJSON statement's N-Quads equal
// to that statement's N-Quads in graph.jsonld; every number a literal of its
// property's datatype (xsd:integer or xsd:decimal, given by the context's
// terms: never a bare JSON number, which jsonld.js would make xsd:integer
// and pyld xsd:double), in both files.
'use strict';
const fs = require('fs');
const path = require('path');
const common = require('./common');
const {fail} = common;
const {toNQuads} = require('./jsonld_nquads');

const STATEMENT = '<https://w3id.org/econkg/vocab#Statement>';
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';

async function nquads(jsonld, doc, what) {
  try {
    return (await toNQuads(jsonld, doc)).split('\n').filter(l => l);
  } catch (e) {
    fail(`jsonld.js (safe mode) rejects ${what}: ${e.message} ${e.details ? JSON.stringify(e.details).slice(0, 500) : ''}`);
  }
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const VOCAB = 'https://w3id.org/econkg/vocab#';
const NUMBER_TYPES = new Map([
  ...['start', 'end', 'jobs', 'quantity', 'mentions', 'inDegree', 'outDegree', 'component', 'jobsCreated', 'jobsCut']
    .map(p => [VOCAB + p, XSD + 'integer']),
  ...['confidence', 'stake', 'pagerank'].map(p => [VOCAB + p, XSD + 'decimal']),
  ['https://schema.org/value', XSD + 'decimal'],
]);

// Each numeric property's literal has its datatype, and there is no
// xsd:double; returns how many literals were checked.
function checkTypedLiterals(lines, what) {
  const quad = /^(\S+) <([^>]*)> "((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>)?/;
  let checked = 0;
  for (const l of lines) {
    if (l.includes(XSD + 'double')) fail(`${what}: an xsd:double literal: ${l}`);
    const m = quad.exec(l);
    if (m && NUMBER_TYPES.has(m[2])) {
      if (m[4] !== NUMBER_TYPES.get(m[2])) fail(`${what}: ${m[2]} should be ${NUMBER_TYPES.get(m[2])}: ${l}`);
      ++checked;
    }
  }
  return checked;
}

// Lines about IRI subjects only (blank node labels differ between documents).
function namedLines(lines) {
  return lines.filter(l => l.startsWith('<') && !/_:/.test(l));
}

async function check({binary, sourceDir, scratchDir}) {
  const jsonld = common.requirePackage('jsonld');
  const out = common.runBuild(binary, sourceDir, path.join(scratchDir, 'out'));
  const triples = common.readTriples(out);

  const full = await nquads(jsonld, JSON.parse(fs.readFileSync(path.join(out, 'graph.jsonld'), 'utf8')), 'graph.jsonld');
  if (new Set(full).size !== full.length) fail('jsonld.js writes duplicate N-Quads lines');
  const statements = full.filter(l => l.includes(`${RDF_TYPE} ${STATEMENT}`));
  if (statements.length !== triples.length)
    fail(`${statements.length} ekg:Statement nodes in graph.jsonld, ${triples.length} lines in triples.jsonl`);
  if (!checkTypedLiterals(full, 'graph.jsonld')) fail('graph.jsonld: no numeric literal to check');
  const typed = new Set(full.filter(l => l.includes(RDF_TYPE)).map(l => l.slice(1, l.indexOf('>'))));
  for (const t of triples)
    for (const id of [t.subject.id, t.object.id]) if (!typed.has(id)) fail(`entity ${id} has no typed node`);

  const docs = new Set(triples.map(t => t.doc));
  const lines = fs.readFileSync(path.join(out, 'graph.ndjson'), 'utf8').split('\n').filter(l => l);
  if (lines.length !== docs.size) fail(`graph.ndjson has ${lines.length} lines, triples.jsonl ${docs.size} documents`);
  const fullSet = new Set(full);
  let streamed = 0;
  for (const [i, line] of lines.entries()) {
    const quads = await nquads(jsonld, JSON.parse(line), `graph.ndjson line ${i + 1}`);
    checkTypedLiterals(quads, `graph.ndjson line ${i + 1}`);
    const here = quads.filter(l => l.includes(`${RDF_TYPE} ${STATEMENT}`));
    if (!here.length) fail(`graph.ndjson line ${i + 1} has no statement`);
    streamed += here.length;
    const statementIds = new Set(here.map(l => l.slice(1, l.indexOf('>'))));
    for (const l of namedLines(quads)) {
      const subject = l.slice(1, l.indexOf('>'));
      if (statementIds.has(subject) && !fullSet.has(l)) fail(`graph.ndjson line ${i + 1}: ${l} is not in graph.jsonld`);
    }
  }
  if (streamed !== triples.length) fail(`${streamed} statements across graph.ndjson, ${triples.length} in triples.jsonl`);
  console.log(`jsonld.js (safe mode): ${full.length} N-Quads, ${statements.length} statements; ` +
              `graph.ndjson: ${lines.length} documents, ${streamed} statements`);
}

common.main(check);
