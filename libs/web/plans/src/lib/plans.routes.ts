import type { Routes } from '@angular/router';
import { roleGuard } from '@luoshi/web/core';
import { PlanBrowserPage } from './browse/plan-browser.page';
import { planBrowserMatcher } from './browse/plan-browser.matcher';
import { PlanListPage } from './browse/plan-list.page';
import { CorrectionsPage } from './corrections/corrections.page';
import { PlanImportPage } from './import/plan-import.page';

/** /plans/* — the list and browser for everyone; import and the dictionary for the office. */
export const PLAN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: PlanListPage, title: 'nav.plans' },
  { path: 'import', component: PlanImportPage, title: 'nav.planImport', canActivate: [roleGuard('office_admin')] },
  { path: 'corrections', component: CorrectionsPage, title: 'nav.planCorrections', canActivate: [roleGuard('office_admin', 'office_reviewer')] },
  { matcher: planBrowserMatcher, component: PlanBrowserPage, title: 'nav.plans' },
];
