import { type DutyForPrefill, prefillFromDuties, type ReadDeadline } from './prefill-from-duties';

const duty = (over: Partial<DutyForPrefill>): DutyForPrefill => ({
  id: 'd1',
  nodeId: 'm1',
  leadDepartmentIds: [],
  coDepartmentIds: [],
  deadlineText: null,
  deadline: null,
  line: 1,
  ...over,
});

const byNode = (...duties: DutyForPrefill[]) => {
  const map = new Map<string, DutyForPrefill[]>();
  for (const d of duties) map.set(d.nodeId, [...(map.get(d.nodeId) ?? []), d]);
  return map;
};

// part p1 > section s1 > measures m1, m2; m3 under s2 without duties anywhere above it.
const parents = new Map<string, string | null>([
  ['p1', null],
  ['s1', 'p1'],
  ['m1', 's1'],
  ['m2', 's1'],
  ['s2', 'p1'],
  ['m3', 's2'],
]);
const yearEnd: ReadDeadline = (text) => (/^(\d{4})年底前?$/.test(text) ? { dueDate: `${text.slice(0, 4)}-12-31` } : null);

describe(prefillFromDuties.name, () => {
  it('takes the first lead as the lead and the other leads before the co-departments', () => {
    const result = prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: ['a', 'b'], coDepartmentIds: ['c', 'b'] })), yearEnd);
    expect(result).toMatchObject({ leadDepartmentId: 'a', coDepartmentIds: ['b', 'c'], jointLeadIds: ['b'], dutyIds: ['d1'] });
  });

  it('skips leads that are collective or unknown (null) and keeps the known ones', () => {
    const result = prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: [null, 'b'] })), yearEnd);
    expect(result).toMatchObject({ leadDepartmentId: 'b', coDepartmentIds: [], jointLeadIds: [] });
  });

  it('reads the 完成时限 with the calendar, falling back to the parser’s date, and keeps the phrase', () => {
    expect(prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: ['a'], deadlineText: '2026年底前' })), yearEnd)).toMatchObject({
      deadlineText: '2026年底前',
      dueDate: '2026-12-31',
    });
    expect(
      prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: ['a'], deadlineText: '2026年6月', deadline: '2026-06-30' })), yearEnd),
    ).toMatchObject({ deadlineText: '2026年6月', dueDate: '2026-06-30' });
    expect(prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: ['a'], deadlineText: '长期坚持' })), yearEnd)).toMatchObject({
      deadlineText: '长期坚持',
      dueDate: null,
    });
  });

  it('uses the nearest ancestor’s duties when the measure has none', () => {
    const section = duty({ id: 'ds', nodeId: 's1', leadDepartmentIds: ['s'] });
    const own = duty({ id: 'dm', nodeId: 'm2', leadDepartmentIds: ['m'] });
    expect(prefillFromDuties('m1', parents, byNode(section, own), yearEnd)?.leadDepartmentId).toBe('s');
    expect(prefillFromDuties('m2', parents, byNode(section, own), yearEnd)?.leadDepartmentId).toBe('m');
    expect(prefillFromDuties('m3', parents, byNode(section, own), yearEnd)).toBeNull();
  });

  it('merges several duties of one node in document order (annotation and annex row)', () => {
    const annex = duty({ id: 'd2', line: 90, leadDepartmentIds: ['b'], coDepartmentIds: ['c'], deadlineText: '2027年底前' });
    const annotation = duty({ id: 'd1', line: 5, leadDepartmentIds: ['a'] });
    expect(prefillFromDuties('m1', parents, byNode(annex, annotation), yearEnd)).toEqual({
      leadDepartmentId: 'a',
      coDepartmentIds: ['b', 'c'],
      deadlineText: '2027年底前',
      dueDate: '2027-12-31',
      dutyIds: ['d1', 'd2'],
      jointLeadIds: ['b'],
    });
  });

  it('gives nothing for a duty that names no known department and no deadline', () => {
    expect(prefillFromDuties('m1', parents, byNode(duty({ leadDepartmentIds: [null] })), yearEnd)).toBeNull();
  });

  it('does not loop on a malformed parent chain', () => {
    const cyclic = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(prefillFromDuties('x', cyclic, new Map(), yearEnd)).toBeNull();
  });
});
