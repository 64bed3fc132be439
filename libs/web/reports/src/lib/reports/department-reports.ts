import { from, map, mergeMap, type Observable, of, switchMap, toArray } from 'rxjs';
import type { ProgressReportResponse, TaskResponse } from '@luoshi/contracts';
import type { TasksApi } from '@luoshi/web/core';
import { type ReportsApi } from '../api/reports.api';

/** Task statuses whose reporting periods have drafts (the API creates them for accepted / in-progress tasks). */
const REPORTING_STATUSES = new Set<TaskResponse['status']>(['accepted', 'in_progress', 'completion_requested', 'completed', 'suspended']);

export interface DepartmentReport {
  report: ProgressReportResponse;
  task: TaskResponse;
  /** My department leads the task (else it co-handles it). */
  lead: boolean;
  /** Something for my department to do: fill in / revise (lead) or contribute (co, not yet done). */
  todo: boolean;
}

/**
 * Every report of the tasks the caller's department leads or co-handles, read task by task
 * (GET /api/tasks/:id/reports creates the due drafts on the way), four at a time.
 */
export function departmentReports(tasksApi: TasksApi, reportsApi: ReportsApi, departmentId: string | undefined): Observable<DepartmentReport[]> {
  return tasksApi.listAll({ scope: 'mine' }).pipe(
    map((tasks) => tasks.filter((t) => t.reportingCycle !== 'none' && REPORTING_STATUSES.has(t.status))),
    switchMap((tasks) =>
      tasks.length === 0
        ? of([] as DepartmentReport[][])
        : from(tasks).pipe(
            mergeMap((task) => reportsApi.taskReports(task.id).pipe(map((reports) => reports.map((report) => toRow(report, task, departmentId)))), 4),
            toArray(),
          ),
    ),
    map((groups) => groups.flat()),
  );
}

function toRow(report: ProgressReportResponse, task: TaskResponse, departmentId: string | undefined): DepartmentReport {
  const lead = task.leadDepartment?.id === departmentId;
  const contributed = report.contributions.some((c) => c.department.id === departmentId);
  const todo = lead ? report.allowedActions.includes('edit') : report.allowedActions.includes('contribute') && !contributed;
  return { report, task, lead, todo };
}

/** To-do first by due date, then the code. */
export const byDueDate = (a: DepartmentReport, b: DepartmentReport) =>
  a.report.dueDate.localeCompare(b.report.dueDate) || a.task.code.localeCompare(b.task.code, 'en', { numeric: true });
