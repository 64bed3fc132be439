import { diffPlanVersions } from './diff-plan-versions';
import { parsePlan } from './parse-plan';

const nodesOf = (lines: string[]) => parsePlan(['某方案', ...lines].join('\n')).nodes;
const base = [
  '一、重点任务',
  '（一）推进创新',
  '加强平台建设。建设重点实验室。',
  '强化人才支撑。引进高端人才。',
  '深化科技改革。完善科技评价。',
  '（二）扩大开放',
  '建设开放平台。推进自贸区建设。',
  '二、保障措施',
  '（一）加强组织领导。建立工作机制。',
];

describe(diffPlanVersions.name, () => {
  it('reports nothing but unchanged nodes for the same text', () => {
    const diff = diffPlanVersions(nodesOf(base), nodesOf(base));
    expect([diff.added, diff.removed, diff.changed, diff.moved]).toEqual([[], [], [], []]);
    expect(diff.unchanged).toHaveLength(9);
  });

  it('does not call siblings moved when an insertion renumbers them', () => {
    const next = [...base];
    next.splice(2, 0, '培育创新主体。壮大高新技术企业。');
    const diff = diffPlanVersions(nodesOf(base), nodesOf(next));
    expect(diff.added.map((n) => [n.code, n.title])).toEqual([['1.1.1', '培育创新主体']]);
    expect(diff.moved).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged.find((n) => n.title === '深化科技改革')?.code).toBe('1.1.4');
  });

  it('calls a node moved when it changes parent or leaves its siblings’ order', () => {
    const reordered = [base[0], base[1], base[4], base[2], base[3], ...base.slice(5)];
    const diff = diffPlanVersions(nodesOf(base), nodesOf(reordered));
    expect(diff.moved.map((m) => [m.before.code, m.after.code, m.after.title])).toEqual([['1.1.3', '1.1.1', '深化科技改革']]);

    const otherParent = [...base.slice(0, 4), ...base.slice(5, 7), base[4], ...base.slice(7)];
    const moved = diffPlanVersions(nodesOf(base), nodesOf(otherParent));
    expect(moved.moved.map((m) => [m.before.code, m.after.code])).toEqual([['1.1.3', '1.2.2']]);
    expect(moved.added).toEqual([]);
    expect(moved.removed).toEqual([]);
  });

  it('moves a section with its measures as one move', () => {
    const next = [base[0], base[1], base[2], base[3], base[4], base[7], base[8], base[5], base[6]];
    const diff = diffPlanVersions(nodesOf(base), nodesOf(next));
    expect(diff.moved.map((m) => [m.before.code, m.after.code, m.after.title])).toEqual([['1.2', '2.2', '扩大开放']]);
    expect(diff.unchanged.find((n) => n.title === '建设开放平台')?.code).toBe('2.2.1');
  });

  it('treats a light rename at the same code as a change, an unrelated title as remove + add', () => {
    const renamed = [...base];
    renamed[6] = '建设高能级开放平台。推进自贸区建设。';
    const diff = diffPlanVersions(nodesOf(base), nodesOf(renamed));
    expect(diff.changed.map((c) => [c.before.title, c.after.title])).toEqual([['建设开放平台', '建设高能级开放平台']]);
    expect([diff.added, diff.removed]).toEqual([[], []]);

    const replaced = [...base];
    replaced[6] = '优化营商环境。深化放管服改革。';
    const other = diffPlanVersions(nodesOf(base), nodesOf(replaced));
    expect(other.removed.map((n) => n.title)).toEqual(['建设开放平台']);
    expect(other.added.map((n) => n.title)).toEqual(['优化营商环境']);
    expect(other.changed).toEqual([]);
  });

  it('reports a body edit as changed', () => {
    const edited = [...base];
    edited[3] = '强化人才支撑。引进高端人才，完善人才评价。';
    const diff = diffPlanVersions(nodesOf(base), nodesOf(edited));
    expect(diff.changed.map((c) => [c.after.code, c.before.body, c.after.body])).toEqual([['1.1.2', '引进高端人才。', '引进高端人才，完善人才评价。']]);
  });
});
