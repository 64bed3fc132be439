import { compareCodes, type PlanNodeResponse } from '@luoshi/contracts';
import { ancestorKeys, buildPlanTree, defaultExpanded, itemsFromStored, partSummaries } from './plan-tree';

const node = (id: string, parentId: string | null, code: string, order: number, kind: PlanNodeResponse['kind'] = 'measure'): PlanNodeResponse => ({
  id,
  parentId,
  code,
  kind,
  title: `标题${code}`,
  body: '',
  order,
  inferred: false,
});

// Stored nodes arrive in any order; `order` counts among siblings.
const nodes = [
  node('m2', 's1', '1.1.2', 2),
  node('p2', null, '2', 2, 'part'),
  node('s1', 'p1', '1.1', 1, 'section'),
  node('m1', 's1', '1.1.1', 1),
  node('p1', null, '1', 1, 'part'),
];

describe('plan tree', () => {
  it('nests children under their parents in order', () => {
    const tree = buildPlanTree(itemsFromStored(nodes), { expanded: new Set() });
    expect(tree.map((n) => n.key)).toEqual(['p1', 'p2']);
    expect(tree[0].children?.[0].children?.map((n) => n.key)).toEqual(['m1', 'm2']);
    expect(tree[1].isLeaf).toBe(true);
    expect(tree[0].title).toBe('1 标题1');
  });

  it('expands the path to the selected node', () => {
    const items = itemsFromStored(nodes);
    expect(ancestorKeys(items, 'm2')).toEqual(['s1', 'p1']);
    expect([...defaultExpanded(items, null)]).toEqual([]);
    const expanded = defaultExpanded(items, 'm2');
    expect([...expanded].sort()).toEqual(['p1', 's1']);
    const tree = buildPlanTree(items, { expanded: new Set([...expanded, 'p2']), selected: 'm2' });
    expect(tree[0].expanded).toBe(true);
    expect(tree[1].expanded).toBe(false); // a leaf never shows as expanded
    expect(tree[0].children?.[0].children?.[1].selected).toBe(true);
  });

  it('sums sections and measures per part', () => {
    expect(partSummaries(itemsFromStored(nodes)).map((p) => [p.item.key, p.sections, p.measures])).toEqual([
      ['p1', 1, 2],
      ['p2', 0, 0],
    ]);
  });

  it('shows a node whose parent was filtered out as a root', () => {
    const tree = buildPlanTree(itemsFromStored([node('m1', 'gone', '1.1.1', 1)]), { expanded: 'all' });
    expect(tree.map((n) => n.key)).toEqual(['m1']);
  });

  it('compares dotted codes numerically', () => {
    expect(['2.10', '2.9', '10', '2'].sort(compareCodes)).toEqual(['2', '2.9', '2.10', '10']);
  });
});
