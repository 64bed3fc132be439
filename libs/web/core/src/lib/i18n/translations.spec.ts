import fs from 'node:fs';
import path from 'node:path';
import {
  APPROVAL_USER_ACTIONS,
  DEPARTMENT_KINDS,
  INDICATOR_VALUE_STATUSES,
  TASK_ACTIONS,
  TASK_EVENT_KINDS,
  TASK_REPORTING_CYCLES,
} from '@luoshi/contracts';
import { flattenTranslations } from './register-translations';

/**
 * The texts of every web area against the code that uses them. Core (libs/web/core/src/lib/i18n/
 * translations.*.ts) holds what several areas share; each area lib owns the rest in
 * src/lib/<area>.translations.{zh,en}.ts, registered when the area loads — so an area may use only
 * its own keys and core's.
 */
const ROOT = path.resolve(__dirname, '../../../../../..');
const WEB_LIBS = path.join(ROOT, 'libs/web');
const SOURCES = [WEB_LIBS, path.join(ROOT, 'apps/web/src')];

/**
 * Keys built at run time as `prefix.${value}`. Each prefix names labels of one typed union (the
 * compiler checks the template literal against TranslationKey). Where contracts list the union's
 * values, the prefix's keys must be those values (or be used literally elsewhere); 'any' keeps every
 * key under the prefix: values that come from the server, or unions contracts do not list.
 * A new dynamic prefix fails the test until it is declared here — prefer a typed label map
 * (Record<Union, TranslationKey>) when the namespace holds other texts too.
 */
// Task status and health, report and approval status, approval subjects, indicator status and
// evaluation components have typed label maps (TASK_STATUS_LABELS in core, REPORT_STATUS_LABELS… in
// reports, INDICATOR_STATUS_KEYS and EVALUATION_COMPONENT_KEYS in dashboards), so their keys are literal.
const DYNAMIC: Readonly<Record<string, readonly string[] | 'any'>> = {
  kinds: DEPARTMENT_KINDS,
  taskCycles: TASK_REPORTING_CYCLES,
  taskActions: TASK_ACTIONS,
  taskEvents: TASK_EVENT_KINDS,
  approvalActions: APPROVAL_USER_ACTIONS,
  approvalDone: ['start', ...APPROVAL_USER_ACTIONS, 'timeout'], // ApprovalTimelineType
  indicatorValueStatus: INDICATOR_VALUE_STATUSES,
  auditActions: 'any', // audit action codes from the server, '.' → '_'; an unknown one shows its code
  subjectTypes: 'any', // audit subject types from the server
  taskFields: 'any', // changed fields in task events and import errors, from the server
  nodeKinds: 'any', // PlanNodeKind
  comparisons: 'any', // IndicatorComparison
  approvalModes: 'any', // ApprovalStepMode
  approvalStepStatus: 'any', // ApprovalStepStatus
  deliveryChannels: 'any', // DeliveryChannel
  deliveryStatus: 'any', // DeliveryStatus
  notificationLevels: 'any', // NotificationLevel
  recipients: 'any', // ReminderRecipient
  reminderStatus: 'any', // ReminderStatus
};

type Texts = { owner: string; zh: Map<string, string>; en: Map<string, string> };

function onlyExport(file: string): object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const values = Object.values(require(file) as Record<string, object>);
  if (values.length !== 1) throw new Error(`${file} should export exactly one dictionary`);
  return values[0];
}

function loadTexts(): Texts[] {
  const core = path.join(WEB_LIBS, 'core/src/lib/i18n/translations');
  const all: Texts[] = [{ owner: 'core', zh: flattenTranslations(onlyExport(`${core}.zh.ts`)), en: flattenTranslations(onlyExport(`${core}.en.ts`)) }];
  for (const lib of fs.readdirSync(WEB_LIBS)) {
    const base = path.join(WEB_LIBS, lib, 'src/lib', `${lib}.translations`);
    if (!fs.existsSync(`${base}.zh.ts`)) continue;
    all.push({ owner: lib, zh: flattenTranslations(onlyExport(`${base}.zh.ts`)), en: flattenTranslations(onlyExport(`${base}.en.ts`)) });
  }
  return all;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, out);
    else if (/\.(ts|html)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) && !/translations\.(zh|en)\.ts$/.test(entry.name)) out.push(file);
  }
  return out;
}

/** The lib a source file belongs to ('app' for apps/web). */
const libOf = (file: string) => (file.startsWith(WEB_LIBS) ? path.relative(WEB_LIBS, file).split(path.sep)[0] : 'app');

