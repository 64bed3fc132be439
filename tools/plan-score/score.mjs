// `npm run plan:score`: runs the importer on the real-document corpus and scores it against the
// hand-written answer keys (tools/plan-score/keys/*.json). The importer runs as the API runs it: the
// built reader (readPlanDocument) and parser (parsePlan) from dist/server, with the seeded correction
// dictionaries (seeds/corrections/*.tsv) and department directory (seeds/departments.json), mode 'auto'.
// Prints a markdown table with the date. `--no-build` skips the (cached) build; `--json` prints details.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTER_PATHS, ROOT, runNpx } from '../lib/workspace.mjs';
import { norm, prefixMatch } from './match-titles.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  try {
    runNpx(['nx', 'run', 'api:build', '--output-style=stream']);
  } catch (error) {
    if (!existsSync(join(ROOT, 'dist/server/libs/server/plans/src/read-plan-document.js'))) throw error;
    console.error(`API build failed (${error.message}); scoring the previous build in dist/server.`);
  }
}

const require = createRequire(import.meta.url);
require(REGISTER_PATHS);
const { readPlanDocument } = require(join(ROOT, 'dist/server/libs/server/plans/src/read-plan-document.js'));
const { parsePlan, parseCorrectionsTsv } = require(join(ROOT, 'dist/server/libs/domain/plan-parser/src/index.js'));

const here = dirname(fileURLToPath(import.meta.url));
const correctionsDir = join(ROOT, 'seeds/corrections');
const corrections = readdirSync(correctionsDir)
  .filter((f) => f.endsWith('.tsv'))
  .flatMap((f) => parseCorrectionsTsv(readFileSync(join(correctionsDir, f), 'utf8')));
const directory = JSON.parse(readFileSync(join(ROOT, 'seeds/departments.json'), 'utf8')).departments.map((d) => ({
  code: d.code,
  name: d.name,
  aliases: d.aliases ?? [],
}));

/** Pairs key items with found items in order (greedy, one-to-one). Returns key index → found index. */
function pair(keyItems, foundItems, matches) {
  const used = new Set();
  const result = new Map();
  keyItems.forEach((k, ki) => {
    const fi = foundItems.findIndex((f, i) => !used.has(i) && matches(f, k));
    if (fi >= 0) {
      used.add(fi);
      result.set(ki, fi);
    }
  });
  return result;
}

const ratio = (a, b) => (b === 0 ? null : a / b);
const pct = (r) => (r === null ? '—' : `${(r * 100).toFixed(r === 1 ? 0 : 1)} %`);

