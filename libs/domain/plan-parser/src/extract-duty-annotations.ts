import { looksLikeUnit, splitUnitNames, type DepartmentLookup } from './resolve-departments';

/** Who leads, who helps, and by when, as one annotation states it (names as written). */
export interface DutyAnnotation {
  leads: string[];
  cos: string[];
  deadlineText?: string;
  /** The annotation as written, e.g. （省交通运输厅牵头，省发展改革委参与）. */
  text: string;
}

/*
 * Annotation styles of Chinese government documents, after normalizeText (full-width brackets):
 *   （X牵头，Y、Z参与|配合|参加|协同）    （A，B牵头）    （X、Y按职责分工负责）    （X负责）
 *   （牵头单位：X；配合单位：Y）  （牵头单位：X，配合单位：Y）  （责任单位：X）  （牵头部门：X）
 *   由X牵头[，Y配合]    由X会同Y[等部门]负责…    X会同Y<verb>…    责任单位：X  (at the end of a paragraph)
 *   （X、Y、Z） a bare list of units closing a measure: its leads;  （X（牵头）、Y、Z）
 * plus a 完成时限 clause inside the brackets (2025年底前完成, 长期坚持). Every lead must look like
 * a unit (resolve-departments.ts), so （以下简称规划纲要）, （2021—2025年） or 由政府主要负责同志牵头
 * are not duties.
 */
const LEAD_LABEL = /^(牵头单位|牵头部门|责任单位|责任部门|主要责任单位|主责单位|主办单位|牵头)$/;
const CO_LABEL = /^(配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|协助单位|配合)$/;
const DEADLINE_LABEL = /^(完成时限|完成时间|时间节点|时限|时间)$/;
const LABELED_FIELD = /(?:^|[；;，,。\s])((?:主要)?(?:牵头|责任|主责|主办|配合|参与|协办|协同|协助|完成)(?:单位|部门|时限|时间)?|时间节点|时限)[：:]/g;
const SHARED_ENDING = /(按职责分工负责|按职责负责|分别负责|共同负责)$/;
const CO_ROLE = /(共同负责|按职责分工负责|按职责负责|分别负责|参与|配合|参加|协同|协助|协办|负责)$/;
const DEADLINE_CLAUSE = /^((\d{4}年)?.{0,12}(\d{4}年|年底|年内|上半年|下半年|月底)[^，；]{0,8}(前|底|内|完成|起)?[^，；]{0,6}|长期坚持|持续推进|持续实施|长期|常态化推进|逐年推进)$/;

/**
 * Where a measure names its 牵头单位 on a line of its own, its 责任单位 (on another line) are the
 * co-departments: `responsibleAreCo` says so for every annotation of that measure.
 */
export interface AnnotationContext {
  responsibleAreCo?: boolean;
}

export function readAnnotation(content: string, lookup: DepartmentLookup, context: AnnotationContext = {}): DutyAnnotation | null {
  const text = `（${content}）`;
  const marked = readMarkedLeads(content, lookup);
  if (marked) return marked.leads.every((n) => looksLikeUnit(n, lookup)) ? { ...marked, text } : null;
  return readLabeled(content, lookup, text, context) ?? readRoles(content, lookup, text);
}

/** 省科技厅（牵头）、省教育厅: the names marked （牵头） lead, the others help. */
export function readMarkedLeads(content: string, lookup: DepartmentLookup): { leads: string[]; cos: string[] } | null {
  if (!/（牵头）/.test(content)) return null;
  const names = splitUnitNames(content, lookup);
  const leads = names.filter((n) => n.endsWith('（牵头）')).map((n) => n.slice(0, -4));
  const cos = names.filter((n) => !n.endsWith('（牵头）'));
  return leads.length ? { leads, cos } : null;
}

