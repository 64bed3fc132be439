import { classifyLines, type Block, type HeadingBlock, type TableBlock } from './classify-lines';
import { headingKey, inferMissingHeadings, rankedStyles } from './infer-missing-headings';
import type { ParseWarning, PlanNodeDraft, PlanNodeKind } from './plan-types';
import { readMeasureTitle, startsWithTargetYear } from './read-measure-title';

/** A piece of text with the node it belongs to; indicators and duties are read from these. */
export interface TextSegment {
  text: string;
  line: number;
  nodeCode: string | null;
  /** Code of the enclosing part/section: a target year (到2025年) stays valid inside it. */
  scopeCode: string | null;
}

export interface PlanTree {
  title: string;
  preamble: string;
  nodes: PlanNodeDraft[];
  segments: TextSegment[];
  tables: { table: TableBlock; nodeCode: string | null; scopeCode: string | null }[];
  warnings: ParseWarning[];
  /** Headings found in (or inferred for) the text; 0 means only measure paragraphs, if any. */
  headingCount: number;
}

const KIND_BY_DEPTH: PlanNodeKind[] = ['part', 'section', 'measure'];

interface OpenNode {
  node: PlanNodeDraft;
  depth: number;
  children: number;
  bodies: string[];
}

/**
 * Builds the node tree. Heading depth is the rank of its numbering style among the styles present,
 * outermost first (markdown # levels, 第一章, 第一节, 一、, （一）, 1./1、, （1）), so the outermost
 * style in use holds the parts. Depth 0/1/2 are part/section/measure, deeper is submeasure.
 * A paragraph whose lead sentence is a title becomes a measure of the enclosing part or section;
 * a following paragraph without a title continues that measure (PARAGRAPH_WITHOUT_TITLE), except
 * target paragraphs (到2035年，…), which belong to the section. Text with no headings at all is a
 * flat list of measures. Codes are positions: parent code + '.' + 1-based index among siblings.
 */
