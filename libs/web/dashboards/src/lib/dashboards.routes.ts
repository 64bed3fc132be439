import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { AuthService, roleGuard } from '@luoshi/web/core';
import { BulletinPage } from './bulletins/bulletin.page';
import { DashboardPage } from './dashboard/dashboard.page';
import { DepartmentEvaluationPage } from './evaluation/department-evaluation.page';
import { EvaluationPage } from './evaluation/evaluation.page';
import { IndicatorsPage } from './indicators/indicators.page';

const RANKING_ROLES = ['office_admin', 'office_reviewer', 'leader', 'viewer'] as const;

/** The ranking is for office roles, leaders and viewers; a department user lands on their own breakdown. */
const evaluationHome: CanActivateFn = () => {
  const auth = inject(AuthService);
  if (auth.hasAnyRole([...RANKING_ROLES])) return true;
  const code = auth.user()?.department.code;
  return code ? inject(Router).createUrlTree(['/evaluation/departments', code]) : inject(Router).createUrlTree(['/forbidden']);
};

/** /dashboard — every signed-in user (a department user sees their department's slice). */
export const DASHBOARD_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: DashboardPage, title: 'nav.dashboard' }];

/** /indicators — every signed-in user; editing, reporting and review by role inside the page. */
export const INDICATOR_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: IndicatorsPage, title: 'nav.indicators' }];

/** /evaluation and /evaluation/departments/:code (the API lets a department see only its own). */
export const EVALUATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: EvaluationPage, title: 'nav.evaluation', canActivate: [evaluationHome] },
  { path: 'departments/:code', component: DepartmentEvaluationPage, title: 'nav.evaluationDepartment' },
];

/** /bulletins?period=YYYY-MM — office_admin, office_reviewer, leaders. */
export const BULLETIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: BulletinPage, title: 'nav.bulletins', canActivate: [roleGuard('office_admin', 'office_reviewer', 'leader')] },
];
