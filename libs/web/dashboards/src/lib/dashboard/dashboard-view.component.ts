import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal, type WritableSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule, type NzSelectOptionInterface } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DEPARTMENT_KINDS, type DashboardGranularity, type DashboardRow, type DashboardTaskFilter, type TaskHealthColor } from '@luoshi/contracts';
import { AuthService, DirectoryApi, I18nService, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { LoadErrorComponent, planDirectory, SelectComponent, SelectOptionsPipe } from '@luoshi/web/ui';
import { DashboardsApi } from '../api/dashboards.api';
import { CompletionChartComponent } from '../shared/completion-chart.component';
import { HEALTH_COLORS, percent, taskListLink } from '../shared/health';
import { HealthChartComponent, type HealthSegment } from '../shared/health-chart.component';
import { TaskWatchListComponent } from './task-watch-list.component';

/** Lead departments shown before "show all". */
const DEPARTMENTS_SHOWN = 12;
/** The part whose sections are the key tasks (重点任务), shown first. */
const KEY_TASKS_PART = /重点任务/;
/** `part` in the URL when the sections of every part are shown. */
const ALL_PARTS = 'all';
/** 未交办: grey, neither a health colour nor done. */
const DRAFT_COLOR = '#595959'; // grey, dark enough for text (WCAG AA)

interface Kpi {
  id: string;
  labelKey: TranslationKey;
  value: string;
  note?: string;
  color?: string;
  filter: DashboardTaskFilter;
}

/**
 * The dashboard's content (领导驾驶舱): KPI cards, health by part / section / lead department / city,
 * completions over time, the overdue and at-risk lists. Every number and bar segment opens the task
 * list filtered to exactly its tasks. Used by /dashboard (state in the URL) and the leader's home.
 */
@Component({
  selector: 'luoshi-dashboard-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzRadioModule,
    NzSelectModule,
    NzSkeletonModule,
    NzTagModule,
    TranslatePipe,
    SelectComponent,
    SelectOptionsPipe,
    LoadErrorComponent,
    CompletionChartComponent,
    HealthChartComponent,
    TaskWatchListComponent,
  ],
  templateUrl: './dashboard-view.component.html',
  styleUrl: './dashboard-view.component.css',
})
export class DashboardViewComponent {
  private readonly api = inject(DashboardsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);

  /** Initial plan and department (from the URL on /dashboard). */
  readonly planId = input<string | null>(null);
  readonly department = input<string | null>(null);
  /** Initial completion granularity and section part (from the URL). */
  readonly granularityParam = input<string | null>(null);
  readonly partParam = input<string | null>(null);
  /** Write the choices back to the URL (/dashboard and the leader's /cockpit), so Back returns to them. */
  readonly syncUrl = input(false);

  /** Department users always get their own slice: no department picker, drill-downs to /my-tasks. */
  protected readonly departmentOnly = computed(
    () => this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && !this.auth.hasAnyRole(['office_admin', 'office_reviewer', 'leader', 'viewer']),
  );

  protected readonly plans = planDirectory();
  /** Action plans first. */
  protected readonly planOptions = computed(() => {
    const plans = this.plans.list();
    return [...plans.filter((p) => p.kind === 'action_plan'), ...plans.filter((p) => p.kind !== 'action_plan')];
  });
  protected readonly chosenPlan = linkedSignal(() => this.planId());
  protected readonly activePlanId = computed(() => {
    const chosen = this.chosenPlan();
    const options = this.planOptions();
    return chosen && options.some((p) => p.id === chosen) ? chosen : (options[0]?.id ?? null);
  });
  protected readonly chosenDepartment = linkedSignal(() => this.department());
  protected readonly granularity = linkedSignal<DashboardGranularity>(() => (this.granularityParam() === 'week' ? 'week' : 'month'));

  protected readonly departments = rxResource({
    params: () => (this.departmentOnly() ? undefined : true),
    stream: () => this.directory.departments(),
  });
  protected readonly departmentOptions = computed<NzSelectOptionInterface[]>(() => {
    const all = this.departments.hasValue() ? this.departments.value() : [];
    return DEPARTMENT_KINDS.filter((kind) => kind !== 'office').flatMap((kind) =>
      all.filter((d) => d.kind === kind).map((d) => ({ label: d.name, value: d.code, groupLabel: this.i18n.kindLabel(kind) })),
    );
  });

  protected readonly summary = rxResource({
    params: () => {
      const planId = this.activePlanId();
      return planId ? { planId, department: this.chosenDepartment() ?? undefined, granularity: this.granularity(), top: 8 } : undefined;
    },
    stream: ({ params }) => this.api.summary(params),
  });
  protected readonly data = computed(() => (this.summary.hasValue() ? this.summary.value() : null));

