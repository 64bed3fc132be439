import type { CorrectionResponse, PlanImportPreviewNode, PlanNodeKind } from '@luoshi/contracts';

export interface TextSegment {
  text: string;
  /** Set when the text is a corrected word. */
  fix?: CorrectionResponse;
}

export interface TextBlock {
  key: string;
  /** First source line of the block. */
  line: number;
  kind: PlanNodeKind | 'title';
  code: string | null;
  inferred: boolean;
  heading: TextSegment[];
  body: TextSegment[];
}

export interface CorrectedText {
  blocks: TextBlock[];
  /** Corrections not located in a block (the preamble is not part of the preview, deletions have no text). */
  unplaced: CorrectionResponse[];
}

interface Mark {
  part: number;
  at: number;
  fix: CorrectionResponse;
}

/**
 * Finds each correction's corrected word in `parts` (searched in order, never going back), so
 * corrections listed by line and column land on successive occurrences.
 */
export function placeCorrections(parts: readonly string[], fixes: readonly CorrectionResponse[]): { segments: TextSegment[][]; unplaced: CorrectionResponse[] } {
  const marks: Mark[] = [];
  const unplaced: CorrectionResponse[] = [];
  let part = 0;
  let from = 0;
  for (const fix of fixes) {
    if (!fix.right) {
      unplaced.push(fix);
      continue;
    }
    let placed = false;
    for (let p = part, start = from; p < parts.length; p++, start = 0) {
      const at = parts[p].indexOf(fix.right, start);
      if (at === -1) continue;
      marks.push({ part: p, at, fix });
      part = p;
      from = at + fix.right.length;
      placed = true;
      break;
    }
    if (!placed) unplaced.push(fix);
  }
  const segments = parts.map((text, p) => {
    const out: TextSegment[] = [];
    let cursor = 0;
    for (const mark of marks.filter((m) => m.part === p)) {
      if (mark.at > cursor) out.push({ text: text.slice(cursor, mark.at) });
      out.push({ text: mark.fix.right, fix: mark.fix });
      cursor = mark.at + mark.fix.right.length;
    }
    if (cursor < text.length) out.push({ text: text.slice(cursor) });
    return out;
  });
  return { segments, unplaced };
}

/**
 * The previewed plan as text blocks (title, then each node from its source line), with the
 * corrections made on the lines of each block marked in place.
 */
export function buildCorrectedText(title: string, nodes: readonly PlanImportPreviewNode[], corrections: readonly CorrectionResponse[]): CorrectedText {
  const sorted = [...corrections].sort((a, b) => a.line - b.line || a.column - b.column);
  const firstLine = nodes.length > 0 ? Math.min(...nodes.map((n) => n.line)) : Number.POSITIVE_INFINITY;
  const byLine = [...nodes].sort((a, b) => a.line - b.line);
  const unplaced: CorrectionResponse[] = [];
  const blocks: TextBlock[] = [];

  // The title is the first line; the preamble after it is not in the preview.
  const titleFixes = sorted.filter((c) => c.line < firstLine);
  const titlePlaced = placeCorrections([title], titleFixes);
  unplaced.push(...titlePlaced.unplaced);
  blocks.push({ key: '#title', line: 1, kind: 'title', code: null, inferred: false, heading: titlePlaced.segments[0], body: [] });

  byLine.forEach((node, i) => {
    const next = byLine[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const fixes = sorted.filter((c) => c.line >= node.line && c.line < next);
    const placed = placeCorrections([node.title, node.body], fixes);
    unplaced.push(...placed.unplaced);
    blocks.push({
      key: node.code,
      line: node.line,
      kind: node.kind,
      code: node.code,
      inferred: node.inferred,
      heading: placed.segments[0],
      body: placed.segments[1],
    });
  });
  return { blocks, unplaced };
}
