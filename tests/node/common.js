// Shared steps of the node interop tests (tests/node/test_*.js): run
// `econkg build` on samples/ and read triples.jsonl, the contract every other
// output is checked against. Mirrors tests/interop/interop_common.py.
'use strict';
const fs = require('fs');
const path = require('path');
const {spawnSync} = require('child_process');

// Predicates SPEC §2 marks symmetric: their edge is one per unordered pair.
const SYMMETRIC = new Set(['partners_with', 'meets']);

class InteropFailure extends Error {}

function fail(message) {
  throw new InteropFailure(message);
}

// The test-only npm packages, or a message saying how to install them.
function requirePackage(name) {
  try {
    return require(name);
  } catch (e) {
    fail(`cannot load npm package ${name} (${e.message}); run: npm ci --prefix tests/node`);
  }
}

function parseArgs(argv) {
  if (argv.length !== 5) {
    console.error(`usage: node ${path.basename(argv[1])} ECONKG_BINARY SOURCE_DIR SCRATCH_DIR`);
    process.exit(2);
  }
  return {binary: argv[2], sourceDir: argv[3], scratchDir: argv[4]};
}

// Runs `binary build SOURCE_DIR/samples -o outDir`; returns outDir.
function runBuild(binary, sourceDir, outDir) {
  fs.rmSync(outDir, {recursive: true, force: true});
  fs.mkdirSync(path.dirname(outDir), {recursive: true});
  const args = ['build', path.join(sourceDir, 'samples'), '-o', outDir];
  const proc = spawnSync(binary, args, {encoding: 'utf8'});
  if (proc.error) fail(`cannot run ${binary}: ${proc.error.message}`);
  if (proc.signal) fail(`${binary} ${args.join(' ')} died with ${proc.signal}\n${proc.stderr}`);
  if (proc.status !== 0) process.stderr.write(`warning: econkg build exited with ${proc.status}:\n${proc.stderr}\n`);
  return outDir;
}

function readTriples(outDir) {
  const file = path.join(outDir, 'triples.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim());
  if (!lines.length) fail(`${file} is empty: nothing to compare`);
  return lines.map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      fail(`${file}:${i + 1}: not JSON: ${e.message}`);
    }
  });
}

function relationKey(s, p, o) {
  if (SYMMETRIC.has(p) && o < s) [s, o] = [o, s];
  return JSON.stringify([s, p, o]);
}

// Entity ids, relation keys, and each relation's amount as the graph keeps it
// (the first one stated, in triples.jsonl order).
function expectedGraph(triples) {
  const ids = new Set();
  const relations = new Set();
  const amounts = new Map();
  for (const t of triples) {
    ids.add(t.subject.id);
    ids.add(t.object.id);
    const key = relationKey(t.subject.id, t.predicate, t.object.id);
    relations.add(key);
    const amount = t.attributes && t.attributes.amount;
    if (amount !== undefined && !amounts.has(key)) amounts.set(key, amount);
  }
  return {ids, relations, amounts};
}

function countMatches(text, re) {
  return (text.match(re) || []).length;
}

// Runs check(args) and turns failures into a message and exit status 1.
function main(check) {
  const args = parseArgs(process.argv);
  const name = path.basename(process.argv[1]);
  Promise.resolve()
    .then(() => check(args))
    .then(
      () => console.log(`OK ${name}`),
      e => {
        console.error(`FAIL ${name}: ${e instanceof InteropFailure ? e.message : e.stack}`);
        process.exit(1);
      }
    );
}

module.exports = {
  InteropFailure, fail, requirePackage, runBuild, readTriples, relationKey, expectedGraph, countMatches, main,
};