/** Quoted strings shaped like keys ('tasks.title'), and the prefixes of `prefix.${value}` templates. */
function scan() {
  const literals: { lib: string; file: string; key: string }[] = [];
  const dynamic: { lib: string; file: string; prefix: string }[] = [];
  for (const file of SOURCES.flatMap((dir) => sourceFiles(dir))) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(ROOT, file);
    for (const m of text.matchAll(/['"`]([a-zA-Z]\w*(?:\.\w+)+)['"`]/g)) literals.push({ lib: libOf(file), file: rel, key: m[1] });
    for (const m of text.matchAll(/`([a-zA-Z]\w*(?:\.\w+)*)\.\$\{/g)) dynamic.push({ lib: libOf(file), file: rel, prefix: m[1] });
  }
  return { literals, dynamic };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const texts = loadTexts();
  const { literals, dynamic } = scan();
  const ownerOf = new Map<string, string>();
  for (const t of texts) for (const key of t.zh.keys()) ownerOf.set(key, ownerOf.has(key) ? `${ownerOf.get(key)} and ${t.owner}` : t.owner);
  const namespaces = new Set([...ownerOf.keys()].map((key) => key.split('.')[0]));
  const runtimePrefixes = dynamic.filter((d) => !d.prefix.startsWith('luoshi.')); // storage keys, not texts

  /** Libs that use a key: literally, or as `prefix.${value}` with the key's value listed. */
  function usersOf(key: string): Set<string> {
    const users = new Set(literals.filter((l) => l.key === key).map((l) => l.lib));
    for (const d of runtimePrefixes) {
      if (!key.startsWith(`${d.prefix}.`)) continue;
      const values = DYNAMIC[d.prefix];
      if (values === 'any' || values?.includes(key.slice(d.prefix.length + 1))) users.add(d.lib);
    }
    return users;
  }

  it('found every area dictionary', () => {
    expect(texts.map((t) => t.owner).sort()).toEqual(expect.arrayContaining(['core', 'tasks', 'plans', 'reports', 'settings', 'admin', 'shell']));
  });

  it('have the same keys in Chinese and English', () => {
    for (const t of texts) expect([t.owner, [...t.en.keys()].sort()]).toEqual([t.owner, [...t.zh.keys()].sort()]);
  });

  it('use the same {placeholders} in both languages', () => {
    for (const t of texts) for (const [key, text] of t.zh) expect([key, placeholders(t.en.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('have no empty texts', () => {
    for (const t of texts) for (const [key, text] of [...t.zh, ...t.en]) expect([key, text.trim().length > 0]).toEqual([key, true]);
  });

  it('define each key once', () => {
    expect([...ownerOf].filter(([, owner]) => owner.includes(' and '))).toEqual([]);
  });

  it('build keys at run time only under a declared prefix', () => {
    expect(runtimePrefixes.filter((d) => !(d.prefix in DYNAMIC)).map((d) => `${d.file}: ${d.prefix}.\${…}`)).toEqual([]);
  });

  it('have a text for every key the code uses, in the area that uses it or in core', () => {
    const problems = literals
      .filter((l) => namespaces.has(l.key.split('.')[0]))
      .filter((l) => ownerOf.get(l.key) !== 'core' && ownerOf.get(l.key) !== l.lib)
      .map((l) => `${l.file}: ${l.key} ${ownerOf.has(l.key) ? `belongs to ${ownerOf.get(l.key)}` : 'has no text'}`);
    expect(problems).toEqual([]);
  });

  it('have a text for every value of a runtime-built key', () => {
    const missing = Object.entries(DYNAMIC).flatMap(([prefix, values]) =>
      values === 'any' ? [] : values.filter((value) => !ownerOf.has(`${prefix}.${value}`)).map((value) => `${prefix}.${value}`),
    );
    expect(missing).toEqual([]);
  });

  it('have no unused keys, and an area owns only keys it uses itself', () => {
    const problems: string[] = [];
    for (const t of texts) {
      for (const key of t.zh.keys()) {
        const users = usersOf(key);
        if (users.size === 0) problems.push(`${key} (${t.owner}) is not used`);
        else if (t.owner !== 'core' && (users.size > 1 || !users.has(t.owner))) problems.push(`${key} (${t.owner}) is used by ${[...users].join(', ')}: move it to core`);
      }
    }
    expect(problems).toEqual([]);
  });
});
