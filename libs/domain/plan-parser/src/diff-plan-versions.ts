import type { PlanNodeDraft } from './plan-types';

export interface PlanVersionDiff {
  added: PlanNodeDraft[];
  removed: PlanNodeDraft[];
  /** Same node, different title or body (a moved node whose text also changed appears here too). */
  changed: { before: PlanNodeDraft; after: PlanNodeDraft }[];
  /** Same node under another parent, or out of order among its siblings. */
  moved: { before: PlanNodeDraft; after: PlanNodeDraft }[];
  /** The next version of every node that is neither changed nor moved. */
  unchanged: PlanNodeDraft[];
  /** Every matched pair (unchanged, changed or moved): how the next version's nodes keep their identity. */
  matched: { before: PlanNodeDraft; after: PlanNodeDraft }[];
}

/**
 * Matches nodes of two versions of a plan: first by kind + normalized title (so renumbering after
 * an insertion does not look like a change), then leftovers by code when the title is similar or
 * the body is identical (a renamed node). A code shift alone is not a move: a node is moved only
 * when its parent changed or it left the longest run of siblings that kept their relative order.
 */
export function diffPlanVersions(previous: readonly PlanNodeDraft[], next: readonly PlanNodeDraft[]): PlanVersionDiff {
  const pairOfNext = new Map<PlanNodeDraft, PlanNodeDraft>();
  const pairOfPrevious = new Map<PlanNodeDraft, PlanNodeDraft>();
  const link = (before: PlanNodeDraft, after: PlanNodeDraft) => {
    pairOfNext.set(after, before);
    pairOfPrevious.set(before, after);
  };

  const byKey = new Map<string, PlanNodeDraft[]>();
  for (const node of previous) {
    const key = identityKey(node);
    const list = byKey.get(key);
    if (list) list.push(node);
    else byKey.set(key, [node]);
  }
  for (const node of next) {
    const candidates = byKey.get(identityKey(node));
    const match = candidates?.shift();
    if (match) link(match, node);
  }
  const unmatchedByCode = new Map(previous.filter((n) => !pairOfPrevious.has(n)).map((n) => [n.code, n]));
  for (const node of next) {
    if (pairOfNext.has(node)) continue;
    const candidate = unmatchedByCode.get(node.code);
    if (candidate && candidate.kind === node.kind && (candidate.body === node.body || similarity(candidate.title, node.title) >= 0.5)) {
      link(candidate, node);
      unmatchedByCode.delete(node.code);
    }
  }

  const previousByCode = new Map(previous.map((n) => [n.code, n]));
  const nextByCode = new Map(next.map((n) => [n.code, n]));
  const moved = new Set<PlanNodeDraft>();
  const stayingByParent = new Map<string, PlanNodeDraft[]>();
  for (const after of next) {
    const before = pairOfNext.get(after);
    if (!before) continue;
    const parentBefore = before.parentCode ? previousByCode.get(before.parentCode) : undefined;
    const parentAfter = after.parentCode ? nextByCode.get(after.parentCode) : undefined;
    const sameParent = parentBefore === undefined ? parentAfter === undefined : pairOfPrevious.get(parentBefore) === parentAfter;
    if (!sameParent) {
      moved.add(after);
      continue;
    }
    const key = after.parentCode ?? '';
    const list = stayingByParent.get(key);
    if (list) list.push(after);
    else stayingByParent.set(key, [after]);
  }
  const previousIndex = new Map(previous.map((node, index) => [node, index]));
  for (const siblings of stayingByParent.values()) {
    const keep = longestIncreasingRun(siblings.map((after) => previousIndex.get(pairOfNext.get(after) as PlanNodeDraft) ?? -1));
    siblings.forEach((after, index) => {
      if (!keep.has(index)) moved.add(after);
    });
  }

  const diff: PlanVersionDiff = { added: [], removed: [], changed: [], moved: [], unchanged: [], matched: [] };
  for (const after of next) {
    const before = pairOfNext.get(after);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    diff.matched.push({ before, after });
    const textChanged = before.title !== after.title || before.body !== after.body;
    if (moved.has(after)) diff.moved.push({ before, after });
    if (textChanged) diff.changed.push({ before, after });
    if (!moved.has(after) && !textChanged) diff.unchanged.push(after);
  }
  diff.removed = previous.filter((node) => !pairOfPrevious.has(node));
  return diff;
}

function identityKey(node: PlanNodeDraft): string {
  return `${node.kind}|${normalizeTitle(node.title)}`;
}

function normalizeTitle(title: string): string {
  return title.replace(/[\s，。、；：！？“”‘’（）()《》【】,.;:!?"'—-]/g, '');
}

/** Dice coefficient over character bigrams: cheap and good enough to spot a light rename. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const n = normalizeTitle(s);
    const out: string[] = [];
    for (let i = 0; i < n.length - 1; i++) out.push(n.slice(i, i + 2));
    return out;
  };
  const left = grams(a);
  const right = grams(b);
  if (!left.length || !right.length) return a === b ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of left) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of right) {
    const count = pool.get(g) ?? 0;
    if (count > 0) {
      common++;
      pool.set(g, count - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasingRun(values: number[]): Set<number> {
  const tails: number[] = [];
  const previousIndex: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previousIndex[index] = tails[lo - 1];
    tails[lo] = index;
  });
  const keep = new Set<number>();
  let at = tails.length ? tails[tails.length - 1] : -1;
  while (at >= 0) {
    keep.add(at);
    at = previousIndex[at];
  }
  return keep;
}
