import type { TaskResponse } from '@luoshi/contracts';
import { buildGridRows, bulkItemFor, bulkProblems, compareTaskCodes, deadlineFields, dispatchTargets, isDirty, patchFor, rowProblem, targetsText } from './assign-grid';

function task(code: string, over: Partial<TaskResponse> = {}): TaskResponse {
  const [part, section] = code.split('.');
  return {
    id: `id-${code}`,
    planId: 'p',
    code,
    measureNodeId: 'n',
    measureCode: code,
    partCode: part ?? null,
    sectionCode: code.split('.').length > 2 ? `${part}.${section}` : null,
    title: `任务${code}`,
    leadDepartment: null,
    coDepartments: [],
    owner: null,
    startDate: null,
    dueDate: null,
    deadlineText: null,
    deadlineProvisional: false,
    reportingCycle: 'quarterly',
    status: 'draft',
    progress: 0,
    lastReportAt: null,
    lastReportLate: false,
    returnedReason: null,
    health: 'green',
    healthReasons: [],
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

const jtt = { id: 'd1', code: 'jtt', name: '省交通运输厅' };

describe('assignment grid', () => {
  it('orders codes numerically', () => {
    expect(['2.10', '2.9', '10.1', '2.3.1-2', '2.3.1-1', '2.3.1'].sort(compareTaskCodes)).toEqual(['2.3.1', '2.3.1-1', '2.3.1-2', '2.9', '2.10', '10.1']);
  });

  it('groups tasks under parts and sections in tree order', () => {
    const titles = new Map([
      ['2', '重点任务'],
      ['2.3', '交通'],
      ['2.10', '其他'],
      ['4', '平台'],
    ]);
    const rows = buildGridRows([task('2.10.1'), task('4.2'), task('2.3.2'), task('4.1'), task('2.3.1')], titles);
    expect(rows.map((r) => (r.kind === 'group' ? `${r.level}:${r.code}:${r.title}:${r.taskIds.length}` : `${r.task.code}@${r.depth}`))).toEqual([
      'part:2:重点任务:3',
      'section:2.3:交通:2',
      '2.3.1@2',
      '2.3.2@2',
      'section:2.10:其他:1',
      '2.10.1@2',
      'part:4:平台:2',
      '4.1@1',
      '4.2@1',
    ]);
  });

  it('sends a date as dueDate and a phrase as deadlineText', () => {
    expect(deadlineFields('2027-06-30')).toEqual({ dueDate: '2027-06-30' });
    expect(deadlineFields(' 2027年6月底 ')).toEqual({ deadlineText: '2027年6月底' });
    expect(deadlineFields('  ')).toEqual({});
  });

  it('patches only what changed', () => {
    const t = task('2.3.1', { leadDepartment: jtt, deadlineText: '2027年6月底', dueDate: '2027-06-30', version: 4 });
    expect(isDirty(t, { lead: 'jtt', deadline: '2027年6月底', cycle: 'quarterly', co: [] })).toBe(false);
    expect(patchFor(t, { lead: 'jtt', co: ['fgw'], deadline: '长期' })).toEqual({ version: 4, coDepartmentCodes: ['fgw'], deadlineText: '长期' });
  });

  it('builds bulk items: bulk values, then row edits, then the task; no lead → null', () => {
    const bulk = { lead: null, co: null, deadline: '2027年6月底', cycle: null };
    expect(bulkItemFor(task('2.3.1'), undefined, bulk)).toBeNull();
    expect(bulkItemFor(task('2.3.1'), { lead: 'fgw', cycle: 'monthly' }, bulk)).toEqual({
      taskId: 'id-2.3.1',
      version: 1,
      leadDepartmentCode: 'fgw',
      deadlineText: '2027年6月底',
      reportingCycle: 'monthly',
    });
    expect(bulkItemFor(task('2.3.2', { leadDepartment: jtt }), undefined, { ...bulk, lead: 'fgw', deadline: null })).toEqual({
      taskId: 'id-2.3.2',
      version: 1,
      leadDepartmentCode: 'fgw',
    });
  });

  it('maps a refused bulk-assign back to its rows', () => {
    const ids = ['a', 'b'];
    const invalid = bulkProblems(
      {
        statusCode: 400,
        code: 'TASK_BULK_INVALID',
        message: '批量交办未执行',
        details: { problems: [{ index: 1, field: 'deadlineText', code: 'TASK_BAD_DEADLINE', message: 'deadlineText: 无法识别的完成时限：“xx”' }] },
      },
      ids,
    );
    expect(invalid?.get('b')).toEqual([{ field: 'deadlineText', message: '无法识别的完成时限：“xx”' }]);
    const stale = bulkProblems({ statusCode: 409, code: 'TASK_BULK_STALE_VERSION', message: '已被他人修改', details: { index: 0, field: 'version', currentVersion: 3 } }, ids);
    expect(stale?.get('a')).toEqual([{ field: 'version', message: '已被他人修改', stale: true }]);
    const validation = bulkProblems(
      { statusCode: 400, code: 'VALIDATION_FAILED', message: '输入有误', details: [{ field: 'items.1.dueDate', problems: ['dueDate: YYYY-MM-DD or null'] }] },
      ids,
    );
    expect(validation?.get('b')).toEqual([{ field: 'dueDate', message: 'dueDate: YYYY-MM-DD or null' }]);
    expect(bulkProblems({ statusCode: 403, code: 'FORBIDDEN', message: '无权' }, ids)).toBeNull();
  });

  it('reads a failed PATCH', () => {
    const error = { statusCode: 409, code: 'TASK_STALE_VERSION', message: '任务已被他人修改', details: { currentVersion: 3 } };
    expect(rowProblem(error, error.message)).toEqual({ field: '', message: '任务已被他人修改', stale: true });
    const bad = { statusCode: 400, code: 'TASK_BAD_DEADLINE', message: 'deadlineText: 无法识别', details: { field: 'deadlineText' } };
    expect(rowProblem(bad, bad.message)).toEqual({ field: 'deadlineText', message: '无法识别', stale: undefined });
  });

  it('lists who a 交办 tells: each department once, lead before co, with its number of tasks', () => {
    const names: Record<string, string> = { jtt: '省交通运输厅', hz: '杭州市', fgw: '省发展改革委' };
    const targets = dispatchTargets(
      [
        { taskId: 'a', version: 1, leadDepartmentCode: 'jtt', coDepartmentCodes: ['hz', 'jtt'] },
        { taskId: 'b', version: 1, leadDepartmentCode: 'jtt', coDepartmentCodes: ['fgw'] },
        { taskId: 'c', version: 1, leadDepartmentCode: 'fgw' },
      ],
      (code) => names[code] ?? code,
    );
    expect(targets.map((t) => [t.code, t.role, t.tasks])).toEqual([
      ['fgw', 'lead', 1],
      ['jtt', 'lead', 2],
      ['fgw', 'co', 1],
      ['hz', 'co', 1],
    ]);
    expect(targetsText(targets.slice(1, 2), { lead: '牵头', co: '配合', people: '人' })).toBe('省交通运输厅（牵头 2）');
    expect(targetsText([{ name: '杭州市', role: 'co', tasks: 1, users: 2 }], { lead: '牵头', co: '配合', people: '人' })).toBe('杭州市（配合 1，2人）');
  });
});
