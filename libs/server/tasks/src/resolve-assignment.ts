import { TASK_REPORTING_CYCLES, type TaskReportingCycle, type UpdateTaskRequest } from '@luoshi/contracts';
import { CalendarError, DATE_WINDOW, isDateInWindow, parseDeadlinePhrase, type WorkingDayCalendar } from '@luoshi/domain/calendar';
import { isTerminalTaskState, type TaskState, transitionTask } from '@luoshi/domain/workflow';
import type { DepartmentDirectory } from './department-directory';
import { TaskErrorCode, type TaskFieldProblem } from './task.exception';
import type { TaskRow, TaskWrite } from './task-row';

/**
 * What the office asks to change (PATCH, one bulk item, one spreadsheet row): the fields of a PATCH,
 * with the reporting cycle as any text (a spreadsheet's cell), checked here.
 */
export interface AssignmentInput extends Omit<UpdateTaskRequest, 'version' | 'reportingCycle'> {
  reportingCycle?: string;
}

export interface AssignmentContext {
  directory: DepartmentDirectory;
  calendar: WorkingDayCalendar;
  today: string;
  /** Users named as owner: their department, and whether they are active. */
  owners: ReadonlyMap<string, { departmentId: string | null; active: boolean }>;
}

export interface ResolvedAssignment {
  /** Only the columns that change. Empty when nothing changes. */
  write: TaskWrite;
  /** True when this change dispatches a draft (draft → assigned, 交办). */
  assigns: boolean;
  problems: TaskFieldProblem[];
}

/** States in which the deadline is still the office's to set; later it changes only by an approved extension. */
const DEADLINE_OPEN: readonly TaskState[] = ['draft', 'assigned'];
/** States in which the lead department may still be edited; later it takes a reassignment (改派). */
const LEAD_OPEN: readonly TaskState[] = ['draft', 'assigned'];

const problem = (
  status: 400 | 409,
  code: TaskErrorCode,
  field: string,
  message: string,
  messageEn: string,
  details?: Record<string, unknown>,
): TaskFieldProblem => ({ status, code, field, message: `${field}: ${message}`, messageEn: `${field}: ${messageEn}`, details });

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Checks an assignment against the task and the directory and works out what to write. Pure:
 * every problem is returned (with the field it concerns), nothing is thrown, nothing is written.
 */
export function resolveAssignment(task: TaskRow, input: AssignmentInput, ctx: AssignmentContext): ResolvedAssignment {
  const problems: TaskFieldProblem[] = [];
  const write: TaskWrite = {};

  if (isTerminalTaskState(task.status)) {
    problems.push(problem(409, TaskErrorCode.CLOSED, 'status', `任务已${task.status === 'completed' ? '办结' : '撤销'}，不能再修改`, 'the task is closed'));
    return { write, assigns: false, problems };
  }

  if (input.title !== undefined) {
    const title = input.title.trim();
    if (!title || title.length > 500) problems.push(problem(400, TaskErrorCode.BAD_TITLE, 'title', '任务名称不能为空且不超过500字', 'title must be 1–500 characters'));
    else if (title !== task.title) write.title = title;
  }

  // Departments.
  let leadId = task.leadDepartmentId;
  if (input.leadDepartmentCode !== undefined) {
    const lead = ctx.directory.byCode(input.leadDepartmentCode);
    if (!lead) {
      problems.push(unknownDepartment('leadDepartmentCode', input.leadDepartmentCode));
    } else if (lead.id !== task.leadDepartmentId) {
      if (!LEAD_OPEN.includes(task.status)) {
        problems.push(
          problem(409, TaskErrorCode.LEAD_LOCKED, 'leadDepartmentCode', '任务已签收，更换牵头单位请使用“改派”', 'the task was accepted; use reassign to change the lead department'),
        );
      } else {
        leadId = lead.id;
        write.leadDepartmentId = lead.id;
      }
    }
  }
  if (input.coDepartmentCodes !== undefined || write.leadDepartmentId !== undefined) {
    const co: string[] = [];
    const codes = input.coDepartmentCodes ?? task.coDepartmentIds.map((id) => ctx.directory.byId(id)?.code ?? id);
    for (const code of codes) {
      const d = ctx.directory.byCode(code);
      if (!d) problems.push(unknownDepartment('coDepartmentCodes', code));
      // The lead is not also a co-department; duplicates collapse.
      else if (d.id !== leadId && !co.includes(d.id)) co.push(d.id);
    }
    if (!sameSet(co, task.coDepartmentIds)) write.coDepartmentIds = co;
  }

  if (input.ownerUserId !== undefined && input.ownerUserId !== task.ownerUserId) {
    if (input.ownerUserId === null) {
      write.ownerUserId = null;
    } else {
      const owner = ctx.owners.get(input.ownerUserId);
      if (!owner || !owner.active) {
        problems.push(problem(400, TaskErrorCode.BAD_OWNER, 'ownerUserId', `用户不存在或已停用：${input.ownerUserId}`, 'unknown or inactive user'));
      } else if (owner.departmentId !== leadId) {
        problems.push(problem(400, TaskErrorCode.BAD_OWNER, 'ownerUserId', '责任人须为牵头单位的人员', 'the owner must belong to the lead department'));
      } else {
        write.ownerUserId = input.ownerUserId;
      }
    }
  }

  if (input.reportingCycle !== undefined) {
    if (!(TASK_REPORTING_CYCLES as readonly string[]).includes(input.reportingCycle)) {
      problems.push(
        problem(400, TaskErrorCode.UNKNOWN_CYCLE, 'reportingCycle', `未知的报送周期“${input.reportingCycle}”，应为 ${TASK_REPORTING_CYCLES.join('、')}`, `unknown cycle "${input.reportingCycle}"`),
      );
    } else if (input.reportingCycle !== task.reportingCycle) {
      write.reportingCycle = input.reportingCycle as TaskReportingCycle;
    }
  }

  resolveDeadline(task, input, ctx, write, problems);

  // 交办: only when asked; a draft needs its lead department first. Saving keeps a draft a draft.
  if (input.dispatch && task.status === 'draft' && leadId === null && !problems.some((p) => p.field === 'leadDepartmentCode')) {
    problems.push(problem(400, TaskErrorCode.NO_LEAD_DEPARTMENT, 'leadDepartmentCode', '交办前须指定牵头单位', 'a lead department is needed to dispatch the task'));
  }
  const assigns = input.dispatch === true && task.status === 'draft' && leadId !== null && problems.length === 0;
  if (assigns) {
    write.status = transitionTask(task.status, 'assign').state;
    write.returnedReason = null;
    write.returnedAt = null;
    const start = write.startDate !== undefined ? write.startDate : task.startDate;
    if (start === null) {
      const due = write.dueDate !== undefined ? write.dueDate : task.dueDate;
      // Work starts on the day of assignment, unless the deadline is already earlier.
      write.startDate = due !== null && due < ctx.today ? due : ctx.today;
    }
  }
  return { write, assigns, problems };
}