function readLabeled(content: string, lookup: DepartmentLookup, text: string, context: AnnotationContext = {}): DutyAnnotation | null {
  const labels = [...content.matchAll(LABELED_FIELD)];
  if (!labels.length) return null;
  const result: DutyAnnotation = { leads: [], cos: [], text };
  // With both 牵头单位 and 责任单位 given, the 责任单位 are the co-departments.
  const hasLead = context.responsibleAreCo === true || labels.some((m) => m[1].startsWith('牵头'));
  labels.forEach((match, index) => {
    const label = hasLead && /^(主要)?责任/.test(match[1]) ? '配合单位' : match[1];
    const start = (match.index ?? 0) + match[0].length;
    const end = index + 1 < labels.length ? (labels[index + 1].index ?? content.length) : content.length;
    // The value ends at the first 。 (a note may follow); 责任单位：X、Y按职责分工负责 names X and Y.
    const value = content.slice(start, end).split('。')[0].replace(/[；;，,\s]+$/, '').replace(SHARED_ENDING, '');
    if (LEAD_LABEL.test(label)) result.leads.push(...splitUnitNames(value, lookup));
    else if (CO_LABEL.test(label)) result.cos.push(...splitUnitNames(value, lookup));
    else if (DEADLINE_LABEL.test(label) || label.startsWith('完成')) result.deadlineText = value;
  });
  // A lone 责任单位 line of a measure whose 牵头单位 stands on another line: co-departments only.
  const coOnly = context.responsibleAreCo === true && !result.leads.length && result.cos.length > 0;
  if (!coOnly && !result.leads.length) return null;
  if (![...result.leads, ...(coOnly ? result.cos : [])].every((n) => looksLikeUnit(n, lookup))) return null;
  return result;
}

function readRoles(content: string, lookup: DepartmentLookup, text: string): DutyAnnotation | null {
  const clauses = content.split(/[；;]/).map((c) => c.trim()).filter(Boolean);
  const result: DutyAnnotation = { leads: [], cos: [], text };
  for (const clause of clauses) {
    const lead = /^(.+?)(?:共同)?(?:牵头负责|负责牵头|牵头)(?:[，,、](.*))?$/.exec(clause);
    if (lead && !result.leads.length) {
      result.leads.push(...splitUnitNames(lead[1], lookup));
      if (lead[2]) readRest(lead[2], result, lookup);
      continue;
    }
    const shared = /^(.+?)(按职责分工负责|按职责负责|分别负责|共同负责|负责)$/.exec(clause);
    if (shared && !result.leads.length) {
      result.leads.push(...splitUnitNames(shared[1], lookup));
      continue;
    }
    if (DEADLINE_CLAUSE.test(clause)) result.deadlineText = clause;
    else if (result.leads.length) readRest(clause, result, lookup);
    else return null;
  }
  if (!result.leads.length) return null;
  if (![...result.leads, ...result.cos].every((n) => looksLikeUnit(n, lookup))) return null;
  return result;
}

/** After the lead: "Y、Z参与", "Y配合，2025年底前完成". */
function readRest(rest: string, result: DutyAnnotation, lookup: DepartmentLookup): void {
  const pieces = rest.split(/[，,]/).map((p) => p.trim()).filter(Boolean);
  let pending: string[] = [];
  for (const piece of pieces) {
    if (DEADLINE_CLAUSE.test(piece)) {
      result.deadlineText = piece;
      continue;
    }
    const role = CO_ROLE.exec(piece);
    if (role) {
      result.cos.push(...pending, ...splitUnitNames(piece.slice(0, role.index), lookup));
      pending = [];
    } else {
      pending.push(...splitUnitNames(piece, lookup));
    }
  }
  result.cos.push(...pending);
}

/**
 * Every top-level bracket group of a text with its content (nested brackets kept inside): （…）
 * and the hexagonal 〔…〕 some provinces annotate with (〔责任单位：省市场监管局〕).
 */
export function bracketGroups(text: string): { content: string; start: number; end: number }[] {
  const groups: { content: string; start: number; end: number }[] = [];
  const closers: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const closer = OPENERS[text[i]];
    if (closer) {
      if (closers.length === 0) start = i;
      closers.push(closer);
    } else if (closers.length && text[i] === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) groups.push({ content: text.slice(start + 1, i), start, end: i + 1 });
    }
  }
  return groups;
}

