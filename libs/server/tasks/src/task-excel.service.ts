import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import type { TaskImportChange, TaskImportError, TaskImportResponse, TaskImportRowResponse, TaskResponse } from '@luoshi/contracts';
import { TASK_STATE_LABELS, dateOfInstant } from '@luoshi/domain/workflow';
import { type AuthUser, checkZipLimits, type SignedInActor, UnitOfWork, type ZipLimits } from '@luoshi/server/platform';
import type { DepartmentDirectory } from './department-directory';
import { LEDGER_COLUMNS, readAssignmentSheet, type SheetRow } from './read-assignment-sheet';
import { type AssignmentContext, type AssignmentInput, resolveAssignment } from './resolve-assignment';
import { TaskException, type TaskFieldProblem } from './task.exception';
import { TaskAssignmentService } from './task-assignment.service';
import { type TaskListFilter, TaskQueryService } from './task-query.service';
import type { TaskRow, TaskWrite } from './task-row';
import { TaskStore } from './task-store';

export const LEDGER_EXPORT_LIMIT = 5000;
const HEALTH_LABELS = { green: '绿灯', amber: '黄灯', red: '红灯' } as const;

/** An assignment sheet of thousands of rows is a few MB of XML; far more is a decompression bomb. */
export const SHEET_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 40 * 1024 * 1024, maxEntries: 500 };

const COLUMN_OF_FIELD: Record<string, string> = {
  title: LEDGER_COLUMNS.title,
  leadDepartmentCode: LEDGER_COLUMNS.lead,
  coDepartmentCodes: LEDGER_COLUMNS.co,
  startDate: LEDGER_COLUMNS.deadline,
  dueDate: LEDGER_COLUMNS.deadline,
  deadlineText: LEDGER_COLUMNS.deadline,
  status: LEDGER_COLUMNS.status,
};

/** What a 完成时限 cell shows for a task: the phrase as written, else the date, else 长期. */
function deadlineDisplay(t: Pick<TaskRow, 'deadlineText' | 'dueDate'>): string {
  return t.deadlineText ?? t.dueDate ?? '';
}

interface PlannedRow {
  sheet: SheetRow;
  task: TaskRow;
  input: AssignmentInput;
}

