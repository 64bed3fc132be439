import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, PageHeaderComponent } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { figure, HEALTH_TEXT_COLORS } from '../shared/health';
import { EVALUATION_COMPONENT_KEYS, scoreHealth } from './weights';

/** /evaluation/departments/:code — one unit's score: components, the figures behind them, its overdue lead tasks. */
@Component({
  selector: 'luoshi-department-evaluation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzProgressModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
  ],
  templateUrl: './department-evaluation.page.html',
  styles: `
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .score { display: flex; align-items: center; gap: 24px; }
    .score__rank { font-size: 16px; font-weight: 500; }
    .score__muted { color: rgba(0, 0, 0, 0.6); margin-top: 4px; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .section { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
    .gap { margin-top: 16px; }
    .gap-left { margin-left: 8px; }
    .full { height: 100%; }
  `,
})
export class DepartmentEvaluationPage {
  private readonly api = inject(DashboardsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  /** Route parameter and query (router input binding). */
  readonly code = input.required<string>();
  readonly planId = input<string>();

  protected readonly result = rxResource({
    params: () => ({ code: this.code(), planId: this.planId() ?? null }),
    stream: ({ params }) => this.api.department(params.code, params.planId),
  });
  protected readonly canSeeRanking = computed(() => this.auth.hasAnyRole(['office_admin', 'office_reviewer', 'leader', 'viewer']));
  protected readonly fig = figure;
  protected readonly componentKeys = EVALUATION_COMPONENT_KEYS;
  protected readonly scoreFormat = (percent: number) => figure(percent);

  protected heading(): string {
    const d = this.result.hasValue() ? this.result.value().department.name : '';
    return d ? this.i18n.t('evaluation.departmentTitle', { name: d }) : this.i18n.t('nav.evaluationDepartment');
  }

  /** Written on white, so the darker text shades of the health colours. */
  protected scoreColor(score: number): string {
    return HEALTH_TEXT_COLORS[scoreHealth(score)];
  }
}
