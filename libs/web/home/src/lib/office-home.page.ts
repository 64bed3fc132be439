import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { forkJoin } from 'rxjs';
import { TASK_STATUSES, type TaskHealthColor, type TaskStatus } from '@luoshi/contracts';
import { CalendarApi, DirectoryApi, I18nService, TASK_HEALTH_LABELS, TASK_STATUS_LABELS, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { AuditApi } from '@luoshi/web/admin';
import { DashboardLinkCardComponent } from '@luoshi/web/dashboards';
import { CalendarBannerComponent, LoadErrorComponent } from '@luoshi/web/ui';
import { HomeIntroComponent } from './home-intro.component';
import { HomeShortcutsComponent } from './home-shortcuts.component';
import { TaskCountCardComponent, type TaskCountItem } from './task-count-card.component';

/** Statuses counted on the office home (cancelled left out). */
const COUNTED_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((s) => s !== 'cancelled');
const HEALTH_TILES: readonly { health: TaskHealthColor; color: string }[] = [
  { health: 'red', color: '#cf1322' },
  { health: 'amber', color: '#874d00' },
  { health: 'green', color: '#237804' },
];

/** office_admin's home: task counts by status and health (each opens the filtered list), directory figures, recent audit events, shortcuts, the holiday-calendar warning. */
@Component({
  selector: 'luoshi-office-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    NzAlertModule,
    NzCardModule,
    NzGridModule,
    NzListModule,
    NzSkeletonModule,
    NzStatisticModule,
    TranslatePipe,
    CalendarBannerComponent,
    LoadErrorComponent,
    HomeIntroComponent,
    HomeShortcutsComponent,
    TaskCountCardComponent,
    DashboardLinkCardComponent,
  ],
  templateUrl: './office-home.page.html',
  styles: `
    .row { margin-bottom: 16px; }
    .hint { display: block; margin-bottom: 16px; }
    .audit-item { display: flex; gap: 12px; align-items: baseline; width: 100%; }
    .audit-item__at { flex: none; color: rgba(0, 0, 0, 0.6); font-variant-numeric: tabular-nums; }
    .audit-item__actor { color: rgba(0, 0, 0, 0.65); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `,
})
export class OfficeHomePage {
  private readonly directory = inject(DirectoryApi);
  private readonly audit = inject(AuditApi);
  private readonly calendar = inject(CalendarApi);
  private readonly tasks = inject(TasksApi);
  protected readonly i18n = inject(I18nService);

  protected readonly figures = rxResource({
    stream: () => forkJoin({ departments: this.directory.departments(), users: this.directory.users() }),
  });
  protected readonly recent = rxResource({ stream: () => this.audit.search({ page: 1, pageSize: 6 }) });
  /** An unconfirmed holiday year makes working-day deadlines provisional: the office is asked to confirm it. */
  protected readonly holidayYears = rxResource({ stream: () => this.calendar.years() });

  /** No task at all yet: the office is pointed at the assignment grid. */
  protected readonly taskTotal = rxResource({ stream: () => this.tasks.count({ scope: 'all' }) });
  /** A returned task (退办) is a draft with a reason: counted as 已退办, not as 草稿. */
  protected readonly statusCounts = computed<TaskCountItem[]>(() =>
    COUNTED_STATUSES.flatMap((status): TaskCountItem[] => {
      const tile = { id: `status-${status}`, label: this.i18n.t(TASK_STATUS_LABELS[status]), query: { scope: 'all' as const, status }, link: '/tasks', params: { status } };
      if (status !== 'draft') return [tile];
      return [
        { ...tile, query: { ...tile.query, returned: false }, params: { status, returned: 'false' } },
        { id: 'status-returned', label: this.i18n.t('home.returned'), query: { scope: 'all', status, returned: true }, link: '/tasks', params: { status, returned: 'true' } },
      ];
    }),
  );
  protected readonly healthCounts = computed<TaskCountItem[]>(() => [
    ...HEALTH_TILES.map(({ health, color }) => ({
      id: `health-${health}`,
      label: this.i18n.t(TASK_HEALTH_LABELS[health]),
      query: { scope: 'all' as const, health },
      link: '/tasks',
      params: { health },
      color,
    })),
    { id: 'overdue', label: this.i18n.t('home.overdue'), query: { scope: 'all', overdue: true }, link: '/tasks', params: { overdue: 'true' }, color: '#a8071a' },
  ]);

  protected readonly stats = computed(() => {
    if (!this.figures.hasValue()) return null;
    const { departments, users } = this.figures.value();
    return { departments: departments.length, users: users.length, active: users.filter((u) => u.active).length };
  });

  protected actionLabel(action: string): string {
    return this.i18n.lookup(`auditActions.${action.replace(/\./g, '_')}`) ?? action;
  }
}