async function scoreFile(key, file) {
  const buffer = readFileSync(join(here, file));
  const { format, text } = await readPlanDocument(basename(file), buffer);
  const parsed = parsePlan(text, { corrections, directory, correctionMode: 'auto' });
  const measures = parsed.nodes.filter((n) => n.kind === 'measure');
  const headings = parsed.nodes.filter((n) => n.kind === 'part' || n.kind === 'section');

  const measurePairs = pair(key.measures, measures, (f, k) => prefixMatch(f.title, k.title));
  const headingPairs = pair(key.headings, headings, (f, k) => prefixMatch(f.title, k));

  const indicatorPairs = pair(key.indicators, parsed.indicators, (f, k) =>
    Math.abs(f.value - k.value) < 1e-9 && norm(f.unit) === norm(k.unit) && k.years.includes(f.targetYear),
  );

  // Duties as (key measure, role, name) triples; a duty on a node that is no key measure is wrong.
  const ignored = new Set((key.ignoreDuties ?? []).map((t) => key.measures.findIndex((m) => m.title === t)));
  const keyTriples = new Set();
  key.measures.forEach((m, i) => {
    for (const n of m.lead ?? []) keyTriples.add(`${i}|lead|${norm(n)}`);
    for (const n of m.co ?? []) keyTriples.add(`${i}|co|${norm(n)}`);
  });
  const nodeToKey = new Map([...measurePairs].map(([ki, fi]) => [measures[fi].code, ki]));
  const foundTriples = new Set();
  for (const d of parsed.duties) {
    const ki = d.nodeCode ? nodeToKey.get(d.nodeCode) : undefined;
    if (ki !== undefined && ignored.has(ki)) continue;
    const at = ki === undefined ? `x${d.nodeCode ?? d.deliverable}` : ki;
    for (const n of d.leadNames ?? [d.leadName]) foundTriples.add(`${at}|lead|${norm(n)}`);
    for (const n of d.coNames ?? []) foundTriples.add(`${at}|co|${norm(n)}`);
  }
  const dutyHits = [...foundTriples].filter((t) => keyTriples.has(t)).length;

  return {
    id: key.id,
    file,
    format,
    title: { expected: key.title, found: parsed.title, right: norm(parsed.title) === norm(key.title) },
    measures: { key: key.measures.length, found: measures.length, matched: measurePairs.size },
    headings: { key: key.headings.length, found: headings.length, matched: headingPairs.size },
    indicators: { key: key.indicators.length, found: parsed.indicators.length, matched: indicatorPairs.size },
    duties: { key: keyTriples.size, found: foundTriples.size, matched: dutyHits },
    corrections: { applied: parsed.corrections.length, candidates: parsed.corruption?.candidates ?? null, corrupted: parsed.corruption?.corrupted ?? null },
    missedMeasures: key.measures.filter((_, i) => !measurePairs.has(i)).map((m) => m.title),
    extraMeasures: measures.filter((_, i) => ![...measurePairs.values()].includes(i)).map((m) => m.title.slice(0, 30)),
    missedHeadings: key.headings.filter((_, i) => !headingPairs.has(i)),
    missedDuties: [...keyTriples].filter((t) => !foundTriples.has(t)),
    wrongDuties: [...foundTriples].filter((t) => !keyTriples.has(t)),
  };
}

const keys = readdirSync(join(here, 'keys'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(here, 'keys', f), 'utf8')));

const rows = [];
for (const key of keys) {
  for (const [i, file] of key.files.entries()) {
    try {
      rows.push({ ...(await scoreFile(key, file)), primary: i === 0 });
    } catch (error) {
      rows.push({ id: key.id, file, primary: i === 0, error: `${error.code ?? ''} ${error.message}` });
    }
  }
}

const sum = (list, pick) => list.reduce((s, r) => s + (r.error ? 0 : pick(r)), 0);
const line = (name, fmt, list) => {
  const m = (k) => sum(list, (r) => r.measures[k]);
  const h = (k) => sum(list, (r) => r.headings[k]);
  const ind = (k) => sum(list, (r) => r.indicators[k]);
  const d = (k) => sum(list, (r) => r.duties[k]);
  const errors = list.filter((r) => r.error).length;
  return `| ${name} | ${fmt} | ${pct(ratio(m('matched'), m('found')))} | ${pct(ratio(m('matched'), m('key')))} (${m('matched')}/${m('key')}) | ${pct(ratio(h('matched'), h('key')))} (${h('matched')}/${h('key')}), found ${h('found')} | ${pct(ratio(ind('matched'), ind('key')))} (${ind('matched')}/${ind('key')}), found ${ind('found')} | ${pct(ratio(d('matched'), d('found')))} | ${pct(ratio(d('matched'), d('key')))} (${d('matched')}/${d('key')}) | ${sum(list, (r) => r.corrections.applied)} |${errors ? ` ${errors} failed` : ''}`;
};

const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const out = [
  `Plan import scored on ${keys.length} real documents (tools/plan-score), ${date} UTC`,
  '',
  '| document | format | measures precision | measures recall | headings found | indicators right (value, unit, year) | duties precision | duties recall | corrections applied (clean: must be 0) |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const r of rows) {
  if (r.error) out.push(`| ${r.id} | ${r.file.split('.').pop()} | failed: ${r.error} |||||||`);
  else out.push(line(r.id, r.format, [r]));
}
out.push(line('**total** (each document once, first format)', '', rows.filter((r) => r.primary)));
console.log(out.join('\n'));
if (args.includes('--json')) console.log(JSON.stringify(rows, null, 1));
