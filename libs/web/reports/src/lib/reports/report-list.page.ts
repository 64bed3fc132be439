import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { REPORT_STATUSES, type ReportStatus } from '@luoshi/contracts';
import { AuthService, I18nService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { ListCardDirective, ListTableDirective, LoadErrorComponent, PageHeaderComponent, ResponsiveListComponent } from '@luoshi/web/ui';
import { beijingToday, REPORT_STATUS_LABELS } from '../shared/report-labels';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';
import { byDueDate, type DepartmentReport, departmentReports } from './department-reports';

type View = 'todo' | 'all';

/**
 * /reports (进展填报) — every reporting period of the tasks the user's department leads or
 * co-handles, read task by task (GET /api/tasks/:id/reports creates the due drafts). "To do" keeps
 * what still needs the department; "All" shows the history.
 */
@Component({
  selector: 'luoshi-report-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzProgressModule,
    NzSegmentedModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
    ResponsiveListComponent,
    ListCardDirective,
    ListTableDirective,
    ReportStatusTagComponent,
  ],
  template: `
    <luoshi-page-header [heading]="'reports.title' | t" [subtitle]="'reports.subtitle' | t" testId="page-title" />

    <div class="counts" data-testid="report-counts">
      @for (tile of tiles(); track tile.id) {
        <div class="count" [attr.data-testid]="'count-' + tile.id">
          <div class="count__n" [style.color]="tile.color">{{ tile.n }}</div>
          <div class="count__label">{{ tile.label }}</div>
        </div>
      }
    </div>

    @if (data.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="data.reload()" />
    }
    <div class="panel">
      <div class="filters">
        <nz-segmented [nzOptions]="viewOptions()" [ngModel]="view()" (ngModelChange)="setView($event)" data-testid="report-view" />
        <nz-select class="filters__status" nzAllowClear [nzPlaceHolder]="'reports.allStatuses' | t" [ngModel]="status()" (ngModelChange)="setStatus($event)" data-testid="report-status-filter">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="statusLabel(s)" />
          }
        </nz-select>
      </div>
      <luoshi-responsive-list [items]="visible()" [trackBy]="byReport" [marked]="isTodo" [emptyText]="emptyText()" cardsTestId="report-cards">
        <!-- Phone: one card per reporting period, 填报 at its foot. -->
        <ng-template luoshiListCard let-row>
          <div data-testid="report-row" [attr.data-task]="row.task.code" [attr.data-period]="row.report.periodKey">
            <div class="card__head">
              <span class="code">{{ row.task.code }}</span>
              <luoshi-report-status-tag [status]="row.report.status" [late]="row.report.late" [locksOn]="row.report.locked ? row.report.locksOn : null" />
              <nz-tag class="card__role" [nzColor]="row.lead ? 'blue' : 'default'">{{ (row.lead ? 'reports.lead' : 'reports.co') | t }}</nz-tag>
            </div>
            <a [routerLink]="['/tasks', row.task.id]" class="card__title">{{ row.task.title }}</a>
            <div class="card__facts">
              <span>{{ row.report.periodLabel }}</span>
              <span class="num" [class.overdue]="row.todo && row.report.dueDate < today">{{ 'reports.dueDate' | t }} {{ row.report.dueDate }}</span>
              @if (row.report.progress !== null) {
                <nz-progress class="card__progress" [nzPercent]="row.report.progress" nzSize="small" />
              }
            </div>
            <a nz-button class="card__open" [nzType]="row.todo ? 'primary' : 'default'" [routerLink]="['/reports', row.report.id]" data-testid="report-open">
              {{ (row.todo ? (row.lead ? 'reports.fill' : 'reports.contribute') : 'reports.view') | t }}
            </a>
          </div>
        </ng-template>
        <ng-template luoshiListTable let-empty>
          <nz-table
            #table
            nzSize="middle"
            [nzData]="visible()"
            [nzLoading]="data.isLoading()"
            [nzPageSize]="20"
            [nzHideOnSinglePage]="true"
            [nzNoResult]="empty"
            data-testid="report-table"
          >
            <thead>
              <tr>
                <th>{{ 'reports.task' | t }}</th>
                <th nzWidth="120px">{{ 'reports.period' | t }}</th>
                <th nzWidth="110px">{{ 'reports.dueDate' | t }}</th>
                <th nzWidth="160px">{{ 'reports.status' | t }}</th>
                <th nzWidth="80px">{{ 'reports.role' | t }}</th>
                <th nzWidth="120px">{{ 'reports.progress' | t }}</th>
                <th nzWidth="130px">{{ 'reports.submittedAt' | t }}</th>
                <th nzWidth="100px">{{ 'common.actions' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of table.data; track row.report.id) {
                <tr data-testid="report-row" [attr.data-task]="row.task.code" [attr.data-period]="row.report.periodKey" [class.row--todo]="row.todo">
                  <td>
                    <span class="code">{{ row.task.code }}</span>
                    <a [routerLink]="['/tasks', row.task.id]" class="task-title">{{ row.task.title }}</a>
                  </td>
                  <td>{{ row.report.periodLabel }}</td>
                  <td class="num" [class.overdue]="row.todo && row.report.dueDate < today">{{ row.report.dueDate }}</td>
                  <td><luoshi-report-status-tag [status]="row.report.status" [late]="row.report.late" [locksOn]="row.report.locked ? row.report.locksOn : null" /></td>
                  <td>
                    <nz-tag [nzColor]="row.lead ? 'blue' : 'default'">{{ (row.lead ? 'reports.lead' : 'reports.co') | t }}</nz-tag>
                  </td>
                  <td>
                    @if (row.report.progress !== null) {
                      <nz-progress [nzPercent]="row.report.progress" nzSize="small" />
                    } @else {
                      <span class="muted">—</span>
                    }
                  </td>
                  <td class="num muted">{{ row.report.submittedAt ? (row.report.submittedAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
                  <td>
                    <a nz-button [nzType]="row.todo ? 'primary' : 'default'" nzSize="small" [routerLink]="['/reports', row.report.id]" data-testid="report-open">
                      {{ (row.todo ? (row.lead ? 'reports.fill' : 'reports.contribute') : 'reports.view') | t }}
                    </a>
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </ng-template>
      </luoshi-responsive-list>
    </div>
  `,
  styles: `
    .counts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 16px; margin-bottom: 16px; }
    .count { background: #fff; border-radius: 8px; padding: 14px 20px; }
    .count__n { font-size: 26px; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }
    .count__label { color: rgba(0, 0, 0, 0.6); }
    .panel { background: #fff; border-radius: 8px; padding: 16px 20px; }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
    .filters__status { width: 160px; }
    .code { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 4px; background: #e6f4ff; color: #0958d9; font-size: 12px;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .task-title { color: rgba(0, 0, 0, 0.88); }
    .task-title:hover { color: #0958d9; }
    .row--todo td:first-child { box-shadow: inset 3px 0 0 #1677ff; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .overdue { color: #cf1322; font-weight: 500; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    @media (max-width: 900px) { .counts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    .card__head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .card__role { margin: 0 0 0 auto; }
    .card__title { display: block; margin: 8px 0 6px; color: rgba(0, 0, 0, 0.88); font-size: 15px; font-weight: 500; overflow-wrap: anywhere; }
    .card__facts { display: flex; flex-wrap: wrap; gap: 4px 12px; color: rgba(0, 0, 0, 0.65); }
    .card__progress { width: 100%; }
    .card__open { width: 100%; height: 40px; margin-top: 10px; line-height: 38px; }
    @media (max-width: 767.98px) {
      .counts { gap: 8px; margin-bottom: 12px; }
      .count { padding: 10px 12px; }
      .count__n { font-size: 22px; }
      .panel { padding: 12px; }
    }
  `,
})
export class ReportListPage {
  private readonly tasksApi = inject(TasksApi);
  private readonly reportsApi = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  /** Query parameters (?view=all&status=returned). */
  readonly viewParam = input<string | undefined>(undefined, { alias: 'view' });
  readonly statusParam = input<string | undefined>(undefined, { alias: 'status' });

