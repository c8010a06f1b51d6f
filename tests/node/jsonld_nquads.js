// Prints the N-Quads jsonld.js (safe mode, offline) makes of a JSON-LD file,
// or, with --lines, of each line of an NDJSON file in turn. Exit 1 with the
// processor's message when it fails or would drop a term.
// Not a test itself: tests/node/test_jsonld.js and
// tests/interop/test_jsonld_consumers.py use it.
// usage: node jsonld_nquads.js [--lines] FILE
'use strict';
const fs = require('fs');

// SPEC §4: the documents work offline; any fetch is a failure.
function offlineLoader(url) {
  throw new Error(`jsonld.js tried to load ${url}: the context must be inline`);
}

async function toNQuads(jsonld, doc) {
  // safe: fail on anything that would be dropped or is ambiguous.
  return jsonld.toRDF(doc, {format: 'application/n-quads', safe: true, documentLoader: offlineLoader});
}

async function run(argv) {
  const lines = argv[0] === '--lines';
  const file = lines ? argv[1] : argv[0];
  if (!file) throw new Error('usage: node jsonld_nquads.js [--lines] FILE');
  const jsonld = require('jsonld');
  const text = fs.readFileSync(file, 'utf8');
  const docs = lines ? text.split('\n').filter(l => l.trim()) : [text];
  for (const d of docs) process.stdout.write(await toNQuads(jsonld, JSON.parse(d)));
}

if (require.main === module) {
  run(process.argv.slice(2)).catch(e => {
    console.error(`jsonld.js: ${e.message}${e.details ? ' ' + JSON.stringify(e.details).slice(0, 500) : ''}`);
    process.exit(1);
  });
}

module.exports = {toNQuads, offlineLoader};
