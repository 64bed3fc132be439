import { inject } from '@angular/core';
import { type NavigationError, type RedirectCommand, Router, type Routes } from '@angular/router';
import { AuthService, homePathFor, roleGuard, signedInGuard, signedOutGuard } from '@luoshi/web/core';

const shell = () => import('@luoshi/web/shell');
const home = () => import('@luoshi/web/home');
const tasks = () => import('@luoshi/web/tasks');
const dashboards = () => import('@luoshi/web/dashboards');
const reports = () => import('@luoshi/web/reports');

const officeAdmin = roleGuard('office_admin');
const reviewer = roleGuard('office_reviewer');
const dept = roleGuard('dept_liaison', 'dept_head');

export const appRoutes: Routes = [
  { path: 'login', title: 'nav.login', canActivate: [signedOutGuard], loadComponent: () => import('@luoshi/web/auth').then((m) => m.LoginPage) },
  { path: 'error', title: 'nav.error', data: { status: '500', standalone: true }, loadComponent: () => shell().then((m) => m.StatusPage) },
  // No login: the public progress summary (404 from the API while the office has it off).
  { path: 'public', title: 'nav.publicSummary', loadComponent: () => dashboards().then((m) => m.PublicSummaryPage) },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    loadComponent: () => shell().then((m) => m.AppLayoutComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => homePathFor(inject(AuthService).roles()) },
      { path: 'office', title: 'home.officeTitle', canActivate: [officeAdmin], loadComponent: () => home().then((m) => m.OfficeHomePage) },
      { path: 'review', title: 'home.reviewerTitle', canActivate: [reviewer], loadComponent: () => home().then((m) => m.ReviewerHomePage) },
      { path: 'dept', title: 'nav.deptHome', canActivate: [dept], loadComponent: () => home().then((m) => m.DeptHomePage) },
      { path: 'cockpit', title: 'home.cockpitTitle', canActivate: [roleGuard('leader')], loadComponent: () => home().then((m) => m.LeaderCockpitPage) },
      { path: 'overview', title: 'home.overviewTitle', canActivate: [roleGuard('viewer')], loadComponent: () => home().then((m) => m.ViewerOverviewPage) },
      { path: 'plans', loadChildren: () => import('@luoshi/web/plans').then((m) => m.PLAN_ROUTES) },
      { path: 'tasks', loadChildren: () => tasks().then((m) => m.TASK_ROUTES) },
      { path: 'my-tasks', canActivate: [dept], loadChildren: () => tasks().then((m) => m.MY_TASK_ROUTES) },
      { path: 'dashboard', loadChildren: () => dashboards().then((m) => m.DASHBOARD_ROUTES) },
      { path: 'indicators', loadChildren: () => dashboards().then((m) => m.INDICATOR_ROUTES) },
      { path: 'evaluation', loadChildren: () => dashboards().then((m) => m.EVALUATION_ROUTES) },
      { path: 'bulletins', loadChildren: () => dashboards().then((m) => m.BULLETIN_ROUTES) },
      { path: 'approvals', loadChildren: () => reports().then((m) => m.APPROVAL_ROUTES) },
      { path: 'reports', loadChildren: () => reports().then((m) => m.REPORT_ROUTES) },
      // 进展审批 is part of 审批待办 now.
      { path: 'report-approvals', pathMatch: 'full', redirectTo: 'approvals' },
      { path: 'special-action-plans', loadChildren: () => reports().then((m) => m.SPECIAL_ACTION_PLAN_ROUTES) },
      { path: 'instructions', canActivate: [roleGuard('leader')], loadChildren: () => tasks().then((m) => m.INSTRUCTION_ROUTES) },
      { path: 'notifications', title: 'nav.notifications', loadComponent: () => import('@luoshi/web/settings').then((m) => m.NotificationsPage) },
      { path: 'settings/approval-templates', canActivate: [officeAdmin], loadChildren: () => reports().then((m) => m.APPROVAL_TEMPLATE_ROUTES) },
      { path: 'settings', loadChildren: () => import('@luoshi/web/settings').then((m) => m.SETTINGS_ROUTES) },
      // Not /admin: the API keeps /admin for its own pages (no index.html fallback there).
      { path: 'system', canActivate: [officeAdmin], loadChildren: () => import('@luoshi/web/admin').then((m) => m.ADMIN_ROUTES) },
      { path: 'forbidden', title: 'nav.forbidden', data: { status: '403' }, loadComponent: () => shell().then((m) => m.StatusPage) },
      { path: '**', title: 'nav.notFound', data: { status: '404' }, loadComponent: () => shell().then((m) => m.StatusPage) },
    ],
  },
];

/** A navigation that fails (typically a lazy chunk missing after a deploy) shows the error page. */
export function redirectToErrorPage(_error: NavigationError): RedirectCommand | void {
  void inject(Router).navigateByUrl('/error', { skipLocationChange: true });
}