  protected readonly statuses = REPORT_STATUSES;
  protected readonly today = beijingToday();
  protected readonly view = linkedSignal<View>(() => (this.viewParam() === 'all' ? 'all' : 'todo'));
  protected readonly status = linkedSignal<ReportStatus | null>(() => {
    const s = this.statusParam();
    return (REPORT_STATUSES as readonly string[]).includes(s ?? '') ? (s as ReportStatus) : null;
  });
  protected readonly viewOptions = computed(() => [
    { label: this.i18n.t('reports.filterTodo'), value: 'todo' },
    { label: this.i18n.t('reports.filterAll'), value: 'all' },
  ]);

  protected readonly data = rxResource({
    params: () => this.auth.user()?.department.id,
    stream: ({ params: departmentId }) => departmentReports(this.tasksApi, this.reportsApi, departmentId),
  });

  protected readonly rows = computed(() => (this.data.hasValue() ? this.data.value() : []));
  protected readonly byReport = (row: DepartmentReport) => row.report.id;
  protected readonly isTodo = (row: DepartmentReport) => row.todo;
  protected readonly visible = computed(() => {
    const status = this.status();
    const todoView = this.view() === 'todo';
    const rows = this.rows().filter((r) => (!todoView || r.todo) && (!status || r.report.status === status));
    return todoView
      ? rows.sort(byDueDate)
      : rows.sort((a, b) => b.report.periodStart.localeCompare(a.report.periodStart) || a.task.code.localeCompare(b.task.code, 'en', { numeric: true }));
  });
  protected readonly tiles = computed(() => {
    const rows = this.rows();
    const n = (test: (r: DepartmentReport) => boolean) => rows.filter(test).length;
    return [
      { id: 'todo', label: this.i18n.t('reports.countTodo'), n: n((r) => r.todo), color: '#0958d9' },
      { id: 'returned', label: this.i18n.t('reports.countReturned'), n: n((r) => r.report.status === 'returned'), color: '#ad4e00' },
      { id: 'in-approval', label: this.i18n.t('reports.countInApproval'), n: n((r) => r.report.status === 'in_approval' || r.report.status === 'submitted'), color: '#006d75' },
      { id: 'approved', label: this.i18n.t('reports.countApproved'), n: n((r) => r.report.status === 'approved'), color: '#389e0d' },
    ];
  });
  protected readonly emptyText = computed(() => {
    if (this.data.isLoading()) return this.i18n.t('reports.loadingTasks');
    if (this.rows().length === 0) return this.i18n.t('reports.noTasks');
    return this.i18n.t(this.view() === 'todo' ? 'reports.emptyTodo' : 'reports.empty');
  });

  protected statusLabel(status: ReportStatus): string {
    return this.i18n.t(REPORT_STATUS_LABELS[status]);
  }

  protected setView(view: View): void {
    this.view.set(view);
    this.syncUrl();
  }

  protected setStatus(status: ReportStatus | null): void {
    this.status.set(status);
    this.syncUrl();
  }

  private syncUrl(): void {
    void this.router.navigate([], {
      queryParams: { view: this.view() === 'all' ? 'all' : null, status: this.status() },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
