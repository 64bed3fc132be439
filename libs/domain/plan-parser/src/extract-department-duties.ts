import type { PlanTree } from './build-plan-tree';
import { findAnnotations, type DutyAnnotation } from './extract-duty-annotations';
import type { DepartmentDutyDraft, DirectoryDepartment, ParseWarning, PlanNodeDraft } from './plan-types';
import { readAnnexDutyTable } from './read-annex-duty-table';
import { buildLookup, resolveDepartment, type DepartmentLookup, type ResolvedDepartment } from './resolve-departments';
import { asWritten, simplifyCharacters } from './simplify-characters';

/*
 * Three sources of duties:
 * 1. Special plans: <lead>[会同<co>、<co>…][要][牵头][组织]编制|制定<…计划/方案/规划/清单>, e.g.
 *    省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划. The lead must be a directory
 *    name or alias, a department-shaped name (省…厅/局/委/办) or a collective unit; a collective lead
 *    makes the duty 'general', a named 专项行动计划 with a specific lead is 'special_action_plan'.
 * 2. Annotations on a measure (extract-duty-annotations.ts): one duty per measure, leads and
 *    co-departments merged in order; the deliverable is the measure's title.
 * 3. An 分工表 (read-annex-duty-table.ts): one duty per row, merged into the measure it matches.
 * Names resolve against the directory (name or alias); collective units are kept by name; the others
 * are listed in unresolvedNames (and an UNKNOWN_DEPARTMENT warning when a directory was given).
 * A text in traditional characters (牽頭單位：…，配合單位：…) is read on its simplified shadow
 * (simplify-characters.ts) and the names are cut from the text as written.
 */
const LEAD_LABEL_LINE = /(牵头单位|牵头部门)[：:]/;
const DEPARTMENT_SHAPE = /^省.{1,14}(厅|局|委|办|院|室|会|中心|委员会|办公室)$/;
const SPECIAL = /^(.+?)(?:要|应|须)?(?:牵头组织|牵头负责|负责牵头|牵头|组织|负责)?(?:研究)?(编制|制定)(.{2,60}?(?:计划|方案|规划|清单))$/;

export function extractDepartmentDuties(
  tree: Pick<PlanTree, 'segments' | 'nodes' | 'tables' | 'annexTables'>,
  directory: readonly DirectoryDepartment[] | undefined,
  warnings: ParseWarning[],
): DepartmentDutyDraft[] {
  const lookup = buildLookup(directory ?? []);
  const nodeByCode = new Map(tree.nodes.map((node) => [node.code, node]));
  const special: DepartmentDutyDraft[] = [];
  const byNode = new Map<string, DepartmentDutyDraft>();
  const loose: DepartmentDutyDraft[] = [];
  const merge = (draft: DepartmentDutyDraft) => {
    const existing = draft.nodeCode ? byNode.get(draft.nodeCode) : undefined;
    if (!existing) {
      if (draft.nodeCode) byNode.set(draft.nodeCode, draft);
      else loose.push(draft);
      return;
    }
    Object.assign(existing, combine(existing, draft));
  };

  const shadows = tree.segments.map((segment) => simplifyCharacters(segment.text));
  // Measures that give their 牵头单位 on a line of their own: there 责任单位 are co-departments.
  const leadLabelled = new Set(tree.segments.filter((s, i) => s.nodeCode && LEAD_LABEL_LINE.test(shadows[i])).map((s) => s.nodeCode));
  tree.segments.forEach((segment, index) => {
    for (const raw of segment.text.split(/[。；]/)) {
      const found = readSpecialPlan(raw.trim(), lookup);
      if (found) special.push({ ...found, nodeCode: segment.nodeCode, line: segment.line });
    }
    const shadow = shadows[index];
    const context = { responsibleAreCo: leadLabelled.has(segment.nodeCode) };
    for (const found of findAnnotations(shadow, lookup, context)) {
      const annotation = shadow === segment.text ? found : annotationAsWritten(found, shadow, segment.text);
      const node = segment.nodeCode ? nodeByCode.get(segment.nodeCode) : undefined;
      merge(
        draftFor(annotation.leads, annotation.cos, lookup, {
          deliverable: node?.title ?? annotation.text,
          source: 'annotation',
          sourceSentence: annotation.text,
          nodeCode: segment.nodeCode,
          line: segment.line,
          deadlineText: annotation.deadlineText,
        }),
      );
    }
  });

  const measures = tree.nodes.filter((node) => node.kind === 'measure');
  for (const table of [...tree.tables.map((t) => t.table), ...tree.annexTables]) {
    for (const row of readAnnexDutyTable(table, measures, lookup) ?? []) {
      const node: PlanNodeDraft | undefined = row.nodeCode ? nodeByCode.get(row.nodeCode) : undefined;
      if (!node) warnings.push({ line: row.line, code: 'ANNEX_ROW_UNMATCHED', message: `分工表第${row.line}行“${row.task}”未能对应到措施，请人工核对` });
      merge(
        draftFor(row.leads, row.cos, lookup, {
          deliverable: node?.title ?? row.task,
          source: 'annex_table',
          sourceSentence: row.rowText,
          nodeCode: row.nodeCode,
          line: row.line,
          deadlineText: row.deadlineText,
        }),
      );
    }
  }

  const duties = [...special, ...byNode.values(), ...loose];
  if (directory) {
    for (const duty of duties) {
      for (const name of duty.unresolvedNames) {
        warnings.push({ line: duty.line, code: 'UNKNOWN_DEPARTMENT', message: `第${duty.line}行的部门“${name}”不在部门目录中` });
      }
    }
  }
  return duties;
}

