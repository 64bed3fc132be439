import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { AuthService, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';

/**
 * `<luoshi-task-reports [taskId]>` — a task's progress reports, one per reporting period, each with
 * its status and a link: to the report for departments, to its approval for the office and leaders.
 */
@Component({
  selector: 'luoshi-task-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzEmptyModule, NzTableModule, TranslatePipe, LoadErrorComponent, ReportStatusTagComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'taskReports.title' | t" data-testid="task-reports-card">
      @if (reports.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="reports.reload()" />
      } @else if (rows().length === 0 && !reports.isLoading()) {
        <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskReports.empty' | t" />
      } @else {
        <nz-table #table nzSize="small" [nzData]="rows()" [nzLoading]="reports.isLoading()" [nzShowPagination]="rows().length > 8" [nzPageSize]="8" data-testid="task-reports">
          <thead>
            <tr>
              <th>{{ 'taskReports.period' | t }}</th>
              <th>{{ 'taskReports.due' | t }}</th>
              <th>{{ 'taskReports.status' | t }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (r of table.data; track r.id) {
              <tr data-testid="task-report-row" [attr.data-period]="r.periodKey">
                <td class="nowrap">{{ r.periodLabel }}</td>
                <td class="num">{{ r.dueDate }}</td>
                <td><luoshi-report-status-tag [status]="r.status" [late]="r.late" [locksOn]="r.locked ? r.locksOn : null" /></td>
                <td class="nowrap">
                  @if (isDept()) {
                    <a [routerLink]="['/reports', r.id]" data-testid="task-report-open">{{ 'taskReports.open' | t }}</a>
                  } @else if (r.approvalId) {
                    <a [routerLink]="['/approvals', r.approvalId]" data-testid="task-report-open">{{ 'taskReports.open' | t }}</a>
                  } @else {
                    <a [routerLink]="['/reports', r.id]" data-testid="task-report-open">{{ 'taskReports.open' | t }}</a>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
  `,
  styles: `
    :host { display: block; margin-bottom: 16px; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .nowrap { white-space: nowrap; }
  `,
})
export class TaskReportsComponent {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  readonly taskId = input.required<string>();
  /** Changes (e.g. the task's version) re-read the reports. */
  readonly revision = input<unknown>(null);

  protected readonly isDept = computed(() => this.auth.hasAnyRole(['dept_liaison', 'dept_head']));
  protected readonly reports = rxResource({
    params: () => ({ id: this.taskId(), revision: this.revision() }),
    stream: ({ params }) => this.api.taskReports(params.id),
  });
  /** Newest period first. */
  protected readonly rows = computed(() => (this.reports.hasValue() ? [...this.reports.value()].reverse() : []));
}
