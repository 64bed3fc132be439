import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { EMPTY, expand, map, type Observable, reduce } from 'rxjs';
import {
  type BulkAssignItem,
  type BulkAssignResponse,
  type DepartmentSuggestionResponse,
  type GenerateTasksResponse,
  type InstructionListResponse,
  type InstructionState,
  type ReassignTaskRequest,
  TaskApiPaths,
  type TaskDetailResponse,
  type TaskEventResponse,
  type TaskImportResponse,
  type TaskInstructionResponse,
  type TaskListQuery,
  type TaskPageResponse,
  type TaskResponse,
  type UpdateTaskRequest,
  type UrgeTaskResponse,
} from '@luoshi/contracts';
import { queryParams } from './query-params';

/** The office's lifecycle calls that take a reason (暂停, 恢复, 撤销); 退办 is the lead department's. */
export type TaskReasonAction = 'return' | 'suspend' | 'resume' | 'cancel';

/** The largest page GET /api/tasks serves. */
export const TASK_PAGE_MAX = 100;

const taskPath = (id: string, rest = '') => `${TaskApiPaths.task(encodeURIComponent(id))}${rest}`;

/** Tasks: generation, the list and detail, assignment (single, bulk, spreadsheet), the lifecycle, instructions, comments, urging. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  list(query: TaskListQuery): Observable<TaskPageResponse> {
    return this.http.get<TaskPageResponse>(TaskApiPaths.tasks, { params: queryParams(query) });
  }

  /** Every task matching the query, fetched page by page (the API serves at most 100 a page). */
  listAll(query: Omit<TaskListQuery, 'page' | 'pageSize'>): Observable<TaskResponse[]> {
    const page = (n: number) => this.list({ ...query, page: n, pageSize: TASK_PAGE_MAX });
    return page(1).pipe(
      expand((result) => (result.page * result.pageSize < result.total ? page(result.page + 1) : EMPTY)),
      reduce((all, result) => all.concat(result.items), [] as TaskResponse[]),
    );
  }

  /** How many tasks match (one row fetched). */
  count(query: TaskListQuery): Observable<number> {
    return this.list({ ...query, page: 1, pageSize: 1 }).pipe(map((result) => result.total));
  }

  get(id: string): Observable<TaskDetailResponse> {
    return this.http.get<TaskDetailResponse>(taskPath(id));
  }

  /** One draft per measure without a task (idempotent). */
  generate(planId: string): Observable<GenerateTasksResponse> {
    return this.http.post<GenerateTasksResponse>(TaskApiPaths.generate(encodeURIComponent(planId)), null);
  }

  /** Version-checked: 409 TASK_STALE_VERSION with details.currentVersion. */
  update(id: string, body: UpdateTaskRequest): Observable<TaskResponse> {
    return this.http.patch<TaskResponse>(taskPath(id), body);
  }

  /** All or nothing: 400 TASK_BULK_INVALID lists details.problems[{index, field, message}]; 409 TASK_BULK_STALE_VERSION names the index. */
  /** `dispatch`: 交办 the drafts among the items (their departments are told); otherwise only saved. */
  bulkAssign(items: BulkAssignItem[], dispatch = false): Observable<BulkAssignResponse> {
    return this.http.post<BulkAssignResponse>(TaskApiPaths.bulkAssign, { items, dispatch });
  }

  suggestions(id: string): Observable<DepartmentSuggestionResponse[]> {
    return this.http.get<DepartmentSuggestionResponse[]>(taskPath(id, '/suggestions'));
  }

  split(id: string, titles: string[], version?: number): Observable<TaskResponse[]> {
    return this.http.post<TaskResponse[]>(taskPath(id, '/split'), { titles, version });
  }

  accept(id: string, version?: number): Observable<TaskResponse> {
    return this.http.post<TaskResponse>(taskPath(id, '/accept'), { version });
  }

  /** 退办 (return), 暂停, 恢复, 撤销: each with a reason. */
  transition(id: string, action: TaskReasonAction, reason: string, version?: number): Observable<TaskResponse> {
    return this.http.post<TaskResponse>(taskPath(id, `/${action}`), { reason, version });
  }

  reassign(id: string, body: ReassignTaskRequest): Observable<TaskResponse> {
    return this.http.post<TaskResponse>(taskPath(id, '/reassign'), body);
  }

  instruct(id: string, text: string): Observable<TaskInstructionResponse> {
    return this.http.post<TaskInstructionResponse>(taskPath(id, '/instructions'), { text });
  }

  /** The 批示 page: a leader's own instructions (office roles and viewers: everyone's), newest first. */
  instructions(query: { state: InstructionState; page: number; pageSize: number }): Observable<InstructionListResponse> {
    return this.http.get<InstructionListResponse>(TaskApiPaths.instructions, { params: { state: query.state, page: query.page, pageSize: query.pageSize } });
  }

  answer(id: string, instructionId: string, text: string): Observable<TaskInstructionResponse> {
    return this.http.post<TaskInstructionResponse>(taskPath(id, `/instructions/${encodeURIComponent(instructionId)}/answer`), { text });
  }

  comment(id: string, text: string): Observable<TaskEventResponse> {
    return this.http.post<TaskEventResponse>(taskPath(id, '/comments'), { text });
  }

  urge(id: string, message: string): Observable<UrgeTaskResponse> {
    return this.http.post<UrgeTaskResponse>(taskPath(id, '/urge'), { message });
  }

  /** The ledger (任务台账) as .xlsx, filtered like the list. */
  exportLedger(query: TaskListQuery): Observable<Blob> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return this.http.get(TaskApiPaths.exportXlsx, { params: queryParams(filters), responseType: 'blob' });
  }

  /** Dry run answers the diff and every row error; a commit applies all rows or answers 400 TASK_IMPORT_INVALID. */
  importAssignments(file: File, options: { dryRun: boolean; planId?: string | null }): Observable<TaskImportResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    let params = new HttpParams().set('dryRun', String(options.dryRun));
    if (options.planId) params = params.set('planId', options.planId);
    return this.http.post<TaskImportResponse>(TaskApiPaths.importAssignments, body, { params });
  }
}
