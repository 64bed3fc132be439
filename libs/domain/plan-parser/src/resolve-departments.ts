import type { DirectoryDepartment } from './plan-types';
import { simplifyCharacters } from './simplify-characters';

export interface ResolvedDepartment {
  /** The directory name when known, otherwise the name as written. */
  name: string;
  code: string | null;
  collective: boolean;
  /** Neither in the directory (name or alias) nor collective: the office maps it. */
  unresolved: boolean;
}

export type DepartmentLookup = Map<string, DirectoryDepartment>;

export function buildLookup(directory: readonly DirectoryDepartment[]): DepartmentLookup {
  const lookup: DepartmentLookup = new Map();
  for (const department of directory) {
    for (const name of [department.name, ...department.aliases]) lookup.set(name, department);
  }
  return lookup;
}

/*
 * Collective units name a group, not one office: 有关部门, 省直有关部门, 市级各部门, 各有关单位,
 * 各区县（市）政府, 各地, 各设区市 … They are kept by name and never expected in the directory.
 */
const COLLECTIVE = [
  /^各/,
  /(有关|相关|其他|其它)(部门|单位|方面|机构|企业|地方|地区)$/,
  /各(有关)?(部门|单位)$/,
  /^(省|市|县|区|中央|国家)(直|级|属)?(有关|相关)?(部门|单位)$/,
  /^(省|市|县|区)(直|级)各?(有关|相关)?(部门|单位)$/,
];

export function isCollective(name: string): boolean {
  return COLLECTIVE.some((pattern) => pattern.test(name));
}

/** Endings of a unit's name: 厅 局 委 办 部 院 … and places (市 县 区) and their governments. */
const UNIT_SUFFIX =
  /(厅|局|委|办|部|院|署|会|协|中心|室|政府|委员会|办公室|集团|公司|银行|海关|法院|检察院|党校|馆|台|站|社|联|所|团|处|科|队|行|市|县|区|州|盟|旗|镇|乡|街道|省|管委会|领导小组|小组|专班|单位|部门|企业|机构|高校|学校)$/;

/** Whether a name written in an annotation can be a unit at all (not 政府主要负责同志, not a sentence). */
export function looksLikeUnit(name: string, lookup: DepartmentLookup): boolean {
  if (!name || name.length > 30) return false;
  if (lookup.has(name) || isCollective(name)) return true;
  if (/[，。；：！？“”]/.test(name)) return false;
  return UNIT_SUFFIX.test(name);
}

/** A name as written (traditional characters too) against the directory; collective units by their form. */
export function resolveDepartment(raw: string, lookup: DepartmentLookup): ResolvedDepartment {
  const name = raw.trim().replace(/^(由|请|和|及|与)/, '').replace(/(等|等部门|等单位)$/, '');
  const simplified = simplifyCharacters(name);
  const known = lookup.get(name) ?? lookup.get(simplified);
  if (known) return { name: known.name, code: known.code, collective: false, unresolved: false };
  if (isCollective(simplified)) return { name, code: null, collective: true, unresolved: false };
  return { name, code: null, collective: false, unresolved: true };
}

/**
 * Splits a list of unit names: 、，, ; and 和/及/以及 where both sides are units by themselves
 * (so 省文化和旅游厅, 市人力资源和社会保障局, 工业和信息化部 stay whole). Parentheses are kept
 * together: 各区县（市）政府 is one unit. A bare kind of place after a 各… name belongs to it:
 * 各区、县级市, 各有关区、县级市, 各市、县（市、区）人民政府 are one collective unit each.
 */
export function splitUnitNames(text: string, lookup: DepartmentLookup): string[] {
  const names: string[] = [];
  const spans = joinPlaceKinds(text, splitOutsideParentheses(text, /[、，,；;\s]/));
  for (const piece of spans.map((span) => text.slice(span.start, span.end))) {
    const part = piece.trim().replace(/^(由|和|及|与|以及)/, '').replace(/(等|等部门|等单位)$/, '');
    if (!part) continue;
    if (lookup.has(part) || isCollective(part)) {
      names.push(part);
      continue;
    }
    const joined = splitOutsideParentheses(part, /以及|和|及|与/).map((span) => part.slice(span.start, span.end));
    if (joined.length > 1 && joined.every((p) => looksLikeUnit(p.trim(), lookup) && p.trim().length >= 3)) names.push(...joined.map((p) => p.trim()));
    else names.push(part);
  }
  return names;
}

const PLACE_KIND = /^(县级市|县市区|县区|市区|区县|县|区|市|乡镇|乡|镇|街道|旗)(（[^）]*）)?(人民政府|政府)?$/;

/** 各区 | 县级市 → 各区、县级市: a piece that only names a kind of place joins the 各… piece before it. */
function joinPlaceKinds(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const previous = out[out.length - 1];
    const piece = simplifyCharacters(text.slice(span.start, span.end).trim());
    if (previous && PLACE_KIND.test(piece) && /^各/.test(text.slice(previous.start, previous.end).trim())) previous.end = span.end;
    else out.push({ ...span });
  }
  return out;
}

interface Span {
  start: number;
  end: number;
}

/** Spans of the text between separators that stand outside parentheses (empty spans dropped). */
function splitOutsideParentheses(text: string, separator: RegExp): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let start = 0;
  const single = new RegExp(`^(?:${separator.source})`);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    const match = depth === 0 ? single.exec(text.slice(i)) : null;
    if (match && match[0].length > 0) {
      out.push({ start, end: i });
      i += match[0].length - 1;
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out.filter((span) => text.slice(span.start, span.end).trim() !== '');
}
