import type { TextsOf } from '@luoshi/web/core';
import type { HOME_ZH } from './home.translations.zh';

export const HOME_EN: TextsOf<typeof HOME_ZH> = {
  home: {
    deptTitle: 'Department workbench — {dept}',
    greeting: 'Hello, {name}',
    shortcuts: 'Shortcuts',
    departments: 'Departments',
    users: 'Users',
    activeUsers: 'Active accounts',
    recentAudit: 'Recent activity',
    upcoming: 'Coming next',
    upcomingOverview: 'Once task data is available, plans and task progress will be shown here read-only.',
    departmentInfo: 'Your department',
    aliases: 'Aliases',
    directoryByKind: 'Department directory',
    myTaskCounts: "My department's tasks",
    toAccept: 'To accept',
    inProgress: 'In progress',
    overdue: 'Overdue',
    returned: 'Returned',
    allMyTasks: 'All tasks',
    taskStatusCounts: 'Tasks by status',
    taskHealthCounts: 'Tasks by health',
    noTasksOffice: "No tasks yet: generate and assign a plan's tasks under Task assignment",
    goAssign: 'Assign tasks',
  },
};