/** An annotation read on the simplified shadow of a text, with its names and words as the text writes them. */
function annotationAsWritten(annotation: DutyAnnotation, shadow: string, original: string): DutyAnnotation {
  const written = (s: string) => asWritten(s, shadow, original);
  return {
    leads: annotation.leads.map(written),
    cos: annotation.cos.map(written),
    text: written(annotation.text),
    ...(annotation.deadlineText ? { deadlineText: written(annotation.deadlineText) } : {}),
  };
}

interface DraftFields {
  deliverable: string;
  source: DepartmentDutyDraft['source'];
  sourceSentence: string;
  nodeCode: string | null;
  line: number;
  deadlineText?: string;
}

function draftFor(leadNames: string[], coNames: string[], lookup: DepartmentLookup, fields: DraftFields): DepartmentDutyDraft {
  const leads = unique(leadNames.map((n) => resolveDepartment(n, lookup)));
  const cos = unique(coNames.map((n) => resolveDepartment(n, lookup))).filter((c) => !leads.some((l) => l.name === c.name));
  return build('general', fields.deliverable, leads, cos, fields);
}

function build(
  kind: DepartmentDutyDraft['kind'],
  deliverable: string,
  leads: ResolvedDepartment[],
  cos: ResolvedDepartment[],
  fields: Omit<DraftFields, 'deliverable'>,
): DepartmentDutyDraft {
  const all = [...leads, ...cos];
  const deadline = fields.deadlineText ? readDeadline(fields.deadlineText) : undefined;
  return {
    deliverable,
    kind,
    leadDepartmentCode: leads[0]?.code ?? null,
    leadName: leads[0]?.name ?? '',
    leadDepartmentCodes: leads.map((d) => d.code),
    leadNames: leads.map((d) => d.name),
    coDepartmentCodes: cos.map((d) => d.code).filter((code): code is string => code !== null),
    coNames: cos.map((d) => d.name),
    collectiveNames: [...new Set(all.filter((d) => d.collective).map((d) => d.name))],
    unresolvedNames: [...new Set(all.filter((d) => d.unresolved).map((d) => d.name))],
    ...(fields.deadlineText ? { deadlineText: fields.deadlineText } : {}),
    ...(deadline ? { deadline } : {}),
    source: fields.source,
    sourceSentence: fields.sourceSentence,
    nodeCode: fields.nodeCode,
    line: fields.line,
  };
}

/** Two duties on one measure: leads and co-departments in order of appearance, the first deadline. */
function combine(a: DepartmentDutyDraft, b: DepartmentDutyDraft): DepartmentDutyDraft {
  const leads = zip(a.leadNames, a.leadDepartmentCodes).concat(zip(b.leadNames, b.leadDepartmentCodes).filter(([n]) => !a.leadNames.includes(n)));
  const coNames = [...a.coNames, ...b.coNames.filter((n) => !a.coNames.includes(n))].filter((n) => !leads.some(([l]) => l === n));
  const coCodes = [...new Set([...a.coDepartmentCodes, ...b.coDepartmentCodes])].filter((c) => !leads.some(([, l]) => l === c));
  return {
    ...a,
    leadNames: leads.map(([n]) => n),
    leadDepartmentCodes: leads.map(([, c]) => c),
    coNames,
    coDepartmentCodes: coCodes,
    collectiveNames: [...new Set([...a.collectiveNames, ...b.collectiveNames])],
    unresolvedNames: [...new Set([...a.unresolvedNames, ...b.unresolvedNames])],
    ...(a.deadlineText || !b.deadlineText ? {} : { deadlineText: b.deadlineText, ...(b.deadline ? { deadline: b.deadline } : {}) }),
    source: a.source === 'annex_table' || b.source === 'annex_table' ? 'annex_table' : 'annotation',
    sourceSentence: a.sourceSentence === b.sourceSentence ? a.sourceSentence : `${a.sourceSentence} ${b.sourceSentence}`,
  };
}

