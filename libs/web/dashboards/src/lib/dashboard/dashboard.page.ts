import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService, TranslatePipe } from '@luoshi/web/core';
import { PageHeaderComponent } from '@luoshi/web/ui';
import { UrlDashboardComponent } from './url-dashboard.component';

/**
 * /dashboard?planId=&department=&granularity=&part= — 领导驾驶舱 for leaders, office roles and viewers (a department's
 * slice on request); a department user sees what their department leads or co-handles.
 */
@Component({
  selector: 'luoshi-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, PageHeaderComponent, UrlDashboardComponent],
  template: `
    <luoshi-page-header [heading]="'dashboard.title' | t" [subtitle]="subtitle().key | t: { dept: subtitle().dept }" testId="page-title" />
    <luoshi-url-dashboard />
  `,
})
export class DashboardPage {
  private readonly auth = inject(AuthService);
  protected readonly subtitle = computed(() => {
    const me = this.auth.user();
    const deptOnly = this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && !this.auth.hasAnyRole(['office_admin', 'office_reviewer', 'leader', 'viewer']);
    return deptOnly && me ? { key: 'dashboard.deptSubtitle' as const, dept: me.department.name } : { key: 'dashboard.subtitle' as const, dept: '' };
  });
}
