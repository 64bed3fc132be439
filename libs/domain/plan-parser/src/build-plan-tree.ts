import { classifyLines, type Block, type HeadingBlock, type TableBlock } from './classify-lines';
import { headingKey, inferMissingHeadings, rankedStyles } from './infer-missing-headings';
import type { ParseWarning, PlanNodeDraft, PlanNodeKind } from './plan-types';
import { GUIDING_TITLE, readMeasureTitle, startsWithTargetYear, SUB_ITEM } from './read-measure-title';
import { splitDocument } from './split-document';

/** A piece of text with the node it belongs to; indicators and duties are read from these. */
export interface TextSegment {
  text: string;
  line: number;
  nodeCode: string | null;
  /** Code of the enclosing part/section: a target year (到2025年) stays valid inside it. */
  scopeCode: string | null;
}

export interface PlacedTable {
  table: TableBlock;
  nodeCode: string | null;
  scopeCode: string | null;
}

export interface PlanTree {
  title: string;
  preamble: string;
  nodes: PlanNodeDraft[];
  segments: TextSegment[];
  tables: PlacedTable[];
  /** Tables after an 附件 line (分工表, 指标表): read for duties and indicators, never a node's body. */
  annexTables: TableBlock[];
  warnings: ParseWarning[];
  /** Headings found in (or inferred for) the text; 0 means only measure paragraphs, if any. */
  headingCount: number;
}

export interface BuildOptions {
  includeGuidingParagraphs: boolean;
}

/** A heading with what follows it, before kinds are decided. */
interface RawNode {
  heading: HeadingBlock;
  depth: number;
  items: (RawNode | Block)[];
}

const isRaw = (item: RawNode | Block): item is RawNode => 'items' in item;
/** （1） items are a level of their own only above the measure level; deeper they are a measure's sub-items. */
const SUB_ITEM_STYLES = new Set(['arabic-paren']);
/** Numbered items (1. / （1）) never hold measure paragraphs: what follows them is their body. */
const ITEM_STYLES = new Set(['arabic', 'arabic-paren']);

/**
 * Builds the node tree. Heading depth is the rank of its numbering style among the styles present,
 * outermost first (markdown # levels, 第一章, 第一节, 一、, （一）, 1./1、, （1）). The top level
 * holds the parts; measures are the leaves of the numbered hierarchy whatever their style — a
 * (一) or a 1. with nothing under it is a measure, one with items or measure paragraphs under it is
 * a section. A paragraph whose lead sentence is a title becomes a measure of the enclosing heading
 * (the first one may be written on the heading's own line, after its title); a following paragraph
 * without a title continues that measure (PARAGRAPH_WITHOUT_TITLE), except target paragraphs
 * (到2035年，…), which belong to the heading. （1）（2） sub-items below the measure level stay in
 * the measure's body. Under 总体要求/指导思想/基本原则/主要目标 … nothing is a measure unless
 * includeGuidingParagraphs. Text with no headings at all is a flat list of measures. Codes are
 * positions: parent code + '.' + 1-based index among siblings.
 */
export function buildPlanTree(text: string, options: BuildOptions = { includeGuidingParagraphs: false }): PlanTree {
  const warnings: ParseWarning[] = [];
  const parts = splitDocument(classifyLines(text), warnings);
  let blocks = inferMissingHeadings(parts.body, warnings);
  blocks = foldSubItems(blocks);

  const headingCount = blocks.filter((block) => block.type === 'heading').length;
  const depthOf = new Map(rankedStyles(blocks).map((key, depth) => [key, depth]));
  const roots: RawNode[] = [];
  const leading: Block[] = [];
  const open: RawNode[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      const depth = depthOf.get(headingKey(block)) ?? 0;
      while (open.length && open[open.length - 1].depth >= depth) open.pop();
      const node: RawNode = { heading: block, depth, items: [] };
      (open.length ? open[open.length - 1].items : roots).push(node);
      open.push(node);
    } else if (open.length) {
      open[open.length - 1].items.push(block);
    } else {
      leading.push(block);
    }
  }

  const emitter = new TreeEmitter(options, warnings);
  const preamble = emitter.leading(leading, headingCount === 0);
  roots.forEach((root) => emitter.emit(root, undefined, false));
  for (const node of emitter.nodes) node.body = (emitter.bodies.get(node.code) ?? []).join('\n');
  return {
    title: parts.title,
    preamble: preamble.join('\n'),
    nodes: emitter.nodes,
    segments: emitter.segments,
    tables: emitter.tables,
    annexTables: parts.endMatter.filter((block): block is TableBlock => block.type === 'table'),
    warnings,
    headingCount,
  };
}

