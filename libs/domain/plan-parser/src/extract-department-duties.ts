import type { TextSegment } from './build-plan-tree';
import type { DepartmentDutyDraft, DirectoryDepartment, ParseWarning } from './plan-types';

/*
 * Duties are sentences of the form
 *   <lead>[会同<co>、<co>…][要][牵头][组织]编制|制定<deliverable ending in 计划/方案/规划/清单>
 * e.g. 省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划. A sentence counts only when
 * the lead is a department: a directory name or alias, a department-shaped name (省…厅/局/委/办)
 * or a generic group (省直有关部门, 各市 …). Generic groups have no code and raise no warning;
 * a lead that is a generic group makes the duty 'general' (e.g. 省直有关部门要牵头组织编制推进
 * 长三角一体化发展专项行动计划), a named 专项行动计划 with a specific lead is 'special_action_plan'.
 */
const GENERIC_GROUPS = /^(省直有关部门|省直各有关部门|省级有关部门|省直各部门|各有关部门|有关部门|相关部门|各地|各市|各设区市|各市、县（市、区）|各县（市、区）)$/;
const DEPARTMENT_SHAPE = /^省.{1,14}(厅|局|委|办|院|室|会|中心|委员会|办公室)$/;
const DUTY = /^(.+?)(?:要|应|须)?(?:牵头组织|牵头负责|负责牵头|牵头|组织|负责)?(?:研究)?(编制|制定)(.{2,60}?(?:计划|方案|规划|清单))$/;

interface ResolvedDepartment {
  name: string;
  code: string | null;
  generic: boolean;
}

export function extractDepartmentDuties(
  segments: readonly TextSegment[],
  directory: readonly DirectoryDepartment[] | undefined,
  warnings: ParseWarning[],
): DepartmentDutyDraft[] {
  const lookup = buildLookup(directory ?? []);
  const duties: DepartmentDutyDraft[] = [];
  for (const segment of segments) {
    for (const raw of segment.text.split(/[。；]/)) {
      const sentence = raw.trim();
      const m = DUTY.exec(sentence);
      if (!m) continue;
      const subject = m[1].replace(/(要|应|须|牵头组织|牵头|组织|负责)+$/, '');
      const [leadText, coText = ''] = splitOnce(subject, '会同');
      const lead = resolve(leadText, lookup);
      if (!lead) continue;
      const co = splitNames(coText.replace(/(要|应|须|牵头组织|牵头|组织|负责)+$/, ''), lookup);
      const unknown = [lead, ...co].filter((d) => !d.generic && d.code === null);
      if (directory) {
        for (const d of unknown) {
          warnings.push({ line: segment.line, code: 'UNKNOWN_DEPARTMENT', message: `第${segment.line}行的部门“${d.name}”不在部门目录中` });
        }
      }
      const deliverable = m[3];
      duties.push({
        deliverable,
        kind: !lead.generic && /专项行动计划$/.test(deliverable) ? 'special_action_plan' : 'general',
        leadDepartmentCode: lead.code,
        leadName: lead.name,
        coDepartmentCodes: co.map((d) => d.code).filter((code): code is string => code !== null),
        coNames: co.map((d) => d.name),
        sourceSentence: sentence,
        nodeCode: segment.nodeCode,
        line: segment.line,
      });
    }
  }
  return duties;
}

function buildLookup(directory: readonly DirectoryDepartment[]): Map<string, DirectoryDepartment> {
  const lookup = new Map<string, DirectoryDepartment>();
  for (const department of directory) {
    for (const name of [department.name, ...department.aliases]) lookup.set(name, department);
  }
  return lookup;
}

function resolve(text: string, lookup: Map<string, DirectoryDepartment>): ResolvedDepartment | null {
  const name = text.trim();
  if (!name) return null;
  const known = lookup.get(name);
  if (known) return { name: known.name, code: known.code, generic: false };
  if (GENERIC_GROUPS.test(name)) return { name, code: null, generic: true };
  if (DEPARTMENT_SHAPE.test(name)) return { name, code: null, generic: false };
  return null;
}

/** 省自然资源厅、省建设厅和省农业农村厅 → three names; 和 inside 省文化和旅游厅 is kept. */
function splitNames(text: string, lookup: Map<string, DirectoryDepartment>): ResolvedDepartment[] {
  const result: ResolvedDepartment[] = [];
  for (const part of text.split('、').filter(Boolean)) {
    const whole = resolve(part, lookup);
    if (whole) {
      result.push(whole);
      continue;
    }
    const pieces = part.split(/和|及|以及/).map((p) => resolve(p, lookup));
    if (pieces.every((p): p is ResolvedDepartment => p !== null)) result.push(...pieces);
    else result.push({ name: part.trim(), code: null, generic: false });
  }
  return result;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}
