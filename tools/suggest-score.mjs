// `node tools/suggest-score.mjs [--no-build] [--json]`: top-1 accuracy of the department suggestions
// (rankDepartments, as TaskSuggestionService calls it) against plans whose 分工 is known:
//  - the 44 annotated measures of tools/plan-score/corpus gz-talent (key: tools/plan-score/keys), and
//  - the seed plan's special-action-plan duties (key: the 牵头 the plan itself names).
// Each item is ranked with its own duty hidden: no ownDuty, its annotation (（牵头单位：…）) or duty
// sentence removed from the text, and its duty left out of the evidence. Otherwise the plan's own word
// would trivially come first. Baseline: the lead most frequent among the other items.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REGISTER_PATHS, ROOT, runNpx } from './lib/workspace.mjs';
import { prefixMatch } from './plan-score/match-titles.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) runNpx(['nx', 'run', 'api:build', '--output-style=stream']);

const require = createRequire(import.meta.url);
require(REGISTER_PATHS);
const { readPlanDocument } = require(join(ROOT, 'dist/server/libs/server/plans/src/read-plan-document.js'));
const { parsePlan, parseCorrectionsTsv } = require(join(ROOT, 'dist/server/libs/domain/plan-parser/src/index.js'));
const { rankDepartments } = require(join(ROOT, 'dist/server/libs/server/tasks/src/rank-departments.js'));

/** An annotation naming duties: （牵头单位：X，配合单位：Y）, （X牵头，Y参与）. */
const ANNOTATION = /[（(][^（）()]*(?:牵头|配合|参与|责任单位)[^（）()]*[）)]/g;

/** The most frequent lead among the other items: what a ranking must beat. */
function baselineTop(items, i) {
  const counts = new Map();
  items.forEach((it, j) => j !== i && it.key.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1)));
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function score(name, items, rank) {
  const rows = items.map((item, i) => {
    const ranked = rank(item, i);
    const top = ranked[0]?.department.name ?? null;
    const top3 = ranked.slice(0, 3).map((r) => r.department.name);
    return { title: item.title, key: item.key, top, hit: item.key.includes(top), top3: item.key.some((k) => top3.includes(k)), baseline: item.key.includes(baselineTop(items, i)) };
  });
  const n = rows.length;
  const share = (f) => `${((rows.filter(f).length / n) * 100).toFixed(1)} % (${rows.filter(f).length}/${n})`;
  return { name, n, top1: share((r) => r.hit), top3: share((r) => r.top3), baseline: share((r) => r.baseline), rows };
}

// --- gz-talent: Guangzhou city departments, unknown to the seed directory; the directory is the key's names.
async function gzTalent() {
  const key = JSON.parse(readFileSync(join(ROOT, 'tools/plan-score/keys/gz-talent-2012.json'), 'utf8'));
  const names = [...new Set(key.measures.flatMap((m) => [...m.lead, ...m.co]))].filter((n) => !/^各/.test(n));
  const directory = names.map((n) => ({ code: n, name: n, aliases: [] }));
  const departments = names.map((n) => ({ id: n, code: n, name: n, shortName: n, kind: 'city', aliases: [] }));
  const file = 'gz-talent-2012.txt';
  const { text } = await readPlanDocument(file, readFileSync(join(ROOT, 'tools/plan-score/corpus', file)));
  const parsed = parsePlan(text, { directory, correctionMode: 'off' });
  const measures = parsed.nodes.filter((n) => n.kind === 'measure');
  const corpus = measures.map((m) => `${m.title}。${m.body}`);
  const used = new Set();
  const items = key.measures.map((k) => {
    const node = measures.find((m) => !used.has(m.code) && prefixMatch(m.title, k.title));
    if (!node) throw new Error(`measure not found: ${k.title}`);
    used.add(node.code);
    return { title: k.title, key: k.lead, node, text: `${node.title}\n${node.body}`.replace(ANNOTATION, '') };
  });
  return score('gz-talent 2012 (44 annotated measures)', items, (item) => {
    const evidence = parsed.duties
      .filter((d) => d.nodeCode !== item.node.code)
      .flatMap((d) => {
        const node = measures.find((m) => m.code === d.nodeCode);
        return d.leadNames.filter((n) => names.includes(n)).map((n) => ({ departmentId: n, source: 'duty', text: `${d.deliverable}${node ? `。${node.title}` : ''}` }));
      });
    return rankDepartments({ text: item.text, departments, keywords: [], ownDuty: null, evidence, corpus });
  });
}

// --- The seed: its special-action-plan duties, ranked as their drafting tasks (编制《…》) would be.
function seedSpecialPlans() {
  const seedDepartments = JSON.parse(readFileSync(join(ROOT, 'seeds/departments.json'), 'utf8')).departments;
  const departments = seedDepartments.map((d) => ({ id: d.code, code: d.code, name: d.name, shortName: d.shortName ?? d.name, kind: d.kind, aliases: d.aliases ?? [], responsibilities: d.responsibilities }));
  const keywords = JSON.parse(readFileSync(join(ROOT, 'seeds/department-keywords.json'), 'utf8')).keywords.flatMap((k) =>
    k.words.map((keyword) => ({ departmentId: k.departmentCode, keyword })),
  );
  const correctionsDir = join(ROOT, 'seeds/corrections');
  const corrections = readdirSync(correctionsDir)
    .filter((f) => f.endsWith('.tsv'))
    .flatMap((f) => parseCorrectionsTsv(readFileSync(join(correctionsDir, f), 'utf8')));
  const text = readFileSync(join(ROOT, 'seeds/plans/zhejiang-yrd-action-plan.raw.txt'), 'utf8');
  const parsed = parsePlan(text, { corrections, directory: seedDepartments.map((d) => ({ code: d.code, name: d.name, aliases: d.aliases ?? [] })), correctionMode: 'auto' });
  const measures = parsed.nodes.filter((n) => n.kind === 'measure' || n.kind === 'submeasure');
  const corpus = measures.map((m) => `${m.title}。${m.body}`);
  const nameOf = new Map(seedDepartments.map((d) => [d.code, d.name]));
  const special = parsed.duties.filter((d) => d.kind === 'special_action_plan' && d.leadDepartmentCodes[0]);
  const items = special.map((d) => ({ title: d.deliverable, key: d.leadDepartmentCodes.filter(Boolean).map((c) => nameOf.get(c)), duty: d }));
  return score(`seed special action plans (${items.length} with a named lead)`, items, (item) => {
    const evidence = parsed.duties
      .filter((d) => d !== item.duty)
      .flatMap((d) => {
        const node = measures.find((m) => m.code === d.nodeCode);
        return d.leadDepartmentCodes.filter(Boolean).map((c) => ({ departmentId: c, source: 'duty', text: `${d.deliverable}${node ? `。${node.title}` : ''}` }));
      });
    return rankDepartments({ text: `编制《${item.title}》`, departments, keywords, ownDuty: null, evidence, corpus });
  });
}

const results = [await gzTalent(), seedSpecialPlans()];
if (args.includes('--json')) console.log(JSON.stringify(results, null, 1));
console.log(`Suggestion top-1 accuracy, own duty hidden — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('| items | top-1 | top-3 | baseline (most frequent lead) |');
console.log('|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.top1} | ${r.top3} | ${r.baseline} |`);
