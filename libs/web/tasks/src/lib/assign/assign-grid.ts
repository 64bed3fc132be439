import { type BulkAssignItem, compareCodes, type TaskReportingCycle, type TaskResponse, type UpdateTaskRequest } from '@luoshi/contracts';

/** What the office changed in a row and has not saved yet (absent = unchanged). */
export interface RowEdit {
  lead?: string;
  co?: string[];
  /** A date (2027-06-30) or a phrase (2027年6月底, 每季度, 长期). */
  deadline?: string;
  cycle?: TaskReportingCycle;
}

/** Values from the bulk bar; null = keep each row's own value. */
export interface BulkValues {
  lead: string | null;
  co: string[] | null;
  deadline: string | null;
  cycle: TaskReportingCycle | null;
}

export interface GroupRow {
  kind: 'group';
  level: 'part' | 'section';
  key: string;
  code: string;
  title: string;
  taskIds: string[];
}

export interface TaskRow {
  kind: 'task';
  key: string;
  task: TaskResponse;
  /** 1 under a part, 2 under a section. */
  depth: 1 | 2;
}

export type GridRow = GroupRow | TaskRow;

/** One problem to show next to a row. */
export interface RowProblem {
  /** The API's field (deadlineText, leadDepartmentCode …), or '' for the row as a whole. */
  field: string;
  message: string;
  /** 409: someone else changed the task; the row offers a reload. */
  stale?: boolean;
}

/** Task codes compare like plan codes, a split task's suffix (2.3.1-2) as one more part after its measure's. */
export function compareTaskCodes(a: string, b: string): number {
  return compareCodes(a, b, /[.-]/);
}

/**
 * The plan's tasks under their part and section headings (measure tree order). `titles` maps a
 * part's or section's code to its title; tasks without a section sit right under their part.
 */
export function buildGridRows(tasks: readonly TaskResponse[], titles: ReadonlyMap<string, string>): GridRow[] {
  const byPart = new Map<string, Map<string, TaskResponse[]>>();
  for (const task of tasks) {
    const part = task.partCode ?? '';
    const sections = byPart.get(part) ?? new Map<string, TaskResponse[]>();
    const section = task.sectionCode ?? '';
    sections.set(section, [...(sections.get(section) ?? []), task]);
    byPart.set(part, sections);
  }
  const rows: GridRow[] = [];
  for (const part of [...byPart.keys()].sort(compareTaskCodes)) {
    const sections = byPart.get(part) ?? new Map<string, TaskResponse[]>();
    const partTasks = [...sections.values()].flat();
    rows.push({ kind: 'group', level: 'part', key: `part:${part}`, code: part, title: titles.get(part) ?? '', taskIds: partTasks.map((t) => t.id) });
    // Tasks straight under the part first, then each section.
    for (const section of [...sections.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : compareTaskCodes(a, b)))) {
      const list = [...(sections.get(section) ?? [])].sort((a, b) => compareTaskCodes(a.code, b.code));
      if (section !== '') {
        rows.push({ kind: 'group', level: 'section', key: `section:${section}`, code: section, title: titles.get(section) ?? '', taskIds: list.map((t) => t.id) });
      }
      for (const task of list) rows.push({ kind: 'task', key: task.id, task, depth: section === '' ? 1 : 2 });
    }
  }
  return rows;
}