export function buildPlanTree(text: string): PlanTree {
  const warnings: ParseWarning[] = [];
  let blocks = classifyLines(text);
  const { title, rest } = takeTitle(blocks);
  blocks = inferMissingHeadings(rest, warnings);

  const headingCount = blocks.filter((block) => block.type === 'heading').length;
  const depthOf = new Map(rankedStyles(blocks).map((key, depth) => [key, depth]));
  const nodes: PlanNodeDraft[] = [];
  const open: OpenNode[] = [];
  const byCode = new Map<string, OpenNode>();
  const segments: TextSegment[] = [];
  const tables: PlanTree['tables'] = [];
  const preamble: string[] = [];
  let roots = 0;
  let lastMeasure: OpenNode | null = null;

  type NodeFields = Pick<PlanNodeDraft, 'title' | 'body' | 'line' | 'inferred' | 'label'>;
  const createNode = (parent: OpenNode | undefined, kind: PlanNodeKind, depth: number, fields: NodeFields): OpenNode => {
    const order = parent ? ++parent.children : ++roots;
    const code = parent ? `${parent.node.code}.${order}` : String(order);
    const node: PlanNodeDraft = { code, parentCode: parent?.node.code ?? null, kind, order, ...fields };
    nodes.push(node);
    const entry: OpenNode = { node, depth, children: 0, bodies: fields.body ? [fields.body] : [] };
    byCode.set(code, entry);
    return entry;
  };
  const scopeOf = (): string | null => {
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].node.kind === 'part' || open[i].node.kind === 'section') return open[i].node.code;
    }
    return null;
  };

  for (const block of blocks) {
    if (block.type === 'heading') {
      const depth = depthOf.get(headingKey(block)) ?? 0;
      while (open.length && open[open.length - 1].depth >= depth) open.pop();
      const kind = KIND_BY_DEPTH[depth] ?? 'submeasure';
      const entry = createNode(open[open.length - 1], kind, depth, {
        title: block.title,
        body: block.body,
        line: block.line,
        inferred: block.inferred,
        label: block.label,
      });
      open.push(entry);
      lastMeasure = null;
      if (!block.inferred) {
        segments.push({ text: joinLead(block), line: block.line, nodeCode: entry.node.code, scopeCode: scopeOf() });
      }
      continue;
    }
    const container = open[open.length - 1];
    if (block.type === 'table') {
      const target = lastMeasure ?? container;
      target?.bodies.push(block.text);
      tables.push({ table: block, nodeCode: target?.node.code ?? null, scopeCode: scopeOf() });
      continue;
    }
    if (!container) {
      // A text made only of measure paragraphs (no headings at all) is a flat list of measures.
      const flatTitle = headingCount === 0 ? readMeasureTitle(block.text) : null;
      if (flatTitle !== null) {
        const body = block.text.slice(flatTitle.length + 1).trim();
        lastMeasure = createNode(undefined, 'measure', 0, { title: flatTitle, body, line: block.line, inferred: false, label: '' });
        segments.push({ text: block.text, line: block.line, nodeCode: lastMeasure.node.code, scopeCode: null });
        continue;
      }
      if (lastMeasure) {
        lastMeasure.bodies.push(block.text);
        segments.push({ text: block.text, line: block.line, nodeCode: lastMeasure.node.code, scopeCode: null });
        continue;
      }
      preamble.push(block.text);
      segments.push({ text: block.text, line: block.line, nodeCode: null, scopeCode: null });
      continue;
    }
    const measureTitle = readMeasureTitle(block.text);
    const holdsMeasures = container.node.kind === 'part' || container.node.kind === 'section';
    if (holdsMeasures && measureTitle !== null) {
      lastMeasure = createNode(container, 'measure', container.depth + 1, {
        title: measureTitle,
        body: block.text.slice(measureTitle.length + 1).trim(),
        line: block.line,
        inferred: false,
        label: '',
      });
      segments.push({ text: block.text, line: block.line, nodeCode: lastMeasure.node.code, scopeCode: scopeOf() });
      continue;
    }
    let target = container;
    if (holdsMeasures && lastMeasure && !startsWithTargetYear(block.text)) {
      target = lastMeasure;
      warnings.push({
        line: block.line,
        code: 'PARAGRAPH_WITHOUT_TITLE',
        message: `第${block.line}行段落没有标题句，已并入上一项措施“${lastMeasure.node.title}”`,
      });
    }
    target.bodies.push(block.text);
    segments.push({ text: block.text, line: block.line, nodeCode: target.node.code, scopeCode: scopeOf() });
  }

  for (const node of nodes) node.body = (byCode.get(node.code)?.bodies ?? []).join('\n');
  return { title, preamble: preamble.join('\n'), nodes, segments, tables, warnings, headingCount };
}

function joinLead(block: HeadingBlock): string {
  return block.body ? `${block.title}。${block.body}` : block.title;
}

/**
 * The title is a leading markdown H1, or a first line that is neither a heading nor a sentence
 * (no 。, at most 80 characters), e.g. 浙江省推进长江三角洲区域一体化发展行动方案.
 */
function takeTitle(blocks: Block[]): { title: string; rest: Block[] } {
  const first = blocks[0];
  if (!first) return { title: '', rest: blocks };
  if (first.type === 'heading' && first.style === 'markdown' && first.mdLevel === 1) {
    const otherH1 = blocks.slice(1).some((b) => b.type === 'heading' && b.style === 'markdown' && b.mdLevel === 1);
    if (!otherH1) return { title: first.label ? `${first.label}${first.title}` : first.title, rest: blocks.slice(1) };
  }
  if (first.type === 'paragraph' && !first.text.includes('。') && first.text.length <= 80 && !/[，；]/.test(first.text)) {
    return { title: first.text, rest: blocks.slice(1) };
  }
  return { title: '', rest: blocks };
}
