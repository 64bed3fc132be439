import { applyCorrections } from './apply-corrections';
import { assertPlanText } from './assert-plan-text';
import { buildPlanTree } from './build-plan-tree';
import { corruptionVerdict, detectCorruption, shouldApplyCorrections } from './detect-corruption';
import { extractDepartmentDuties } from './extract-department-duties';
import { extractIndicators } from './extract-indicators';
import { normalizeText } from './normalize-text';
import { PlanParseError } from './plan-parse-error';
import type { ParsedPlan, ParsePlanOptions } from './plan-types';

/**
 * normalize → judge corruption → correct (only when corrupted, or forced on) → structure →
 * indicators → duties. Pure: no I/O, the same text and options always give the same result (and
 * the same node codes). Line numbers everywhere refer to `normalizedText`, which keeps the line
 * layout of the input (see normalizeText).
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): ParsedPlan {
  assertPlanText(text);
  const normalized = normalizeText(text);
  const mode = options.correctionMode ?? 'auto';
  const entries = options.corrections ?? [];
  const evidence = detectCorruption(normalized);
  const rejected = options.rejectedCorrections ?? [];
  const full = entries.length ? applyCorrections(normalized, entries) : { text: normalized, corrections: [] };
  const candidates = full.corrections.length;
  const apply = entries.length > 0 && shouldApplyCorrections(mode, evidence.corrupted);
  const { text: corrected, corrections } = !apply
    ? { text: normalized, corrections: [] }
    : rejected.length
      ? applyCorrections(normalized, entries, rejected)
      : full;
  const tree = buildPlanTree(corrected, { includeGuidingParagraphs: options.includeGuidingParagraphs ?? false });

  const measures = tree.nodes.filter((node) => node.kind === 'measure');
  if (tree.nodes.length === 0 || (tree.headingCount === 0 && measures.length < 2)) {
    throw new PlanParseError('NO_STRUCTURE', '未识别出方案结构：没有“一、”“（一）”“1.”等标题，也没有以标题句开头的措施段落');
  }

  const warnings = [...tree.warnings];
  if (!tree.title) warnings.push({ line: 1, code: 'TITLE_MISSING', message: '未识别出方案标题（首行应为标题）' });
  const annexTables = tree.annexTables.map((table) => ({ table, nodeCode: null, scopeCode: null }));
  const indicators = extractIndicators(tree.segments, [...tree.tables, ...annexTables], readTitleYear(tree.title), warnings);
  const duties = extractDepartmentDuties(tree, options.directory, warnings);
  warnings.sort((a, b) => a.line - b.line);
  const unresolvedDepartmentNames = [...new Set(duties.flatMap((d) => d.unresolvedNames))];

  return {
    title: tree.title,
    preamble: tree.preamble,
    nodes: tree.nodes,
    indicators,
    duties,
    corrections,
    warnings,
    stats: {
      parts: tree.nodes.filter((node) => node.kind === 'part').length,
      sections: tree.nodes.filter((node) => node.kind === 'section').length,
      measures: measures.length,
      indicators: indicators.length,
      duties: duties.length,
      corrections: corrections.length,
    },
    normalizedText: corrected,
    corruption: corruptionVerdict(evidence, mode, apply, candidates),
    unresolvedDepartmentNames,
  };
}

/** The end year of a plan period in the title, e.g. （2021—2025年） → 2025, used when no 到20XX年. */
function readTitleYear(title: string): number | null {
  const range = /(\d{4})\s*[-—–~～至到]+\s*(\d{4})\s*年/.exec(title);
  if (range) return Number(range[2]);
  const single = /(\d{4})\s*年/.exec(title);
  return single ? Number(single[1]) : null;
}
