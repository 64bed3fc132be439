import type { DirectoryDepartment } from './department-directory';

export interface DepartmentKeyword {
  departmentId: string;
  keyword: string;
}

export interface DepartmentSuggestion {
  department: DirectoryDepartment;
  reasons: string[];
  score: number;
}

/** A department named outright outweighs any number of topic words. */
const NAME_SCORE = 100;
const KEYWORD_SCORE = 10;

/** The names a document may use for a department: its name, short name, aliases, and those without 省. */
function namesOf(d: DirectoryDepartment): string[] {
  // Two characters (杭州, a city's short name) name a place more often than its government: leave
  // those to the keyword table.
  const names = new Set([d.name, d.shortName, ...d.aliases].filter((n) => n.length >= 3));
  for (const n of [...names]) if (n.startsWith('省') && n.length >= 4) names.add(n.slice(1));
  // Longest first: 省交通运输厅 is reported rather than 交通运输厅.
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Departments a measure's text points to: those it names (the directory's names and aliases) and
 * those its topic words belong to (the keyword table: 港口 → 省交通运输厅, 杭州 → 杭州市). Names are
 * blanked out before keywords are matched, so 杭州海关 does not also suggest 杭州市. Named departments
 * come first in the order the text names them, then the others by score and first appearance.
 */
export function suggestDepartments(
  text: string,
  departments: readonly DirectoryDepartment[],
  keywords: readonly DepartmentKeyword[],
): DepartmentSuggestion[] {
  const found = new Map<string, DepartmentSuggestion & { firstAt: number; namedAt: number }>();
  const entry = (d: DirectoryDepartment, at: number) => {
    let e = found.get(d.id);
    if (!e) {
      e = { department: d, reasons: [], score: 0, firstAt: at, namedAt: Infinity };
      found.set(d.id, e);
    }
    e.firstAt = Math.min(e.firstAt, at);
    return e;
  };

  let rest = text;
  const candidates = departments
    .filter((d) => d.kind !== 'office')
    .flatMap((d) => namesOf(d).map((name) => ({ d, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { d, name } of candidates) {
    const at = rest.indexOf(name);
    if (at < 0) continue;
    const e = entry(d, at);
    e.namedAt = Math.min(e.namedAt, at);
    if (!e.reasons.some((r) => r.startsWith('提及'))) {
      e.reasons.push(`提及“${name}”`);
      e.score += NAME_SCORE;
    }
    rest = rest.split(name).join('\u0000'.repeat(name.length));
  }

  const byId = new Map(departments.map((d) => [d.id, d]));
  for (const k of [...keywords].sort((a, b) => b.keyword.length - a.keyword.length)) {
    const d = byId.get(k.departmentId);
    const at = rest.indexOf(k.keyword);
    if (!d || d.kind === 'office' || at < 0) continue;
    const e = entry(d, at);
    e.reasons.push(`关键词“${k.keyword}”`);
    e.score += KEYWORD_SCORE;
  }

  // Named departments first, in the order the text names them ("A会同B": A leads); then the rest by score.
  const named = (e: { namedAt: number }) => (e.namedAt === Infinity ? 1 : 0);
  return [...found.values()]
    .sort(
      (a, b) =>
        named(a) - named(b) ||
        (named(a) === 0 ? a.namedAt - b.namedAt : 0) ||
        b.score - a.score ||
        a.firstAt - b.firstAt ||
        a.department.code.localeCompare(b.department.code),
    )
    .map(({ department, reasons, score }) => ({ department, reasons, score }));
}
