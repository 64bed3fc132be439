import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { EVALUATION_COMPONENTS } from '@luoshi/contracts';
import { AuthService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, PageHeaderComponent, planDirectory, SelectOptionsPipe } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { figure, HEALTH_COLORS } from '../shared/health';
import { EVALUATION_COMPONENT_KEYS, scoreHealth } from './weights';
import { WeightsEditorComponent } from './weights-editor.component';

/** /evaluation — the ranking (office roles, leaders, viewers) and the weights (edited by office_admin). */
@Component({
  selector: 'luoshi-evaluation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzEmptyModule,
    NzGridModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    TranslatePipe,
    SelectOptionsPipe,
    LoadErrorComponent,
    PageHeaderComponent,
    WeightsEditorComponent,
  ],
  template: `
    <luoshi-page-header [heading]="'evaluation.title' | t" [subtitle]="'evaluation.subtitle' | t" testId="page-title">
      <nz-select class="plan" nzAllowClear [nzPlaceHolder]="'evaluation.allPlans' | t" [ngModel]="planId()" (ngModelChange)="planId.set($event ?? null)" data-testid="evaluation-plan" [nzOptions]="plans() | selectOptions: 'id' : 'title'" />
    </luoshi-page-header>
    @if (ranking.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="ranking.reload()" />
    }
    <div nz-row [nzGutter]="[16, 16]">
      <div nz-col [nzXs]="24" [nzXl]="17">
        <div class="panel">
          @if (ranking.hasValue()) {
            <div class="asof">{{ 'evaluation.asOf' | t: { date: ranking.value().asOf } }}</div>
          }
          <nz-table #table nzSize="middle" [nzData]="rows()" [nzLoading]="ranking.isLoading()" [nzPageSize]="50" [nzHideOnSinglePage]="true" [nzNoResult]="empty" data-testid="ranking-table">
            <thead>
              <tr>
                <th nzWidth="64px" nzAlign="center">{{ 'evaluation.rank' | t }}</th>
                <th>{{ 'evaluation.department' | t }}</th>
                <th nzWidth="170px">{{ 'evaluation.total' | t }}</th>
                @for (c of components; track c) {
                  <th nzWidth="86px" nzAlign="right">{{ componentKeys[c] | t }}</th>
                }
                <th nzWidth="86px" nzAlign="right">{{ 'evaluation.assessed' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of table.data; track row.department.id) {
                <tr data-testid="ranking-row">
                  <td nzAlign="center"><span class="rank" [class.rank--top]="row.rank <= 3">{{ row.rank }}</span></td>
                  <td><a [routerLink]="['/evaluation/departments', row.department.code]" [queryParams]="planId() ? { planId: planId() } : {}" data-testid="ranking-department">{{ row.department.name }}</a></td>
                  <td>
                    <div class="total">
                      <nz-progress [nzPercent]="row.total" [nzShowInfo]="false" nzSize="small" [nzStrokeColor]="barColor(row.total)" class="total__bar" />
                      <b class="num">{{ fig(row.total) }}</b>
                    </div>
                  </td>
                  @for (c of components; track c) {
                    <td nzAlign="right" class="num" [class.low]="row.components[c] < 60">{{ fig(row.components[c]) }}</td>
                  }
                  <td nzAlign="right" class="num muted">{{ row.metrics.assessedTasks }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        </div>
      </div>
      <div nz-col [nzXs]="24" [nzXl]="7">
        <luoshi-weights-editor [current]="weights.value() ?? null" [editable]="canEditWeights()" (saved)="weightsSaved()" />
      </div>
    </div>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'evaluation.empty' | t" /></ng-template>
  `,
  styles: `
    .plan { min-width: 260px; }
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .asof { margin-bottom: 8px; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .rank { display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; border-radius: 50%; background: #f0f0f0; font-weight: 600; }
    .rank--top { background: #c8102e; color: #fff; }
    .total { display: flex; align-items: center; gap: 8px; }
    .total__bar { flex: 1; }
    .num { font-variant-numeric: tabular-nums; }
    .low { color: #cf1322; }
    .muted { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class EvaluationPage {
  private readonly api = inject(DashboardsApi);
  private readonly auth = inject(AuthService);

  protected readonly planId = signal<string | null>(null);
  protected readonly plans = planDirectory().list;
  protected readonly ranking = rxResource({ params: () => ({ planId: this.planId() }), stream: ({ params }) => this.api.ranking(params.planId) });
  protected readonly rows = computed(() => (this.ranking.hasValue() ? this.ranking.value().rows : []));
  protected readonly weights = rxResource({ stream: () => this.api.weights() });
  protected readonly canEditWeights = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly components = EVALUATION_COMPONENTS;
  protected readonly componentKeys = EVALUATION_COMPONENT_KEYS;
  protected readonly fig = figure;

  protected barColor(total: number): string {
    return HEALTH_COLORS[scoreHealth(total)];
  }

  protected weightsSaved(): void {
    this.weights.reload();
    this.ranking.reload();
  }
}
