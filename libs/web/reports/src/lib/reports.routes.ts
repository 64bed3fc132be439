import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { roleGuard } from '@luoshi/web/core';
import { ApprovalDetailPage } from './approvals/approval-detail.page';
import { ApprovalInboxPage } from './approvals/approval-inbox.page';
import { DelegationsPage } from './approvals/delegations.page';
import { REPORT_ICONS } from './reports.icons';
import { ReportFormPage } from './reports/report-form.page';
import { ReportListPage } from './reports/report-list.page';
import { SpecialPlanDetailPage } from './special-plans/special-plan-detail.page';
import { SpecialPlanListPage } from './special-plans/special-plan-list.page';
import { ApprovalTemplatesPage } from './templates/approval-templates.page';

const icons = [provideNzIconsPatch(REPORT_ICONS)];

/** An area's pages under one parent route that provides this lib's icons to all of them. */
const withIcons = (children: Routes): Routes => [{ path: '', providers: icons, children }];

/** /reports — the department's reporting periods; one report for whoever may see its task (the API answers 403/404 otherwise). */
export const REPORT_ROUTES: Routes = withIcons([
  { path: '', pathMatch: 'full', component: ReportListPage, title: 'nav.reports', canActivate: [roleGuard('dept_liaison', 'dept_head')] },
  { path: ':reportId', component: ReportFormPage, title: 'nav.reportDetail' },
]);

/** /approvals — the inbox (the API scopes it to the caller), delegations, one approval. */
export const APPROVAL_ROUTES: Routes = withIcons([
  { path: '', pathMatch: 'full', component: ApprovalInboxPage, title: 'nav.approvals' },
  { path: 'delegations', component: DelegationsPage, title: 'nav.delegations' },
  { path: ':approvalId', component: ApprovalDetailPage, title: 'nav.approvalDetail' },
]);

/** /special-action-plans — the office and the drafting departments (the API lists only what the caller may see). */
export const SPECIAL_ACTION_PLAN_ROUTES: Routes = withIcons([
  { path: '', pathMatch: 'full', component: SpecialPlanListPage, title: 'nav.specialActionPlans' },
  { path: ':sapId', component: SpecialPlanDetailPage, title: 'nav.specialActionPlanDetail' },
]);

/** /settings/approval-templates (guarded where mounted: office_admin). */
export const APPROVAL_TEMPLATE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: ApprovalTemplatesPage, title: 'nav.approvalTemplates', providers: icons },
];
