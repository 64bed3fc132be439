import type { DirectoryDepartment } from './department-directory';
import { type DepartmentKeyword, suggestDepartments } from './suggest-departments';

/** What a department is known for: its directory text, the plan's duties and earlier assignments. */
export interface DepartmentEvidence {
  departmentId: string;
  /** 'duty': a 牵头/配合 of the plan (the importer's); 'assignment': a task the office assigned it before. */
  source: 'duty' | 'assignment';
  text: string;
}

export interface RankInput {
  /** The measure's title and body (and the task's, when edited). */
  text: string;
  departments: readonly (DirectoryDepartment & { responsibilities?: string })[];
  keywords: readonly DepartmentKeyword[];
  /** The measure's own parsed duty (or its nearest ancestor's): the plan says who leads. */
  ownDuty?: { leadIds: readonly string[]; coIds: readonly string[] } | null;
  /** Duties of the plan's other measures and past assignments (never the measure's own). */
  evidence: readonly DepartmentEvidence[];
  /** The plan's measures (title and body): how common a word is in this plan's language (推进, 建设). */
  corpus?: readonly string[];
}

export interface RankedDepartment {
  department: DirectoryDepartment;
  role: 'lead' | 'co';
  score: number;
  reasons: string[];
}

/** Weights: the plan's own word first, then a name in the text, then what the department is known for. */
export const RANK_WEIGHTS = {
  ownLead: 1000,
  ownCo: 500,
  named: 100,
  directory: 60,
  duty: 60,
  assignment: 40,
  keyword: 6,
  planShare: 8,
} as const;
/** Below this a department is not suggested at all (a few shared common words). */
const MIN_SCORE = 2;
/** Bigrams weaker than this share of the rarest are the plan's common language: not a reason, no points. */
const COMMON_WORD = 0.3;
/** A reason names only words at least this specific. */
const REASON_WORD = 0.45;
const MAX_RESULTS = 8;
const MAX_PHRASES = 3;

const CJK = /[\u4e00-\u9fff]/;

/** Character bigrams of the Chinese runs of a text (Chinese has no spaces; bigrams are its words' parts). */
export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/[^\u4e00-\u9fffA-Za-z0-9.]+/)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (CJK.test(pair[0]) && CJK.test(pair[1])) out.push(pair);
    }
  }
  return out;
}

type Vector = Map<string, number>;

function termCounts(text: string): Vector {
  const v: Vector = new Map();
  for (const b of bigramsOf(text)) v.set(b, (v.get(b) ?? 0) + 1);
  return v;
}

/** Cosine of two tf-idf vectors; also each shared bigram's share of the dot product (for the reasons). */
function similarity(query: Vector, doc: Vector, idf: (b: string) => number): { cos: number; shared: Map<string, number> } {
  const shared = new Map<string, number>();
  if (doc.size === 0 || query.size === 0) return { cos: 0, shared };
  let dot = 0;
  let qn = 0;
  let dn = 0;
  for (const [b, tf] of query) {
    const w = idf(b);
    qn += w * w;
    const d = doc.get(b);
    if (d !== undefined) {
      const part = w * w * (1 + Math.log(d)) * tf;
      dot += part;
      shared.set(b, part);
    }
  }
  for (const [b, tf] of doc) dn += (idf(b) * (1 + Math.log(tf))) ** 2;
  return { cos: dot === 0 ? 0 : dot / Math.sqrt(qn * dn), shared };
}

/** The query's runs made of shared bigrams, strongest first: 云平台, 教育 — what a person reads as the reason. */
function phrasesOf(text: string, shared: Map<string, number>, specific: (b: string) => boolean): string[] {
  const runs = new Map<string, number>();
  let run = '';
  let weight = 0;
  const flush = () => {
    if (run.length >= 2) runs.set(run, Math.max(runs.get(run) ?? 0, weight));
    run = '';
    weight = 0;
  };
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    const w = specific(pair) ? shared.get(pair) : undefined;
    if (w === undefined) {
      if (run) flush();
      continue;
    }
    run = run ? run + text[i + 1] : text.slice(i, i + 2);
    weight += w;
  }
  flush();
  const all = [...runs.keys()];
  // A phrase inside a longer one (互认 in 住房公积金互认) says nothing more.
  return [...runs.entries()]
    .filter(([p]) => !all.some((q) => q !== p && q.includes(p)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PHRASES)
    .map(([p]) => p);
}

/**
 * Ranks departments for a measure. Pure. The evidence, strongest first:
 * 1. the plan's own 分工 for the measure (牵头 → lead, 配合 → co);
 * 2. a department named in the text (A会同B: A first);
 * 3. what each department is known for — its responsibilities (职责) in the directory, the plan's
 *    duties on other measures and earlier assignments — compared with the measure's text as tf-idf
 *    over character bigrams, so words every department shares (建设, 推进) weigh almost nothing;
 * 4. the keyword table, weighted the same way (建设 alone no longer points to 省建设厅).
 * The first department is suggested as lead (unless the plan makes it co), the others as co.
 */