/** Turns （1） headings below the measure level into paragraphs of the measure that holds them. */
function foldSubItems(blocks: Block[]): Block[] {
  const ranked = rankedStyles(blocks);
  const fold = new Set(
    ranked.filter((key, depth) => SUB_ITEM_STYLES.has(key) && (depth >= 3 || (depth > 0 && ITEM_STYLES.has(ranked[depth - 1])))),
  );
  if (!fold.size) return blocks;
  return blocks.map((block) =>
    block.type === 'heading' && fold.has(headingKey(block))
      ? { type: 'paragraph', text: asWritten(block), line: block.line }
      : block,
  );
}

function asWritten(block: HeadingBlock): string {
  return block.source ?? `${block.label}${joinLead(block)}`;
}

function joinLead(block: HeadingBlock): string {
  return block.body ? `${block.title}。${block.body}` : block.title;
}

interface Emitted {
  node: PlanNodeDraft;
  children: number;
}

class TreeEmitter {
  readonly nodes: PlanNodeDraft[] = [];
  readonly bodies = new Map<string, string[]>();
  readonly segments: TextSegment[] = [];
  readonly tables: PlacedTable[] = [];
  private roots = 0;

  constructor(
    private readonly options: BuildOptions,
    private readonly warnings: ParseWarning[],
  ) {}

  /** Blocks before the first heading: the preamble, or a flat list of measures when there are no headings. */
  leading(blocks: Block[], flat: boolean): string[] {
    const preamble: string[] = [];
    let last: Emitted | null = null;
    for (const block of blocks) {
      if (block.type === 'table') {
        this.tables.push({ table: block, nodeCode: last?.node.code ?? null, scopeCode: null });
        if (last) this.bodies.get(last.node.code)?.push(block.text);
        continue;
      }
      const text = block.type === 'paragraph' ? block.text : joinLead(block);
      const title = flat ? readMeasureTitle(text) : null;
      if (title !== null) {
        last = this.create(undefined, 'measure', { title, body: text.slice(title.length + 1).trim(), line: block.line, inferred: false, label: '' });
        this.segments.push({ text, line: block.line, nodeCode: last.node.code, scopeCode: null });
      } else if (last) {
        this.bodies.get(last.node.code)?.push(text);
        this.segments.push({ text, line: block.line, nodeCode: last.node.code, scopeCode: null });
      } else {
        preamble.push(text);
        this.segments.push({ text, line: block.line, nodeCode: null, scopeCode: null });
      }
    }
    return preamble;
  }

