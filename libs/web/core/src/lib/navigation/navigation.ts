import { ROLES, type Role } from '@luoshi/contracts';
import type { TranslationKey } from '../i18n/translation-key';

export interface NavItem {
  /** Stable id, used as data-testid `nav-<id>`. */
  id: string;
  labelKey: TranslationKey;
  /** ng-zorro icon name (must be registered in the app's icon set). */
  icon: string;
  /** Router link; absent on a group. */
  link?: string;
  roles: readonly Role[];
  children?: readonly NavItem[];
  /** A role's home page: listed first and excluded from shortcuts. */
  home?: boolean;
}

const DEPT: readonly Role[] = ['dept_liaison', 'dept_head'];

/** The whole menu; each user sees the items for any role they hold, in this order. */
export const NAVIGATION: readonly NavItem[] = [
  { id: 'office-home', labelKey: 'nav.officeHome', icon: 'dashboard', link: '/office', roles: ['office_admin'], home: true },
  { id: 'reviewer-home', labelKey: 'nav.reviewerHome', icon: 'dashboard', link: '/review', roles: ['office_reviewer'], home: true },
  { id: 'cockpit', labelKey: 'nav.cockpit', icon: 'fund', link: '/cockpit', roles: ['leader'], home: true },
  { id: 'dept-home', labelKey: 'nav.deptHome', icon: 'dashboard', link: '/dept', roles: DEPT, home: true },
  { id: 'overview', labelKey: 'nav.overview', icon: 'eye', link: '/overview', roles: ['viewer'], home: true },
  { id: 'plan-import', labelKey: 'nav.planImport', icon: 'cloud-upload', link: '/plans/import', roles: ['office_admin'] },
  { id: 'plans', labelKey: 'nav.plans', icon: 'file-text', link: '/plans', roles: ROLES },
  { id: 'plan-corrections', labelKey: 'nav.planCorrections', icon: 'book', link: '/plans/corrections', roles: ['office_admin', 'office_reviewer'] },
  { id: 'task-assign', labelKey: 'nav.taskAssign', icon: 'apartment', link: '/tasks/assign', roles: ['office_admin'] },
  { id: 'approvals', labelKey: 'nav.approvals', icon: 'audit', link: '/approvals', roles: ['office_admin', 'office_reviewer', 'dept_head', 'leader'] },
  { id: 'tasks', labelKey: 'nav.tasks', icon: 'profile', link: '/tasks', roles: ['office_admin', 'office_reviewer', 'leader', 'viewer'] },
  { id: 'my-tasks', labelKey: 'nav.myTasks', icon: 'profile', link: '/my-tasks', roles: DEPT },
  { id: 'reports', labelKey: 'nav.reports', icon: 'form', link: '/reports', roles: DEPT },
  { id: 'special-action-plans', labelKey: 'nav.specialActionPlans', icon: 'solution', link: '/special-action-plans', roles: ['office_admin', 'office_reviewer', ...DEPT] },
  { id: 'instructions', labelKey: 'nav.instructions', icon: 'edit', link: '/instructions', roles: ['leader'] },
  // The leader's home (/cockpit) is the dashboard itself, so the leader has no second entry for it.
  { id: 'dashboard', labelKey: 'nav.dashboard', icon: 'fund', link: '/dashboard', roles: ['office_admin', 'office_reviewer', 'viewer', ...DEPT] },
  { id: 'indicators', labelKey: 'nav.indicators', icon: 'line-chart', link: '/indicators', roles: ROLES },
  { id: 'evaluation', labelKey: 'nav.evaluation', icon: 'trophy', link: '/evaluation', roles: ROLES },
  { id: 'bulletins', labelKey: 'nav.bulletins', icon: 'printer', link: '/bulletins', roles: ['office_admin', 'office_reviewer', 'leader'] },
  {
    id: 'directory',
    labelKey: 'nav.directory',
    icon: 'team',
    roles: ['office_admin'],
    children: [
      { id: 'users', labelKey: 'nav.users', icon: 'user', link: '/system/users', roles: ['office_admin'] },
      { id: 'departments', labelKey: 'nav.departments', icon: 'cluster', link: '/system/departments', roles: ['office_admin'] },
    ],
  },
  { id: 'audit', labelKey: 'nav.audit', icon: 'history', link: '/system/audit', roles: ['office_admin'] },
  { id: 'notifications', labelKey: 'nav.notifications', icon: 'bell', link: '/notifications', roles: ROLES },
  {
    id: 'settings',
    labelKey: 'nav.settings',
    icon: 'setting',
    roles: ROLES,
    children: [
      { id: 'reminder-settings', labelKey: 'nav.reminderSettings', icon: 'clock-circle', link: '/settings/reminders', roles: ['office_admin'] },
      { id: 'approval-templates', labelKey: 'nav.approvalTemplates', icon: 'partition', link: '/settings/approval-templates', roles: ['office_admin'] },
      { id: 'channel-settings', labelKey: 'nav.channelSettings', icon: 'notification', link: '/settings/channels', roles: ROLES },
      { id: 'calendar-settings', labelKey: 'nav.calendarSettings', icon: 'calendar', link: '/settings/calendar', roles: ROLES },
    ],
  },
];

/** The menu for a user holding `roles`; a group keeps only the children they may see. */
export function navigationFor(roles: readonly Role[], items: readonly NavItem[] = NAVIGATION): NavItem[] {
  const allowed = (item: NavItem): boolean => item.roles.some((role) => roles.includes(role));
  return items.filter(allowed).flatMap((item) => {
    if (!item.children) return [item];
    const children = navigationFor(roles, item.children);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

/** Leaf entries (groups flattened), e.g. for shortcut cards on a home page. */
export function navigationLeaves(items: readonly NavItem[]): NavItem[] {
  return items.flatMap((item) => (item.children ? navigationLeaves(item.children) : [item]));
}