  protected readonly kpis = computed<Kpi[]>(() => {
    const data = this.data();
    if (!data) return [];
    const t = data.totals;
    return [
      { id: 'total', labelKey: 'dashboard.kpiTotal', value: String(t.total), filter: t.filters.total },
      { id: 'completed', labelKey: 'dashboard.kpiCompletionRate', value: percent(t.completionRate), note: `${this.i18n.t('dashboard.kpiCompleted')} ${t.completed}`, color: '#1677ff', filter: t.filters.completed },
      // Drafts not yet handed out are their own figure (未交办), never 绿灯.
      { id: 'draft', labelKey: 'lists.kpiDraft', value: String(t.draft), note: this.i18n.t('lists.kpiDraftNote'), color: DRAFT_COLOR, filter: t.filters.draft },
      { id: 'green', labelKey: 'dashboard.kpiGreen', value: String(t.green), color: HEALTH_COLORS.green, filter: t.filters.green },
      { id: 'amber', labelKey: 'dashboard.kpiAmber', value: String(t.amber), color: HEALTH_COLORS.amber, filter: t.filters.amber },
      // Red is overdue (the task list's rule), so one card says both.
      { id: 'red', labelKey: 'dashboard.kpiRed', value: String(t.red), note: this.longestOverdue(), color: HEALTH_COLORS.red, filter: t.filters.red },
    ];
  });

  protected readonly partRows = computed(() => (this.data()?.byPart ?? []).filter((row) => row.total > 0));
  /** Sections of one part (the key tasks by default) or of all parts; sections without tasks are left out. */
  protected readonly sectionPart = linkedSignal<string | null>(() => {
    const parts = this.data()?.byPart ?? [];
    const asked = this.partParam();
    if (asked === ALL_PARTS) return null;
    if (asked && parts.some((p) => p.key === asked)) return asked;
    return parts.find((p) => KEY_TASKS_PART.test(p.label))?.key ?? null;
  });
  protected readonly sectionPartOptions = computed(() => this.partRows().map((p) => ({ value: p.key, label: `${p.key} ${p.label}` })));
  protected readonly sectionRows = computed(() => {
    const part = this.sectionPart();
    return (this.data()?.bySection ?? []).filter((row) => row.total > 0 && (!part || row.partCode === part));
  });
  protected readonly allDepartments = signal(false);
  protected readonly departmentRows = computed(() => {
    const rows = (this.data()?.byDepartment ?? []).filter((row) => row.total > 0);
    return this.allDepartments() ? rows : rows.slice(0, DEPARTMENTS_SHOWN);
  });
  protected readonly departmentCount = computed(() => (this.data()?.byDepartment ?? []).filter((row) => row.total > 0).length);
  protected readonly moreDepartments = DEPARTMENTS_SHOWN;
  protected readonly healthCityHeight = 300;
  protected readonly cityRows = computed(() => this.data()?.byCity ?? []);
  protected readonly hasCompletions = computed(() => (this.data()?.completion.points ?? []).some((p) => p.cumulative > 0));
  protected readonly scopeName = computed(() => {
    const scope = this.data()?.scope;
    return scope?.kind === 'department' ? scope.department.name : null;
  });

  /** A choice (plan, department, granularity, section part): kept, and written to the URL so Back returns to it. */
  protected choose<T>(choice: WritableSignal<T>, value: T): void {
    choice.set(value);
    this.writeUrl();
  }

  /** A bar segment: the task list with the row's filter for that colour. */
  protected drill(segment: HealthSegment): void {
    this.open(segment.row.filters[segment.health]);
  }

  protected open(filter: DashboardTaskFilter): void {
    const link = taskListLink(filter, this.departmentOnly());
    void this.router.navigate([link.path], { queryParams: link.queryParams });
  }

  protected kpiLink(kpi: Kpi) {
    return taskListLink(kpi.filter, this.departmentOnly());
  }

  protected rowLink(row: DashboardRow, health: TaskHealthColor | 'total') {
    return taskListLink(row.filters[health], this.departmentOnly());
  }

  private longestOverdue(): string | undefined {
    const days = this.data()?.overdue.items[0]?.workingDaysOverdue;
    return days ? this.i18n.t('dashboard.longestOverdue', { n: days }) : undefined;
  }

  private writeUrl(): void {
    if (!this.syncUrl()) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        planId: this.activePlanId() ?? null,
        department: this.chosenDepartment() ?? null,
        granularity: this.granularity() === 'week' ? 'week' : null,
        part: this.sectionPart() ?? ALL_PARTS,
      },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