  emit(raw: RawNode, parent: Emitted | undefined, guidingAbove: boolean): void {
    const { heading } = raw;
    const guiding = !this.options.includeGuidingParagraphs && (guidingAbove || GUIDING_TITLE.test(heading.title));
    const holdsParagraphMeasures = !guiding && !ITEM_STYLES.has(heading.style);
    const paragraphs = raw.items.filter((item): item is Block => !isRaw(item));
    const hasParagraphMeasures = holdsParagraphMeasures && paragraphs.some((p) => p.type === 'paragraph' && readMeasureTitle(p.text) !== null);
    const hasHeadingChildren = raw.items.some(isRaw);
    // A run-in first measure needs its own body; a lone sentence after the title is the section's intro.
    const lead = hasParagraphMeasures && heading.body ? readMeasureTitle(heading.body) : null;
    const runIn = lead !== null && heading.body.length > lead.length + 1 ? lead : null;

    let kind: PlanNodeKind;
    if (!parent) kind = 'part';
    else if (hasHeadingChildren || hasParagraphMeasures || runIn !== null || guiding) kind = 'section';
    else kind = 'measure';

    const self = this.create(parent, kind, {
      title: heading.title,
      body: runIn !== null ? '' : heading.body,
      line: heading.line,
      inferred: heading.inferred,
      label: heading.label,
    });
    const scope = kind === 'measure' ? (parent ? this.scopeOf(parent) : null) : self.node.code;
    if (!heading.inferred) {
      const text = runIn !== null ? heading.title : joinLead(heading);
      this.segments.push({ text, line: heading.line, nodeCode: self.node.code, scopeCode: scope });
    }

    let lastMeasure: Emitted | null = null;
    if (runIn !== null) {
      lastMeasure = this.create(self, 'measure', { title: runIn, body: heading.body.slice(runIn.length + 1).trim(), line: heading.line, inferred: false, label: '' });
      this.segments.push({ text: heading.body, line: heading.line, nodeCode: lastMeasure.node.code, scopeCode: self.node.code });
    }
    const queue = [...raw.items];
    for (let index = 0; index < queue.length; index++) {
      const item = queue[index];
      if (isRaw(item)) {
        if (lastMeasure && SUB_ITEM_STYLES.has(item.heading.style) && !item.items.some(isRaw)) {
          // （1）（2） right after a measure paragraph are that measure's sub-items; what follows
          // them is read as if it followed the measure (a body line, or the next measure).
          const text = asWritten(item.heading);
          this.bodies.get(lastMeasure.node.code)?.push(text);
          this.segments.push({ text, line: item.heading.line, nodeCode: lastMeasure.node.code, scopeCode: self.node.code });
          queue.splice(index + 1, 0, ...item.items);
          continue;
        }
        this.emit(item, self, guiding);
        lastMeasure = null;
        continue;
      }
      if (item.type === 'table') {
        const target = lastMeasure ?? self;
        this.bodies.get(target.node.code)?.push(item.text);
        this.tables.push({ table: item, nodeCode: target.node.code, scopeCode: scope });
        continue;
      }
      const text = item.type === 'paragraph' ? item.text : joinLead(item);
      const title = holdsParagraphMeasures ? readMeasureTitle(text) : null;
      if (title !== null) {
        lastMeasure = this.create(self, 'measure', { title, body: text.slice(title.length + 1).trim(), line: item.line, inferred: false, label: '' });
        this.segments.push({ text, line: item.line, nodeCode: lastMeasure.node.code, scopeCode: self.node.code });
        continue;
      }
      let target = self;
      if (lastMeasure && !startsWithTargetYear(text)) {
        target = lastMeasure;
        if (!SUB_ITEM.test(text)) this.warnings.push({
          line: item.line,
          code: 'PARAGRAPH_WITHOUT_TITLE',
          message: `第${item.line}行段落没有标题句，已并入上一项措施“${lastMeasure.node.title}”`,
        });
      }
      this.bodies.get(target.node.code)?.push(text);
      this.segments.push({ text, line: item.line, nodeCode: target.node.code, scopeCode: scope });
    }
  }

  private scopeOf(entry: Emitted): string | null {
    return entry.node.kind === 'measure' ? entry.node.parentCode : entry.node.code;
  }

  private create(parent: Emitted | undefined, kind: PlanNodeKind, fields: Pick<PlanNodeDraft, 'title' | 'body' | 'line' | 'inferred' | 'label'>): Emitted {
    const order = parent ? ++parent.children : ++this.roots;
    const code = parent ? `${parent.node.code}.${order}` : String(order);
    const node: PlanNodeDraft = { code, parentCode: parent?.node.code ?? null, kind, order, ...fields };
    this.nodes.push(node);
    this.bodies.set(code, fields.body ? [fields.body] : []);
    return { node, children: 0 };
  }
}
