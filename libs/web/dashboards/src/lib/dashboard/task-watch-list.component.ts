import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { DashboardTaskList } from '@luoshi/contracts';
import { TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { taskListLink } from '../shared/health';

/** The overdue or the at-risk list: the first tasks, with a link to all of them in the task list. */
@Component({
  selector: 'luoshi-task-watch-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzEmptyModule, NzProgressModule, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    <nz-card nzSize="small" [nzTitle]="heading" [nzExtra]="extra" [attr.data-testid]="testId()">
      <nz-table #table nzSize="small" [nzData]="list().items" [nzShowPagination]="false" [nzFrontPagination]="false" [nzNoResult]="empty">
        <thead>
          <tr>
            <th nzWidth="64px">{{ 'dashboard.code' | t }}</th>
            <th>{{ 'dashboard.task' | t }}</th>
            <th nzWidth="118px">{{ 'dashboard.lead' | t }}</th>
            <th nzWidth="96px">{{ 'dashboard.dueDate' | t }}</th>
            <th nzWidth="100px" nzAlign="right">{{ (kind() === 'overdue' ? 'dashboard.daysOverdue' : 'dashboard.daysLeft') | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (task of table.data; track task.id) {
            <tr [attr.data-testid]="testId() + '-row'">
              <td class="num">{{ task.code }}</td>
              <td><a [routerLink]="['/tasks', task.id]" class="title">{{ task.title }}</a></td>
              <td class="muted">{{ task.leadDepartment?.name ?? '—' }}</td>
              <td class="num">{{ task.dueDate ?? '—' }}</td>
              <td nzAlign="right">
                @if (kind() === 'overdue') {
                  <nz-tag nzColor="error">{{ 'dashboard.workingDays' | t: { n: task.workingDaysOverdue ?? 0 } }}</nz-tag>
                } @else {
                  <nz-tag nzColor="warning">{{ 'dashboard.workingDays' | t: { n: task.workingDaysLeft ?? 0 } }}</nz-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #heading>
      <span class="heading"><span class="dot" [class.dot--red]="kind() === 'overdue'"></span>{{ titleKey() | t }}<span class="count">{{ list().total }}</span></span>
    </ng-template>
    <ng-template #extra>
      @if (list().total > 0) {
        <a [routerLink]="link().path" [queryParams]="link().queryParams" [attr.data-testid]="testId() + '-all'">{{ 'dashboard.viewAll' | t: { n: list().total } }}</a>
      }
    </ng-template>
    <ng-template #empty>
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="(kind() === 'overdue' ? 'dashboard.noOverdue' : 'dashboard.noAtRisk') | t" />
    </ng-template>
  `,
  styles: `
    :host { display: block; height: 100%; }
    nz-card { height: 100%; }
    .heading { display: inline-flex; align-items: center; gap: 8px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: #faad14; }
    .dot--red { background: #f5222d; }
    .count { color: rgba(0, 0, 0, 0.6); font-weight: normal; font-variant-numeric: tabular-nums; }
    .title { color: rgba(0, 0, 0, 0.88); }
    .title:hover { color: #0958d9; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class TaskWatchListComponent {
  readonly list = input.required<DashboardTaskList>();
  readonly kind = input.required<'overdue' | 'atRisk'>();
  readonly departmentOnly = input(false);
  readonly testId = input.required<string>();
  protected readonly titleKey = computed<TranslationKey>(() => (this.kind() === 'overdue' ? 'dashboard.overdueTitle' : 'dashboard.atRiskTitle'));
  protected readonly link = computed(() => taskListLink(this.list().filter, this.departmentOnly()));
}
