import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { compareCodes, type PlanImportPreviewNode, type PlanNodeKind, type PlanNodeResponse } from '@luoshi/contracts';

/** One node of a plan, whether stored (browser) or just parsed (import preview). */
export interface PlanTreeItem {
  key: string;
  parentKey: string | null;
  order: number;
  code: string;
  kind: PlanNodeKind;
  title: string;
  inferred: boolean;
  /** Source line (preview only). */
  line?: number;
}

/** What a tree row's template reads from `origin`. */
export interface PlanTreeNodeOptions extends NzTreeNodeOptions {
  item: PlanTreeItem;
}

export function itemsFromStored(nodes: readonly PlanNodeResponse[]): PlanTreeItem[] {
  return nodes.map((n) => ({ key: n.id, parentKey: n.parentId, order: n.order, code: n.code, kind: n.kind, title: n.title, inferred: n.inferred }));
}

/** Preview nodes come in document order and are keyed by their code. */
export function itemsFromPreview(nodes: readonly PlanImportPreviewNode[]): PlanTreeItem[] {
  return nodes.map((n, index) => ({
    key: n.code,
    parentKey: n.parentCode,
    order: index,
    code: n.code,
    kind: n.kind,
    title: n.title,
    inferred: n.inferred,
    line: n.line,
  }));
}


/** Children by parent key (null = roots), each list sorted by order then code. */
export function childrenByParent(items: readonly PlanTreeItem[]): Map<string | null, PlanTreeItem[]> {
  const keys = new Set(items.map((item) => item.key));
  const byParent = new Map<string | null, PlanTreeItem[]>();
  for (const item of items) {
    // A node whose parent is not in the list (filtered out, or an orphan) is shown as a root.
    const parent = item.parentKey !== null && keys.has(item.parentKey) ? item.parentKey : null;
    const list = byParent.get(parent) ?? [];
    list.push(item);
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order || compareCodes(a.code, b.code));
  return byParent;
}

/** The keys of `key`'s ancestors, nearest first. */
export function ancestorKeys(items: readonly PlanTreeItem[], key: string | null): string[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const out: string[] = [];
  for (let cur = key ? byKey.get(key) : undefined; cur?.parentKey && byKey.has(cur.parentKey); cur = byKey.get(cur.parentKey)) {
    out.push(cur.parentKey);
    if (out.length > 50) break;
  }
  return out;
}

/** Nodes for nz-tree: expanded where `expanded` says (or everywhere), `selected` highlighted. */
export function buildPlanTree(
  items: readonly PlanTreeItem[],
  options: { expanded: ReadonlySet<string> | 'all'; selected?: string | null },
): PlanTreeNodeOptions[] {
  const byParent = childrenByParent(items);
  const build = (parent: string | null): PlanTreeNodeOptions[] =>
    (byParent.get(parent) ?? []).map((item) => {
      const children = build(item.key);
      return {
        key: item.key,
        title: `${item.code} ${item.title}`,
        item,
        isLeaf: children.length === 0,
        expanded: children.length > 0 && (options.expanded === 'all' || options.expanded.has(item.key)),
        selected: item.key === options.selected,
        children,
      };
    });
  return build(null);
}

/** Default expansion: the path down to the selected node (nothing else, so the parts show at a glance). */
export function defaultExpanded(items: readonly PlanTreeItem[], selected: string | null): Set<string> {
  return new Set(ancestorKeys(items, selected));
}

/** Per top-level part: how many sections and measures it holds. */
export function partSummaries(items: readonly PlanTreeItem[]): { item: PlanTreeItem; sections: number; measures: number }[] {
  const byParent = childrenByParent(items);
  const count = (key: string, into: { sections: number; measures: number }): void => {
    for (const child of byParent.get(key) ?? []) {
      if (child.kind === 'section') into.sections++;
      if (child.kind === 'measure' || child.kind === 'submeasure') into.measures++;
      count(child.key, into);
    }
  };
  return (byParent.get(null) ?? []).map((item) => {
    const totals = { sections: 0, measures: 0 };
    count(item.key, totals);
    return { item, ...totals };
  });
}
