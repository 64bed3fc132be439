import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { AuthService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { beijingToday } from '../shared/report-labels';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';
import { byDueDate, departmentReports } from './department-reports';

/** `<luoshi-report-glance>` — for the department home: the reports still to fill in (or contribute to), nearest due first. */
@Component({
  selector: 'luoshi-report-glance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzEmptyModule, TranslatePipe, LoadErrorComponent, ReportStatusTagComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'reports.title' | t" [nzExtra]="more" data-testid="report-glance">
      @if (data.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="data.reload()" />
      } @else {
        @for (row of todo(); track row.report.id) {
          <a class="item" [routerLink]="['/reports', row.report.id]" data-testid="glance-report">
            <span class="item__code">{{ row.task.code }}</span>
            <span class="item__title">{{ row.task.title }} · {{ row.report.periodLabel }}</span>
            <luoshi-report-status-tag [status]="row.report.status" />
            <span class="item__due" [class.item__due--late]="row.report.dueDate < today">{{ 'reports.due' | t: { date: row.report.dueDate } }}</span>
          </a>
        } @empty {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="(data.isLoading() ? 'reports.loadingTasks' : 'reports.emptyTodo') | t" />
        }
      }
    </nz-card>
    <ng-template #more><a routerLink="/reports">{{ 'home.viewAll' | t }}</a></ng-template>
  `,
  styles: `
    .item { display: flex; align-items: center; gap: 8px; padding: 8px 0; border-bottom: 1px solid #f5f5f5; color: inherit; }
    .item:hover .item__title { color: #0958d9; }
    .item__code { flex: none; padding: 0 6px; border-radius: 4px; background: #e6f4ff; color: #0958d9; font-size: 12px; }
    .item__title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .item__due { flex: none; color: rgba(0, 0, 0, 0.6); font-size: 12px; font-variant-numeric: tabular-nums; }
    .item__due--late { color: #cf1322; }
  `,
})
export class ReportGlanceComponent {
  private readonly tasksApi = inject(TasksApi);
  private readonly reportsApi = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  /** How many to list. */
  readonly limit = input(5);

  protected readonly today = beijingToday();
  protected readonly data = rxResource({
    params: () => this.auth.user()?.department.id,
    stream: ({ params }) => departmentReports(this.tasksApi, this.reportsApi, params),
  });
  protected readonly todo = computed(() =>
    (this.data.hasValue() ? this.data.value() : [])
      .filter((r) => r.todo)
      .sort(byDueDate)
      .slice(0, this.limit()),
  );
}