const OPENERS: Record<string, string> = { '（': '）', '〔': '〕' };

const ANNOTATION_WORDS = /牵头|负责|责任|配合|参与|主办|主责/;
const BY_TOGETHER = /由([^，。；、]{2,30}?)会同([^，。；]{2,80}?)(?:等(?:有关)?(?:部门|单位))?(?:共同)?(?:负责|研究|牵头|组织|推进|落实|制定)/;
const BY_LEAD = /由([^，。；]{2,40}?)(?:牵头|负责)(?:[，、]([^，。；]{2,60}?)(?:配合|参与|协同|协助))?/;
const TOGETHER = /^([^，。；、]{2,30}?)会同([^，。；]{2,80}?)(?:共同)?(?:负责|推进|开展|制定|研究|建立|实施|组织|落实|做好|完善|加强|推动|指导|牵头)/;
const LABEL_IN_TEXT = /(?:牵头单位|责任单位|牵头部门|责任部门)[：:][^。]*$/;

/** Annotations in running text: bracket groups, 由X牵头, X会同Y…, and an unbracketed 责任单位：X. */
export function findAnnotations(text: string, lookup: DepartmentLookup, context: AnnotationContext = {}): DutyAnnotation[] {
  const found: DutyAnnotation[] = [];
  const end = text.replace(/[。；\s]+$/, '').length;
  for (const group of bracketGroups(text)) {
    if (!ANNOTATION_WORDS.test(group.content)) {
      // （工业和信息化部、公安部、应急管理部）closing a measure: a bare list of units are its leads.
      const names = group.end === end ? splitUnitNames(group.content, lookup) : [];
      if (names.length && names.every((n) => n.length >= 3 && looksLikeUnit(n, lookup) && !/^.{1,4}[市县区省]$/.test(n))) {
        found.push({ leads: names, cos: [], text: `（${group.content}）` });
      }
      continue;
    }
    const annotation = readAnnotation(group.content, lookup, context);
    if (annotation) found.push({ ...annotation, text: text.slice(group.start, group.end) });
  }
  // Running text without the annotation brackets (其他括号 such as 各区县（市）政府 stay).
  const outside = bracketGroups(text)
    .filter((g) => ANNOTATION_WORDS.test(g.content))
    .reduceRight((s, g) => s.slice(0, g.start) + s.slice(g.end), text);
  const labeled = LABEL_IN_TEXT.exec(outside.replace(/[。；\s]+$/, ''));
  if (labeled) {
    const annotation = readLabeled(labeled[0], lookup, labeled[0], context);
    if (annotation) found.push(annotation);
  }
  for (const sentence of outside.split(/[。；]/)) {
    const byTogether = BY_TOGETHER.exec(sentence);
    if (byTogether) {
      const leads = splitUnitNames(byTogether[1], lookup);
      const cos = splitUnitNames(byTogether[2], lookup);
      if ([...leads, ...cos].every((n) => looksLikeUnit(n, lookup))) found.push({ leads, cos, text: byTogether[0] });
      continue;
    }
    const by = BY_LEAD.exec(sentence);
    if (by) {
      const leads = splitUnitNames(by[1], lookup);
      const cos = by[2] ? splitUnitNames(by[2], lookup) : [];
      if ([...leads, ...cos].every((n) => looksLikeUnit(n, lookup))) found.push({ leads, cos, text: by[0] });
      continue;
    }
    const together = TOGETHER.exec(sentence.trim());
    if (together && !/(编制|制定)[^，。；]{2,60}(计划|方案|规划|清单)$/.test(sentence)) {
      const leads = splitUnitNames(together[1], lookup);
      const cos = splitUnitNames(together[2], lookup);
      if ([...leads, ...cos].every((n) => looksLikeUnit(n, lookup))) found.push({ leads, cos, text: together[0] });
    }
  }
  return found;
}
