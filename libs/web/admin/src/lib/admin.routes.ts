import type { Routes } from '@angular/router';
import { AuditLogPage } from './audit/audit-log.page';
import { DepartmentsPage } from './departments/departments.page';
import { UsersPage } from './users/users.page';

/** /system/* — office_admin only (guarded where these routes are mounted). */
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  { path: 'users', component: UsersPage, title: 'nav.users' },
  { path: 'departments', component: DepartmentsPage, title: 'nav.departments' },
  { path: 'audit', component: AuditLogPage, title: 'nav.audit' },
];