export function rankDepartments(input: RankInput): RankedDepartment[] {
  const candidates = input.departments.filter((d) => d.kind !== 'office');
  const byId = new Map(candidates.map((d) => [d.id, d]));
  const entries = new Map<string, { department: DirectoryDepartment; score: number; reasons: string[]; role?: 'lead' | 'co'; order: number }>();
  const entry = (d: DirectoryDepartment) => {
    let e = entries.get(d.id);
    if (!e) {
      e = { department: d, score: 0, reasons: [], order: Infinity };
      entries.set(d.id, e);
    }
    return e;
  };

  // 1. The plan's own duty.
  input.ownDuty?.leadIds.forEach((id, i) => {
    const d = byId.get(id);
    if (!d) return;
    const e = entry(d);
    e.score += RANK_WEIGHTS.ownLead - i;
    e.role = i === 0 ? 'lead' : 'co';
    e.reasons.push('计划分工：牵头');
  });
  for (const id of input.ownDuty?.coIds ?? []) {
    const d = byId.get(id);
    if (!d || entries.get(id)?.role) continue;
    const e = entry(d);
    e.score += RANK_WEIGHTS.ownCo;
    e.role = 'co';
    e.reasons.push('计划分工：配合');
  }

  // 2. Named in the text, in the order named.
  const named = suggestDepartments(input.text, candidates, []);
  named.forEach((s, i) => {
    const e = entry(s.department);
    e.score += RANK_WEIGHTS.named - i;
    e.order = Math.min(e.order, i);
    e.reasons.push(...s.reasons);
  });

  // 3. Profiles: directory text, the plan's duties, earlier assignments.
  const profiles = candidates.map((d) => ({
    d,
    directory: termCounts(d.responsibilities ?? ''),
    duty: termCounts(input.evidence.filter((x) => x.departmentId === d.id && x.source === 'duty').map((x) => x.text).join('\n')),
    assignment: termCounts(input.evidence.filter((x) => x.departmentId === d.id && x.source === 'assignment').map((x) => x.text).join('\n')),
  }));
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  const count = (seen: Set<string>) => {
    if (seen.size > 0) documents++;
    for (const b of seen) documentFrequency.set(b, (documentFrequency.get(b) ?? 0) + 1);
  };
  for (const p of profiles) count(new Set([...p.directory.keys(), ...p.duty.keys(), ...p.assignment.keys()]));
  for (const text of input.corpus ?? []) count(new Set(bigramsOf(text)));
  // A bigram every department and measure uses (推进, 建设) says little; one nobody uses still counts in
  // the measure's length (a measure about something else is not made similar by one shared word).
  const maxIdf = Math.log(documents + 1) || 1;
  const idf = (b: string) => {
    const df = documentFrequency.get(b);
    const w = df === undefined ? maxIdf : Math.log((documents + 1) / df);
    return w < COMMON_WORD * maxIdf ? 0 : w;
  };
  const specific = (b: string) => idf(b) >= REASON_WORD * maxIdf;
  // Names are already counted (step 2): their characters must not count again as topic words.
  let topicText = input.text;
  for (const s of named) for (const n of [s.department.name, s.department.shortName, ...s.department.aliases]) topicText = topicText.split(n).join('、');
  const query = termCounts(topicText);
  const labels = { directory: '职责相符', duty: '计划同类分工', assignment: '以往承办' } as const;
  for (const p of profiles) {
    for (const source of ['directory', 'duty', 'assignment'] as const) {
      const { cos, shared } = similarity(query, p[source], idf);
      const points = cos * RANK_WEIGHTS[source];
      if (points < 0.5) continue;
      const phrases = phrasesOf(topicText, shared, specific);
      if (phrases.length === 0) continue;
      const e = entry(p.d);
      e.score += points;
      e.reasons.push(`${labels[source]}${phrases.map((x) => `“${x}”`).join('')}`);
    }
  }

  // 4. Keywords, as specific as the words they are made of.
  const sortedKeywords = [...input.keywords].sort((a, b) => b.keyword.length - a.keyword.length);
  let rest = topicText;
  for (const k of sortedKeywords) {
    const d = byId.get(k.departmentId);
    if (!d || !rest.includes(k.keyword)) continue;
    rest = rest.split(k.keyword).join('、');
    const grams = bigramsOf(k.keyword);
    const specificity = grams.length === 0 ? 1 : Math.max(...grams.map(idf)) / maxIdf;
    const e = entry(d);
    e.score += RANK_WEIGHTS.keyword * specificity;
    e.reasons.push(`关键词“${k.keyword}”`);
  }

  // 5. How much of this plan's work each department already carries (its share of the plan's duties):
  // a weak prior that only orders departments the text says little about.
  const dutyCounts = new Map<string, number>();
  for (const x of input.evidence) if (x.source === 'duty' && byId.has(x.departmentId)) dutyCounts.set(x.departmentId, (dutyCounts.get(x.departmentId) ?? 0) + 1);
  const most = Math.max(0, ...dutyCounts.values());
  for (const [id, n] of dutyCounts) {
    const e = entry(byId.get(id)!);
    e.score += (RANK_WEIGHTS.planShare * n) / most;
    if (n === most) e.reasons.push('本计划牵头/配合最多');
  }

  // The plan's duty first (lead before co), then departments in the order the text names them, then the rest by score.
  const tier = (e: { role?: 'lead' | 'co'; order: number }) => (e.role ? 0 : e.order < Infinity ? 1 : 2);
  const ranked = [...entries.values()]
    .filter((e) => e.role || e.order < Infinity || e.score >= MIN_SCORE)
    .sort(
      (a, b) =>
        tier(a) - tier(b) ||
        (tier(a) === 1 ? a.order - b.order : 0) ||
        b.score - a.score ||
        a.department.code.localeCompare(b.department.code),
    )
    .slice(0, MAX_RESULTS);
  const planHasLead = ranked.some((e) => e.role === 'lead');
  return ranked.map((e, i) => ({
    department: e.department,
    role: e.role ?? (i === 0 && !planHasLead ? 'lead' : 'co'),
    score: Math.round(e.score * 10) / 10,
    reasons: e.reasons,
  }));
}
