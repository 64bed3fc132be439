import type { WorkflowError } from '@luoshi/domain/workflow';
import { DomainException, PagingException } from '@luoshi/server/platform';

export enum TaskErrorCode {
  NOT_FOUND = 'TASK_NOT_FOUND',
  PLAN_NOT_FOUND = 'TASK_PLAN_NOT_FOUND',
  FORBIDDEN = 'TASK_FORBIDDEN',
  SCOPE_FORBIDDEN = 'TASK_SCOPE_FORBIDDEN',
  STALE_VERSION = 'TASK_STALE_VERSION',
  INVALID_TRANSITION = 'TASK_INVALID_TRANSITION',
  DEADLINE_BEFORE_START = 'TASK_DEADLINE_BEFORE_START',
  DEADLINE_LOCKED = 'TASK_DEADLINE_LOCKED',
  LEAD_LOCKED = 'TASK_LEAD_LOCKED',
  CLOSED = 'TASK_CLOSED',
  NOT_URGEABLE = 'TASK_NOT_URGEABLE',
  NOT_DRAFT = 'TASK_NOT_DRAFT',
  NO_LEAD_DEPARTMENT = 'TASK_NO_LEAD_DEPARTMENT',
  UNKNOWN_DEPARTMENT = 'TASK_UNKNOWN_DEPARTMENT',
  UNKNOWN_CYCLE = 'TASK_UNKNOWN_CYCLE',
  BAD_DATE = 'TASK_BAD_DATE',
  BAD_DEADLINE = 'TASK_BAD_DEADLINE',
  DEADLINE_CONFLICT = 'TASK_DEADLINE_CONFLICT',
  BAD_OWNER = 'TASK_BAD_OWNER',
  BAD_FILTER = 'TASK_BAD_FILTER',
  BAD_TITLE = 'TASK_BAD_TITLE',
  BULK_INVALID = 'TASK_BULK_INVALID',
  BULK_STALE_VERSION = 'TASK_BULK_STALE_VERSION',
  INSTRUCTION_NOT_FOUND = 'TASK_INSTRUCTION_NOT_FOUND',
  INSTRUCTION_ANSWERED = 'TASK_INSTRUCTION_ANSWERED',
  IMPORT_FILE_MISSING = 'TASK_IMPORT_FILE_MISSING',
  IMPORT_FILE_INVALID = 'TASK_IMPORT_FILE_INVALID',
  IMPORT_COLUMN_MISSING = 'TASK_IMPORT_COLUMN_MISSING',
  IMPORT_INVALID = 'TASK_IMPORT_INVALID',
}

/** One problem with one field of an assignment, before it becomes an exception. */
export interface TaskFieldProblem {
  status: 400 | 409;
  code: TaskErrorCode;
  field: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
}