/** The ledger (任务台账) as .xlsx, and assignments imported back from it: preview, then all or nothing. */
@Injectable()
export class TaskExcelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
    private readonly assignments: TaskAssignmentService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async exportLedger(filter: TaskListFilter, user: AuthUser): Promise<Buffer> {
    const tasks = await this.query.all(filter, user, LEDGER_EXPORT_LIMIT);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '落实 Luoshi';
    const ws = workbook.addWorksheet('任务台账', { views: [{ state: 'frozen', ySplit: 2 }] });
    const headings = [
      LEDGER_COLUMNS.seq,
      LEDGER_COLUMNS.code,
      LEDGER_COLUMNS.title,
      LEDGER_COLUMNS.lead,
      LEDGER_COLUMNS.co,
      LEDGER_COLUMNS.deadline,
      LEDGER_COLUMNS.progress,
      LEDGER_COLUMNS.status,
      LEDGER_COLUMNS.id,
    ];
    ws.mergeCells(1, 1, 1, headings.length - 1);
    // The office works in Beijing time: a ledger exported at 07:00 on the 2nd is dated the 2nd.
    ws.getCell(1, 1).value = `任务台账（${tasks.length} 项，导出于 ${dateOfInstant(new Date().toISOString())}）`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    const header = ws.getRow(2);
    header.values = headings;
    header.font = { bold: true };
    tasks.forEach((t, i) => ws.addRow(this.ledgerRow(t, i + 1)));
    [6, 12, 60, 18, 30, 16, 30, 10, 38].forEach((width, i) => (ws.getColumn(i + 1).width = width));
    ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
    // The task id lets an edited sheet find its tasks again; hidden, people edit the rest.
    ws.getColumn(headings.length).hidden = true;
    await this.offerDepartmentList(workbook, ws, headings.indexOf(LEDGER_COLUMNS.lead) + 1, tasks.length);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** The lead column of an edited ledger picks from the directory (a drop-down), so names come back exact. */
  private async offerDepartmentList(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, column: number, rows: number): Promise<void> {
    const { directory } = await this.store.assignmentContext(this.dataSource.manager, []);
    const names = directory.departments.map((d) => d.name);
    if (names.length === 0) return;
    const list = workbook.addWorksheet('部门', { state: 'veryHidden' });
    names.forEach((name, i) => (list.getCell(i + 1, 1).value = name));
    for (let row = 3; row <= rows + 2; row++) {
      ws.getCell(row, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'部门'!$A$1:$A$${names.length}`],
        showErrorMessage: true,
        errorTitle: '牵头单位',
        error: '请从部门名录中选择 / pick a department from the directory',
      };
    }
  }

  /** dryRun: the diff and every row error. Commit: all rows in one transaction, or 400 and nothing written. */
  async importAssignments(buffer: Buffer, dryRun: boolean, planId: string | undefined, actor: SignedInActor): Promise<TaskImportResponse> {
    const ws = await this.firstSheet(buffer);
    const { rows } = readAssignmentSheet(ws);
    const m = this.dataSource.manager;
    const ctx = await this.store.assignmentContext(m, []);
    const errors: TaskImportError[] = [];
    const planned = await this.plan(m, rows, planId, ctx.directory, errors);
    const preview: TaskImportRowResponse[] = planned.map((p) => this.previewRow(p, ctx, errors));
    const changedRows = preview.filter((r) => r.changes.length > 0).length;
    if (dryRun) return { dryRun, valid: errors.length === 0, applied: false, rows: preview, changedRows, errors: sorted(errors) };
    if (errors.length > 0) throw TaskException.importInvalid(sorted(errors));

    await this.unitOfWork.run(async (tx) => {
      const txCtx = await this.store.assignmentContext(tx, []);
      for (const p of planned) {
        const task = await this.store.find(tx, p.task.id, { lock: true });
        const problems = await this.assignments.assignWithin(tx, task, p.input, txCtx, actor);
        errors.push(...problems.map((problem) => toError(p.sheet.row, problem)));
      }
      if (errors.length > 0) throw TaskException.importInvalid(sorted(errors));
    });
    return { dryRun, valid: true, applied: true, rows: preview, changedRows, errors: [] };
  }

  private ledgerRow(t: TaskResponse, seq: number): (string | number)[] {
    const progress = [`进度 ${t.progress}%`, HEALTH_LABELS[t.health], ...t.healthReasons].join('；');
    return [
      seq,
      t.code,
      t.title,
      t.leadDepartment?.name ?? '',
      t.coDepartments.map((d) => d.name).join('、'),
      deadlineDisplay(t),
      progress,
      TASK_STATE_LABELS[t.status],
      t.id,
    ];
  }

  private async firstSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    // Decompressed size capped before exceljs reads anything: a 5 MB upload cannot inflate to gigabytes.
    const refused = checkZipLimits(buffer, SHEET_ZIP_LIMITS);
    if (refused) throw TaskException.importFileInvalid(refused);
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs types its Buffer narrower than Node's; the bytes are the same.
      await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      throw TaskException.importFileInvalid(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
    }
    const ws = workbook.getWorksheet('任务台账') ?? workbook.worksheets[0];
    if (!ws) throw TaskException.importFileInvalid('没有工作表 / no worksheet');
    return ws;
  }

  /** Finds each row's task and turns its cells into an assignment (department names → codes). */
  private async plan(
    m: EntityManager,
    rows: SheetRow[],
    planId: string | undefined,
    directory: DepartmentDirectory,
    errors: TaskImportError[],
  ): Promise<PlannedRow[]> {
    const uuids = rows.map((r) => r.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const codes = rows.filter((r) => !r.id).map((r) => r.code);
    const found: TaskRow[] = await m.query(
      `SELECT t.id, t.plan_id AS "planId", t.code FROM task t
        WHERE t.id = ANY($1::uuid[]) OR (t.code = ANY($2::text[]) AND ($3::uuid IS NULL OR t.plan_id = $3))`,
      [uuids, codes, planId ?? null],
    );
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();
    for (const sheet of rows) {
      const fail = (column: string, message: string) => errors.push({ row: sheet.row, column, message: `第${sheet.row}行 ${column}: ${message}` });
      const matches = sheet.id ? found.filter((t) => t.id === sheet.id) : found.filter((t) => t.code === sheet.code);
      if (matches.length !== 1) {
        const column = sheet.id ? LEDGER_COLUMNS.id : LEDGER_COLUMNS.code;
        fail(column, matches.length === 0 ? `找不到任务“${sheet.id || sheet.code}”` : `任务编号“${sheet.code}”在多个计划中出现，请指定 planId`);
        continue;
      }
      const task = await this.store.find(m, matches[0].id);
      if (seen.has(task.id)) {
        fail(LEDGER_COLUMNS.code, `与第${seen.get(task.id)}行是同一任务`);
        continue;
      }
      seen.set(task.id, sheet.row);
      const input: AssignmentInput = {};
      if (!sheet.title) fail(LEDGER_COLUMNS.title, '不能为空');
      else input.title = sheet.title;
      if (sheet.lead) {
        const lead = directory.byName(sheet.lead);
        if (lead) input.leadDepartmentCode = lead.code;
        else fail(LEDGER_COLUMNS.lead, `未知部门“${sheet.lead}”`);
      } else if (task.leadDepartmentId) {
        fail(LEDGER_COLUMNS.lead, '不能清空牵头单位');
      }
      const co: string[] = [];
      for (const name of sheet.co) {
        const d = directory.byName(name);
        if (d) co.push(d.code);
        else fail(LEDGER_COLUMNS.co, `未知部门“${name}”`);
      }
      input.coDepartmentCodes = co;
      if (sheet.deadline.kind === 'date') {
        if (sheet.deadline.date !== task.dueDate) input.dueDate = sheet.deadline.date;
      } else if (sheet.deadline.kind === 'text' && sheet.deadline.text !== deadlineDisplay(task)) {
        input.deadlineText = sheet.deadline.text;
      }
      // The imported sheet is the office's dispatch list (it previewed it): a draft with a lead is 交办.
      input.dispatch = Boolean(input.leadDepartmentCode ?? task.leadDepartmentId);
      planned.push({ sheet, task, input });
    }
    return planned;
  }

  private previewRow(p: PlannedRow, ctx: AssignmentContext, errors: TaskImportError[]): TaskImportRowResponse {
    const resolved = resolveAssignment(p.task, p.input, ctx);
    errors.push(...resolved.problems.map((problem) => toError(p.sheet.row, problem)));
    return {
      row: p.sheet.row,
      taskId: p.task.id,
      code: p.task.code,
      title: p.task.title,
      changes: resolved.problems.length > 0 ? [] : describeChanges(p.task, resolved.write, ctx.directory),
    };
  }
}

function describeChanges(task: TaskRow, write: TaskWrite, directory: DepartmentDirectory): TaskImportChange[] {
  const name = (id: string | null) => (id ? (directory.byId(id)?.name ?? id) : null);
  const changes: TaskImportChange[] = [];
  if (write.title !== undefined) changes.push({ field: 'title', column: LEDGER_COLUMNS.title, from: task.title, to: write.title });
  if (write.leadDepartmentId !== undefined) {
    changes.push({ field: 'leadDepartment', column: LEDGER_COLUMNS.lead, from: name(task.leadDepartmentId), to: name(write.leadDepartmentId) });
  }
  if (write.coDepartmentIds !== undefined) {
    const names = (ids: string[]) => ids.map((id) => name(id)).join('、') || null;
    changes.push({ field: 'coDepartments', column: LEDGER_COLUMNS.co, from: names(task.coDepartmentIds), to: names(write.coDepartmentIds) });
  }
  if (write.dueDate !== undefined || write.deadlineText !== undefined) {
    const after = {
      deadlineText: write.deadlineText !== undefined ? write.deadlineText : task.deadlineText,
      dueDate: write.dueDate !== undefined ? write.dueDate : task.dueDate,
    };
    const show = (t: typeof after) => {
      const text = deadlineDisplay(t);
      return text && t.dueDate && text !== t.dueDate ? `${text}（${t.dueDate}）` : text || null;
    };
    changes.push({ field: 'deadline', column: LEDGER_COLUMNS.deadline, from: show(task), to: show(after) });
  }
  if (write.status !== undefined) {
    changes.push({ field: 'status', column: LEDGER_COLUMNS.status, from: TASK_STATE_LABELS[task.status], to: TASK_STATE_LABELS[write.status] });
  }
  return changes;
}

function toError(row: number, problem: TaskFieldProblem): TaskImportError {
  const column = COLUMN_OF_FIELD[problem.field] ?? problem.field;
  const message = problem.message.startsWith(`${problem.field}: `) ? problem.message.slice(problem.field.length + 2) : problem.message;
  return { row, column, message: `第${row}行 ${column}: ${message}` };
}

const sorted = (errors: TaskImportError[]) => [...errors].sort((a, b) => a.row - b.row);