const zip = (names: string[], codes: (string | null)[]): [string, string | null][] => names.map((n, i) => [n, codes[i] ?? null]);

function unique(list: ResolvedDepartment[]): ResolvedDepartment[] {
  const seen = new Set<string>();
  return list.filter((d) => d.name && !seen.has(d.name) && seen.add(d.name));
}

/** A 完成时限 inside a special-plan sentence: 于2027年6月底前编制… or …专项行动计划，2027年3月底前完成. */
const SPECIAL_DEADLINE = /[，,]?(?:于|在)?(\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|上半年|下半年|年内)?(?:前|以前|之前)?)(?:完成|出台|印发|报送|报批)?(?=编制|制定|$)/;

function readSpecialPlan(raw: string, lookup: DepartmentLookup): Omit<DepartmentDutyDraft, 'nodeCode' | 'line'> | null {
  const timed = SPECIAL_DEADLINE.exec(raw);
  const sentence = timed ? raw.slice(0, timed.index) + raw.slice(timed.index + timed[0].length) : raw;
  const m = SPECIAL.exec(sentence);
  if (!m) return null;
  const subject = m[1].replace(/(要|应|须|牵头组织|牵头|组织|负责)+$/, '');
  const at = subject.indexOf('会同');
  const leadText = at < 0 ? subject : subject.slice(0, at);
  const coText = at < 0 ? '' : subject.slice(at + 2).replace(/(要|应|须|牵头组织|牵头|组织|负责)+$/, '');
  const lead = resolveDepartment(leadText, lookup);
  if (!lead.name || (lead.unresolved && !DEPARTMENT_SHAPE.test(lead.name))) return null;
  const cos = coText ? splitSpecialCo(coText, lookup) : [];
  const deliverable = m[3];
  const kind = !lead.collective && /专项行动计划$/.test(deliverable) ? 'special_action_plan' : 'general';
  const { nodeCode: _n, line: _l, ...rest } = build(kind, deliverable, [lead], cos, {
    source: 'annotation',
    sourceSentence: raw,
    nodeCode: null,
    line: 0,
    ...(timed ? { deadlineText: timed[1] } : {}),
  });
  return rest;
}

/** 省自然资源厅、省建设厅和省农业农村厅 → three names; 和 inside 省文化和旅游厅 is kept. */
function splitSpecialCo(text: string, lookup: DepartmentLookup): ResolvedDepartment[] {
  const result: ResolvedDepartment[] = [];
  for (const part of text.split('、').filter(Boolean)) {
    const whole = resolveDepartment(part, lookup);
    if (!whole.unresolved || DEPARTMENT_SHAPE.test(whole.name)) {
      result.push(whole);
      continue;
    }
    const pieces = part.split(/和|及|以及/).map((p) => resolveDepartment(p, lookup));
    if (pieces.every((p) => !p.unresolved || DEPARTMENT_SHAPE.test(p.name))) result.push(...pieces);
    else result.push(whole);
  }
  return result;
}

/** 2025年底前 → 2025-12-31; 2025年6月底前 → 2025-06-30; 2025年上半年 → 2025-06-30; 长期坚持 → none. */
export function readDeadline(text: string): string | undefined {
  const day = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (day) return iso(Number(day[1]), Number(day[2]), Number(day[3]));
  const month = /(\d{4})年(\d{1,2})月/.exec(text);
  if (month) return iso(Number(month[1]), Number(month[2]), lastDay(Number(month[1]), Number(month[2])));
  const years = [...text.matchAll(/(\d{4})(?=年|\s*[-—–~～至到])/g)].map((m) => Number(m[1]));
  if (!years.length) return undefined;
  const year = Math.max(...years);
  if (/上半年/.test(text)) return iso(year, 6, 30);
  if (/一季度|第一季度/.test(text)) return iso(year, 3, 31);
  if (/三季度|第三季度/.test(text)) return iso(year, 9, 30);
  return iso(year, 12, 31);
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