function resolveDeadline(task: TaskRow, input: AssignmentInput, ctx: AssignmentContext, write: TaskWrite, problems: TaskFieldProblem[]): void {
  if (input.dueDate !== undefined && input.deadlineText !== undefined) {
    problems.push(problem(400, TaskErrorCode.DEADLINE_CONFLICT, 'deadlineText', 'dueDate 与 deadlineText 只能填写一个', 'give dueDate or deadlineText, not both'));
    return;
  }
  let start = task.startDate;
  let due = task.dueDate;
  let text = task.deadlineText;
  if (input.startDate !== undefined) {
    if (!isDateInWindow(input.startDate)) {
      problems.push(badDate('startDate', input.startDate));
      return;
    }
    start = input.startDate;
  }
  if (input.dueDate !== undefined) {
    if (input.dueDate !== null && !isDateInWindow(input.dueDate)) {
      problems.push(badDate('dueDate', input.dueDate));
      return;
    }
    due = input.dueDate;
    text = input.dueDate === null ? '长期' : null;
  }
  if (input.deadlineText !== undefined) {
    const phrase = input.deadlineText.trim();
    try {
      const parsed = parseDeadlinePhrase(phrase, ctx.calendar);
      text = phrase;
      if (parsed.kind === 'date') {
        if (!isDateInWindow(parsed.date)) {
          problems.push(badDate('deadlineText', parsed.date));
          return;
        }
        due = parsed.date;
      } else {
        due = null;
        // 每季度 as a deadline means a recurring task that reports on that cycle.
        if (parsed.kind === 'recurring' && input.reportingCycle === undefined && parsed.cycle !== task.reportingCycle) {
          write.reportingCycle = parsed.cycle;
        }
      }
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      problems.push(problem(400, TaskErrorCode.BAD_DEADLINE, 'deadlineText', error.message, `unreadable deadline "${phrase}"`));
      return;
    }
  }
  if (start !== null && due !== null && due < start) {
    problems.push(
      problem(400, TaskErrorCode.DEADLINE_BEFORE_START, 'dueDate', `完成时限 ${due} 早于开始日期 ${start}`, `due date ${due} is before the start date ${start}`, {
        startDate: start,
        dueDate: due,
      }),
    );
    return;
  }
  const datesChange = start !== task.startDate || due !== task.dueDate;
  if (datesChange && !DEADLINE_OPEN.includes(task.status)) {
    problems.push(
      problem(409, TaskErrorCode.DEADLINE_LOCKED, 'dueDate', '任务已签收，完成时限只能通过批准的延期申请变更', 'the task was accepted; the deadline changes only through an approved extension request'),
    );
    return;
  }
  if (start !== task.startDate) write.startDate = start;
  if (due !== task.dueDate) write.dueDate = due;
  if (text !== task.deadlineText) write.deadlineText = text;
}

/** Malformed, or outside 2000-01-01..2100-12-31: nothing is saved. */
function badDate(field: string, value: string): TaskFieldProblem {
  return problem(
    400,
    TaskErrorCode.BAD_DATE,
    field,
    `日期“${value}”无效：应为 ${DATE_WINDOW.min} 至 ${DATE_WINDOW.max} 之间的 YYYY-MM-DD 日期`,
    `invalid date "${value}": expected YYYY-MM-DD between ${DATE_WINDOW.min} and ${DATE_WINDOW.max}`,
  );
}

function unknownDepartment(field: string, code: string): TaskFieldProblem {
  return problem(400, TaskErrorCode.UNKNOWN_DEPARTMENT, field, `未知部门“${code}”`, `unknown department "${code}"`, { department: code });
}
