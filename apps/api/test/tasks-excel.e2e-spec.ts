import ExcelJS from 'exceljs';
import { assignedPlan, listPlanTasks, type TaskSummary } from './tasks-fixture';
import { binaryBody, useTestApp } from './test-app';

describe('Tasks: ledger export and assignment import (xlsx)', () => {
  const t = useTestApp();
  let office: string;
  let planId: string;
  let tasks: TaskSummary[];

  const exportLedger = async (user = office, query: Record<string, string> = { planId }) => {
    const res = await t.http().get('/api/tasks/export.xlsx').query(query).set('Authorization', user).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return wb;
  };
  const upload = async (wb: ExcelJS.Workbook, dryRun: boolean) =>
    t
      .http()
      .post('/api/tasks/import-assignments')
      .query({ dryRun: String(dryRun) })
      .set('Authorization', office)
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), '任务台账.xlsx');
  const state = () =>
    t.dataSource.query(
      `SELECT id, title, version, status, lead_department_id, co_department_ids, due_date::text, deadline_text FROM task WHERE plan_id = $1 ORDER BY id`,
      [planId],
    );
  /** The sheet row of a task, found by its code (column 2). */
  const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
    for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === code) return ws.getRow(r);
    throw new Error(`no row for ${code}`);
  };

  beforeAll(async () => {
    office = await t.login('office');
    ({ plan: { planId }, tasks } = await assignedPlan(t, 'TASKS-EXCEL'));
  });

  it('exports the ledger with the columns 序号, 任务编号, 任务, 牵头单位, 配合单位, 完成时限, 进展情况, 状态', async () => {
    const ws = (await exportLedger()).getWorksheet('任务台账')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '任务编号', '任务', '牵头单位', '配合单位', '完成时限', '进展情况', '状态', '任务ID']);
    expect(ws.rowCount).toBe(2 + tasks.length);
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(tasks[0].code);
    expect(first.getCell(4).value).toBe('省发展改革委');
    expect(first.getCell(8).value).toBe('已交办');
    expect(String(first.getCell(7).value)).toMatch(/^进度 0%；/);
    expect(ws.getColumn(9).hidden).toBe(true);
    // Dated in Beijing time, and the lead column picks from the directory.
    const beijingToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(String(ws.getCell(1, 1).value)).toContain(`导出于 ${beijingToday}`);
    expect(first.getCell(4).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'部门'!\$A\$1:\$A\$\d+$/)] });
    const names = (await exportLedger()).getWorksheet('部门')!.getColumn(1).values.filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['省发展改革委', '省交通运输厅', '杭州市']));
    // A city's export holds only its own tasks.
    const hz = (await exportLedger(await t.login('hz.liaison'))).getWorksheet('任务台账')!;
    const hzCount = tasks.filter((x) => x.leadDepartment?.code === 'hz' || x.coDepartments.some((d) => d.code === 'hz')).length;
    expect(hz.rowCount).toBe(2 + hzCount);
  });

  it('round trip: cells edited in Excel show as a diff in the dry run, and the commit applies them', async () => {
    const wb = await exportLedger();
    const ws = wb.getWorksheet('任务台账')!;
    const [a, b, c, d] = [tasks[0], tasks[1], tasks[2], tasks[3]];
    rowOf(ws, a.code).getCell(4).value = '省科技厅';
    rowOf(ws, b.code).getCell(6).value = new Date(Date.UTC(2027, 11, 15));
    rowOf(ws, c.code).getCell(5).value = '杭州市、宁波市';
    rowOf(ws, d.code).getCell(3).value = `${d.title}（含配套工程）`;
    rowOf(ws, d.code).getCell(6).value = '2027年第三季度';
    const before = await state();

    const preview = await upload(wb, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, valid: true, applied: false, changedRows: 4, errors: [] });
    const changesOf = (id: string) => preview.body.rows.find((r: { taskId: string }) => r.taskId === id).changes;
    expect(changesOf(a.id)).toEqual([{ field: 'leadDepartment', column: '牵头单位', from: '省发展改革委', to: '省科技厅' }]);
    expect(changesOf(b.id)).toEqual([expect.objectContaining({ field: 'deadline', column: '完成时限', to: '2027-12-15' })]);
    expect(changesOf(c.id)).toEqual([expect.objectContaining({ field: 'coDepartments', to: '杭州市、宁波市' })]);
    expect(changesOf(d.id)).toEqual([
      expect.objectContaining({ field: 'title', to: `${d.title}（含配套工程）` }),
      expect.objectContaining({ field: 'deadline', to: '2027年第三季度（2027-09-30）' }),
    ]);
    expect(preview.body.rows.filter((r: { changes: unknown[] }) => r.changes.length === 0)).toHaveLength(tasks.length - 4);
    expect(await state()).toEqual(before);

    const commit = await upload(wb, false);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ applied: true, changedRows: 4 });
    const after = new Map((await listPlanTasks(t, planId)).map((x) => [x.id, x]));
    expect(after.get(a.id)).toMatchObject({ leadDepartment: { code: 'kjt' }, version: a.version + 1 });
    expect(after.get(b.id)).toMatchObject({ dueDate: '2027-12-15', version: b.version + 1 });
    expect(after.get(c.id)!.coDepartments.map((x) => x.code)).toEqual(['hz', 'nb']);
    expect(after.get(d.id)).toMatchObject({ title: `${d.title}（含配套工程）`, dueDate: '2027-09-30' });
    expect(after.get(tasks[5].id)!.version).toBe(tasks[5].version);

    // Importing the same sheet again changes nothing.
    const again = await upload(wb, true);
    expect(again.body.changedRows).toBe(0);
  });

  it('refuses a sheet with a missing column: 400 naming the column, nothing written', async () => {
    const wb = await exportLedger();
    const ws = wb.getWorksheet('任务台账')!;
    ws.getRow(2).getCell(4).value = '备注';
    const before = await state();
    const res = await upload(wb, false);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TASK_IMPORT_COLUMN_MISSING');
    expect(res.body.message).toBe('第2行 表头缺少列：牵头单位');
    expect(await state()).toEqual(before);
  });

  it('refuses a bad date or an unknown department: 400 naming the row and column, nothing written (not even the good rows)', async () => {
    const wb = await exportLedger();
    const ws = wb.getWorksheet('任务台账')!;
    const good = rowOf(ws, tasks[6].code);
    good.getCell(4).value = '省教育厅';
    const badDate = rowOf(ws, tasks[7].code);
    badDate.getCell(6).value = '2027-13-45';
    const badDept = rowOf(ws, tasks[8].code);
    badDept.getCell(4).value = '省交通厅';
    const before = await state();

    const preview = await upload(wb, true);
    expect(preview.status).toBe(200);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: badDate.number, column: '完成时限', message: expect.stringMatching(new RegExp(`^第${badDate.number}行 完成时限: .*2027-13-45`)) }),
      { row: badDept.number, column: '牵头单位', message: `第${badDept.number}行 牵头单位: 未知部门“省交通厅”` },
    ]);

    const res = await upload(wb, false);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TASK_IMPORT_INVALID');
    expect(res.body.message).toContain(`第${badDate.number}行 完成时限`);
    expect(res.body.message).toContain(`第${badDept.number}行 牵头单位: 未知部门“省交通厅”`);
    expect(await state()).toEqual(before);
  });

  it('is for the office only, and answers a non-xlsx upload with 400', async () => {
    const wb = await exportLedger();
    const res = await t
      .http()
      .post('/api/tasks/import-assignments')
      .set('Authorization', await t.login('jtt.head'))
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(res.status).toBe(403);
    const junk = await t.http().post('/api/tasks/import-assignments').set('Authorization', office).attach('file', Buffer.from('not a workbook'), 'x.xlsx');
    expect(junk.status).toBe(400);
    expect(junk.body.code).toBe('TASK_IMPORT_FILE_INVALID');
    const none = await t.http().post('/api/tasks/import-assignments').set('Authorization', office);
    expect(none.body.code).toBe('TASK_IMPORT_FILE_MISSING');
  });
});