/** The deadline as the grid shows it for editing: the phrase if there is one, else the date. */
export function deadlineOf(task: Pick<TaskResponse, 'deadlineText' | 'dueDate'>): string {
  return task.deadlineText ?? task.dueDate ?? '';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date goes as dueDate, anything else as deadlineText for the API to parse; blank sends nothing. */
export function deadlineFields(text: string): Pick<UpdateTaskRequest, 'dueDate' | 'deadlineText'> {
  const value = text.trim();
  if (!value) return {};
  return ISO_DATE.test(value) ? { dueDate: value } : { deadlineText: value };
}

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((code) => b.includes(code));

/** The edit without the fields that equal the task's current values (an empty result = not dirty). */
export function normalizeEdit(task: TaskResponse, edit: RowEdit): RowEdit {
  const out: RowEdit = {};
  if (edit.lead !== undefined && edit.lead !== (task.leadDepartment?.code ?? undefined)) out.lead = edit.lead;
  if (edit.co !== undefined && !sameCodes(edit.co, task.coDepartments.map((d) => d.code))) out.co = edit.co;
  if (edit.deadline !== undefined && edit.deadline.trim() !== '' && edit.deadline.trim() !== deadlineOf(task)) out.deadline = edit.deadline.trim();
  if (edit.cycle !== undefined && edit.cycle !== task.reportingCycle) out.cycle = edit.cycle;
  return out;
}

export function isDirty(task: TaskResponse, edit: RowEdit | undefined): boolean {
  return edit !== undefined && Object.keys(normalizeEdit(task, edit)).length > 0;
}

/** PATCH body for a row's changes (version-checked). */
export function patchFor(task: TaskResponse, edit: RowEdit): UpdateTaskRequest {
  const changes = normalizeEdit(task, edit);
  return {
    version: task.version,
    ...(changes.lead !== undefined ? { leadDepartmentCode: changes.lead } : {}),
    ...(changes.co !== undefined ? { coDepartmentCodes: changes.co } : {}),
    ...(changes.deadline !== undefined ? deadlineFields(changes.deadline) : {}),
    ...(changes.cycle !== undefined ? { reportingCycle: changes.cycle } : {}),
  };
}

/**
 * One bulk-assign item: the bulk bar's values win, then the row's unsaved edits, then what the task
 * has. Null when the row ends up without a lead department (the API requires one).
 */
export function bulkItemFor(task: TaskResponse, edit: RowEdit | undefined, bulk: BulkValues): BulkAssignItem | null {
  const own = edit ? normalizeEdit(task, edit) : {};
  const lead = bulk.lead ?? own.lead ?? task.leadDepartment?.code ?? null;
  if (!lead) return null;
  const co = bulk.co ?? own.co;
  const deadline = bulk.deadline?.trim() || own.deadline;
  const cycle = bulk.cycle ?? own.cycle;
  return {
    taskId: task.id,
    version: task.version,
    leadDepartmentCode: lead,
    ...(co !== undefined ? { coDepartmentCodes: co } : {}),
    ...(deadline ? deadlineFields(deadline) : {}),
    ...(cycle !== undefined ? { reportingCycle: cycle } : {}),
  };
}

interface ErrorLike {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "deadlineText: 无法识别…" → "无法识别…" (the field is shown by its label instead). */
export function stripField(message: string, field: string): string {
  const prefix = `${field}: `;
  return field && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The problem a failed PATCH of one row reports. */
export function rowProblem(error: ErrorLike & { messageEn?: string }, text: string): RowProblem {
  const details = isRecord(error.details) ? error.details : {};
  const field = typeof details['field'] === 'string' ? details['field'] : '';
  return { field, message: stripField(text, field), stale: error.code === 'TASK_STALE_VERSION' || undefined };
}

/**
 * Per-row problems of a refused bulk-assign, keyed by task id (`taskIds[i]` is items[i]). Handles the
 * API's item problems (TASK_BULK_INVALID), a stale item (TASK_BULK_STALE_VERSION) and request
 * validation (VALIDATION_FAILED, fields like items.0.deadlineText). Null when the error names no item.
 */
export function bulkProblems(error: ErrorLike, taskIds: readonly string[]): Map<string, RowProblem[]> | null {
  const out = new Map<string, RowProblem[]>();
  const add = (index: number, problem: RowProblem) => {
    const id = taskIds[index];
    if (id !== undefined) out.set(id, [...(out.get(id) ?? []), problem]);
  };
  const details = error.details;
  if (error.code === 'TASK_BULK_INVALID' && isRecord(details) && Array.isArray(details['problems'])) {
    for (const p of details['problems']) {
      if (!isRecord(p) || typeof p['index'] !== 'number') continue;
      const field = typeof p['field'] === 'string' ? p['field'] : '';
      add(p['index'], { field, message: stripField(String(p['message'] ?? ''), field) });
    }
  } else if (error.code === 'TASK_BULK_STALE_VERSION' && isRecord(details) && typeof details['index'] === 'number') {
    add(details['index'], { field: 'version', message: error.message, stale: true });
  } else if (error.code === 'VALIDATION_FAILED' && Array.isArray(details)) {
    for (const d of details) {
      if (!isRecord(d) || typeof d['field'] !== 'string') continue;
      const match = /^items\.(\d+)\.(\w+)/.exec(d['field']);
      if (!match) continue;
      const problems = Array.isArray(d['problems']) ? d['problems'].map(String) : [];
      add(Number(match[1]), { field: match[2] ?? '', message: problems.join('；') || error.message });
    }
  }
  return out.size > 0 ? out : null;
}

/** Who a 交办 will tell: each department once, lead before co, with how many of the tasks it gets. */
export interface DispatchTarget {
  code: string;
  name: string;
  role: 'lead' | 'co';
  tasks: number;
}

export function dispatchTargets(items: readonly BulkAssignItem[], nameOf: (code: string) => string): DispatchTarget[] {
  const targets = new Map<string, DispatchTarget>();
  const add = (code: string, role: 'lead' | 'co') => {
    const key = `${role}:${code}`;
    const t = targets.get(key) ?? { code, name: nameOf(code), role, tasks: 0 };
    t.tasks++;
    targets.set(key, t);
  };
  for (const item of items) {
    add(item.leadDepartmentCode, 'lead');
    for (const co of item.coDepartmentCodes ?? []) if (co !== item.leadDepartmentCode) add(co, 'co');
  }
  return [...targets.values()].sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === 'lead' ? -1 : 1));
}

/** 省交通运输厅（牵头 2 项）、杭州市（配合 1 项）— for the confirmation and the toast. */
export function targetsText(targets: readonly { name: string; role: 'lead' | 'co'; tasks: number; users?: number }[], labels: { lead: string; co: string; people: string }): string {
  return targets
    .map((t) => `${t.name}（${t.role === 'lead' ? labels.lead : labels.co} ${t.tasks}${t.users !== undefined ? `，${t.users}${labels.people}` : ''}）`)
    .join('、');
}
