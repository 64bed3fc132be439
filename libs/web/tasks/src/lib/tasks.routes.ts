import type { CanDeactivateFn, Routes } from '@angular/router';
import { roleGuard } from '@luoshi/web/core';
import { TaskAssignPage } from './assign/task-assign.page';
import { TaskDetailPage } from './detail/task-detail.page';
import { InstructionsPage } from './instructions/instructions.page';
import { TaskListPage } from './list/task-list.page';

const leaveAssignGrid: CanDeactivateFn<TaskAssignPage> = (page) => page.confirmLeave();

/** /tasks/* — every task for office roles, leaders and viewers; the assignment grid for office_admin; one task for whoever may see it. */
export const TASK_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    component: TaskListPage,
    title: 'nav.tasks',
    canActivate: [roleGuard('office_admin', 'office_reviewer', 'leader', 'viewer')],
    data: { scope: 'all' },
  },
  { path: 'assign', component: TaskAssignPage, title: 'nav.taskAssign', canActivate: [roleGuard('office_admin')], canDeactivate: [leaveAssignGrid] },
  // The API answers 403/404 for a task outside the caller's scope; the page shows that message.
  { path: ':taskId', component: TaskDetailPage, title: 'nav.taskDetail' },
];

/** /my-tasks — a department's tasks (guarded where mounted). */
export const MY_TASK_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: TaskListPage, title: 'nav.myTasks', data: { scope: 'mine' } }];

/** /instructions — 领导批示 (guarded where mounted: leaders). */
export const INSTRUCTION_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: InstructionsPage, title: 'nav.instructions' }];
