/**
 * A measure paragraph starts with a short lead sentence that names it: "共建轨道上的长三角。加快…".
 * The lead must end with 。 and be at most 40 characters. It may be
 * - one phrase without clause punctuation ("推进生态保护。"), or
 * - two short parallel phrases joined by one comma ("优化固体废物管理体制机制，强化部门分工协作。"),
 *   each at most 18 characters, without digits, not opening with a preposition (以/按照/根据/到 …),
 *   and only when more text follows the lead (a lone sentence with a comma is body text).
 * A real sentence such as "到2025年，…" or "长三角…地处沪苏浙交界，…" is body text, not a title.
 * Returns the title, or null when the paragraph is not a measure.
 */
export function readMeasureTitle(text: string): string | null {
  if (SUB_ITEM.test(text)) return null;
  const end = text.indexOf('。');
  if (end < 2 || end > 40) return null;
  const lead = text.slice(0, end);
  if (/^(到|至)\d{4}年/.test(lead)) return null;
  if (/[；：;:！？]/.test(lead)) return null;
  const commas = (lead.match(/，/g) ?? []).length;
  if (commas === 0) return lead;
  if (commas > 1 || end === text.length - 1) return null;
  const halves = lead.split('，');
  if (halves.some((half) => half.length < 4 || half.length > 18)) return null;
  if (/\d/.test(lead) || PREPOSITION.test(lead)) return null;
  if (/[、“”（）]/.test(lead)) return null;
  return lead;
}

const PREPOSITION = /^(以|按照|根据|通过|围绕|依托|为了?|在|对|结合|立足|面向|针对|聚焦|随着|由于|经过|截至|其中|同时|此外|目前|当前)/;

/** ①… and 一是…/二是… lines are items inside a measure, never measures of their own. */
export const SUB_ITEM = /^([\u2460-\u2473]|[一二三四五六七八九十]是)/;

/** Paragraphs such as "到2035年，…" state a section's targets; they never continue a measure. */
export function startsWithTargetYear(text: string): boolean {
  return /^(到|至)\d{4}年/.test(text);
}

/**
 * Part/section titles whose content describes the plan rather than assigns work: their paragraphs
 * and items are not measures unless the office asks for them (includeGuidingParagraphs). Also
 * written as …的总体要求 (深化预算管理制度改革的总体要求).
 */
export const GUIDING_TITLE = /^(.{0,30}的)?(总体要求|总体思路|总体考虑|总体目标|总的要求|指导思想|基本原则|工作原则|主要原则|主要目标|发展目标|工作目标|具体目标|目标任务|愿景目标|预期目标|重大意义|重要意义|推进路径|目标)$/;