export class TaskException extends DomainException {
  static notFound(id: string) {
    return TaskException.missing(TaskErrorCode.NOT_FOUND, { zh: '任务', en: 'Task' }, id);
  }
  static planNotFound(id: string) {
    return TaskException.missing(TaskErrorCode.PLAN_NOT_FOUND, { zh: '计划', en: 'Plan' }, id);
  }
  static forbidden(reason: string, reasonEn: string) {
    return new TaskException(403, TaskErrorCode.FORBIDDEN, reason, reasonEn);
  }
  static scopeForbidden() {
    return new TaskException(
      403,
      TaskErrorCode.SCOPE_FORBIDDEN,
      '部门用户只能查看本单位牵头或配合的任务（scope=mine）',
      'Department users can only list the tasks their department leads or co-handles (scope=mine)',
    );
  }
  static staleVersion(currentVersion: number, sentVersion: number) {
    return new TaskException(
      409,
      TaskErrorCode.STALE_VERSION,
      `任务已被他人修改（当前版本 ${currentVersion}，提交版本 ${sentVersion}），请刷新后重试`,
      `The task changed meanwhile (current version ${currentVersion}, sent ${sentVersion}); reload and retry`,
      { currentVersion },
    );
  }
  static invalidTransition(error: WorkflowError) {
    return TaskException.passThrough(409, TaskErrorCode.INVALID_TRANSITION, error);
  }
  /** The paged lists' refusal of a page too deep, under the task list's filter code. */
  static pageTooDeep(rows: number) {
    return TaskException.passThrough(400, TaskErrorCode.BAD_FILTER, PagingException.tooDeep(rows));
  }
  static badCursor() {
    return TaskException.badField(TaskErrorCode.BAD_FILTER, 'after', '无效的翻页游标（请使用同一排序下返回的 nextCursor）', 'not a cursor of this sort (use the nextCursor of the same sort)');
  }
  static fromProblem(p: TaskFieldProblem) {
    return new TaskException(p.status, p.code, p.message, p.messageEn, { field: p.field, ...p.details });
  }
  static notDraft(action: string, actionEn: string) {
    return new TaskException(409, TaskErrorCode.NOT_DRAFT, `只有草稿状态的任务才能${action}`, `Only draft tasks can be ${actionEn}`);
  }
  static noLeadDepartment() {
    return new TaskException(409, TaskErrorCode.NO_LEAD_DEPARTMENT, '任务尚未指定牵头单位', 'The task has no lead department yet');
  }
  static bulkInvalid(problems: (TaskFieldProblem & { index: number })[]) {
    const summary = problems.map((p) => `第${p.index + 1}项（items[${p.index}]）${p.message}`).join('；');
    return new TaskException(
      400,
      TaskErrorCode.BULK_INVALID,
      `批量交办未执行：${summary}`,
      `Bulk assignment refused, nothing written: ${problems.map((p) => `items[${p.index}].${p.field}: ${p.messageEn}`).join('; ')}`,
      { problems: problems.map((p) => ({ index: p.index, field: p.field, code: p.code, message: p.message })) },
    );
  }
  static bulkStale(index: number, currentVersion: number) {
    return new TaskException(
      409,
      TaskErrorCode.BULK_STALE_VERSION,
      `批量交办未执行：第${index + 1}项（items[${index}]）任务已被他人修改（当前版本 ${currentVersion}），请刷新后重试`,
      `Bulk assignment refused: items[${index}] is stale (current version ${currentVersion})`,
      { index, field: 'version', currentVersion },
    );
  }
  static notUrgeable() {
    return new TaskException(409, TaskErrorCode.NOT_URGEABLE, '只能催办已交办且未办结的任务', 'Only assigned, open tasks can be urged');
  }
  static closed() {
    return new TaskException(409, TaskErrorCode.CLOSED, '任务已办结或撤销', 'The task is completed or cancelled');
  }
  static instructionNotFound(id: string) {
    return TaskException.missing(TaskErrorCode.INSTRUCTION_NOT_FOUND, { zh: '批示', en: 'Instruction' }, id);
  }
  static instructionAnswered() {
    return new TaskException(409, TaskErrorCode.INSTRUCTION_ANSWERED, '该批示已答复', 'The instruction has already been answered');
  }
  static importFileMissing() {
    return new TaskException(400, TaskErrorCode.IMPORT_FILE_MISSING, '请上传 .xlsx 文件（表单字段 file）', 'Upload an .xlsx file as multipart field "file"');
  }
  static importFileInvalid(reason: string) {
    return new TaskException(400, TaskErrorCode.IMPORT_FILE_INVALID, `不是有效的 .xlsx 文件：${reason}`, `Not a valid .xlsx file: ${reason}`);
  }
  static importColumnsMissing(columns: string[], headerRow: number) {
    return new TaskException(
      400,
      TaskErrorCode.IMPORT_COLUMN_MISSING,
      `第${headerRow}行 表头缺少列：${columns.join('、')}`,
      `Header row ${headerRow} lacks the column(s): ${columns.join(', ')}`,
      { row: headerRow, columns },
    );
  }
  static importInvalid(errors: { row: number; column: string; message: string }[]) {
    return new TaskException(
      400,
      TaskErrorCode.IMPORT_INVALID,
      `导入未执行，共 ${errors.length} 处错误：${errors.slice(0, 20).map((e) => e.message).join('；')}`,
      `Import refused, nothing written: ${errors.length} error(s)`,
      { errors },
    );
  }
}
