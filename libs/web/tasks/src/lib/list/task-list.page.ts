import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { debounceTime, distinctUntilChanged, map, Subject } from 'rxjs';
import { TASK_HEALTHS, TASK_STATUSES, type TaskHealthColor, type TaskResponse, type TaskSort, type TaskStatus } from '@luoshi/contracts';
import { AuthService, I18nService, localIsoDate, PlansApi, TASK_HEALTH_LABELS, TASK_STATUS_LABELS, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { DayCellComponent, departmentDirectory, formDialogs, injectHandset, LoadErrorComponent, pageAction, pagedList, PageHeaderComponent, planDirectory, saveBlob, SearchInputComponent, SelectComponent, SelectOptionsPipe, type TextEntryData, TextEntryDialog } from '@luoshi/web/ui';
import { ledgerFileName } from '../shared/download';
import { planToRestore, readRememberedPlan, rememberPlan } from '../shared/plan-memory';
import { filtersFromParams, hasActiveFilters, paramsFromFilters, queryFromFilters, TASK_PAGE_SIZES, type TaskListFilters } from '../shared/task-filters';
import { HEALTH_COLORS, parseIsoDate } from '../shared/task-labels';
import { TaskDeadlineComponent } from '../shared/task-deadline.component';
import { TaskCardsComponent } from './task-cards.component';
import { TaskHealthDotComponent } from '../shared/task-health-dot.component';
import { TaskStatusTagComponent } from '../shared/task-status-tag.component';

type SortColumn = 'code' | 'dueDate' | 'updatedAt';

/**
 * /tasks (office roles, leaders, viewers: every task) and /my-tasks (department users: what their
 * department leads or co-handles). Filters live in the URL, so a link opens a filtered list
 * (/tasks?health=red&sectionCode=2.3). On /my-tasks the lead department accepts or returns new tasks in place.
 */
@Component({
  selector: 'luoshi-task-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzIconModule,
    NzModalModule,
    NzProgressModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTooltipModule,
    TranslatePipe,
    SelectOptionsPipe,
    DayCellComponent,
    LoadErrorComponent,
    PageHeaderComponent,
    TaskDeadlineComponent,
    TaskHealthDotComponent,
    TaskStatusTagComponent,
    TaskCardsComponent,
    SearchInputComponent,
    SelectComponent,
  ],
  templateUrl: './task-list.page.html',
  styleUrl: './task-list.page.css',
})
export class TaskListPage {
  private readonly api = inject(TasksApi);
  private readonly plansApi = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();
  /** On a phone the table becomes cards (task-cards.component.ts). */
  protected readonly handset = injectHandset();

  /** From the route's data: 'all' on /tasks, 'mine' on /my-tasks. */
  readonly scope = input<'mine' | 'all'>('all');
  protected readonly mine = computed(() => this.scope() === 'mine');
  protected readonly myDepartment = computed(() => this.auth.user()?.department ?? null);
  protected readonly isDepartmentUser = computed(() => this.auth.hasAnyRole(['dept_liaison', 'dept_head']));

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map((params) => filtersFromParams(params))), {
    initialValue: filtersFromParams(this.route.snapshot.queryParamMap),
  });
  /** Anything narrowing the list besides the plan (which 清除筛选 keeps). */
  protected readonly active = computed(() => hasActiveFilters({ ...this.filters(), planId: null }));
  protected readonly list = pagedList({ query: () => queryFromFilters(this.filters(), this.scope()), load: (query) => this.api.list(query) });

  protected readonly plans = planDirectory();
  /** Parts and sections come from the chosen plan, else the first (the seed plan). */
  private readonly structurePlanId = computed(() => this.filters().planId ?? this.plans.list()[0]?.id ?? undefined);
  protected readonly tree = rxResource({ params: () => this.structurePlanId(), stream: ({ params }) => this.plansApi.tree(params) });
  protected readonly partOptions = computed(() => (this.tree.hasValue() ? this.tree.value() : []).filter((n) => n.kind === 'part'));
  protected readonly sectionOptions = computed(() => {
    const part = this.filters().partCode;
    return (this.tree.hasValue() ? this.tree.value() : []).filter((n) => n.kind === 'section' && (!part || n.code.startsWith(`${part}.`)));
  });
  /** A part's or section's option label: "3.2 推进科技创新". */
  protected readonly codeAndTitle = (node: { code: string; title: string }) => `${node.code} ${node.title}`;
  /** Codes repeat across plans: without a plan filter each row names its plan. */
  protected readonly showPlan = computed(() => !this.filters().planId && this.plans.list().length > 1);

  protected readonly departments = departmentDirectory();
  /** The two department filters (leading, or taking part at all) differ only in these. */
  protected readonly departmentFilters = [
    { key: 'leadDepartment', placeholder: 'lists.allLeadDepartments', title: 'lists.leadFilterTitle', testId: 'filter-lead-department' },
    { key: 'department', placeholder: 'tasks.allDepartments', title: null, testId: 'filter-department' },
  ] as const;
  protected readonly statusOptions = computed(() => TASK_STATUSES.map((status) => ({ value: status, label: this.statusLabel(status) })));
  protected readonly healths = [...TASK_HEALTHS].reverse();
  protected readonly healthColors = HEALTH_COLORS;
  protected readonly pageSizes = [...TASK_PAGE_SIZES];

  /** The search box as typed; the URL follows 300 ms later. */
  protected readonly searchText = linkedSignal(() => this.filters().q);
  private readonly searches = new Subject<string>();
  protected readonly dueRange = computed(() => {
    const from = parseIsoDate(this.filters().dueFrom);
    const to = parseIsoDate(this.filters().dueTo);
    return from && to ? [from, to] : [];
  });
  protected readonly rowAction = pageAction<string>();
  protected readonly exportAction = pageAction();

  constructor() {
    // The plan is chosen once and remembered (per user, on this browser): a list whose URL names no
    // plan opens with the remembered one (replacing the URL, so Back does not bounce).
    let restored = false;
    effect(() => {
      const ids = this.plans.list().map((p) => p.id);
      const userId = this.auth.user()?.id;
      if (restored || ids.length === 0 || !userId) return;
      restored = true;
      if (untracked(() => this.filters().planId)) return;
      const planId = planToRestore(readRememberedPlan(this.document.defaultView?.localStorage, userId), ids);
      if (planId) void this.router.navigate([], { relativeTo: this.route, queryParams: { planId }, queryParamsHandling: 'merge', replaceUrl: true });
    });
    this.searches
      .pipe(
        debounceTime(300),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((q) => {
        if (q !== this.filters().q) this.apply({ q });
      });
  }

  protected search(text: string): void {
    this.searchText.set(text);
    this.searches.next(text);
  }

  /** Changes some filters (back to page 1) and writes the URL. */
  protected apply(change: Partial<TaskListFilters>, keepPage = false): void {
    const next: TaskListFilters = { ...this.filters(), ...change };
    if (!keepPage) next.page = 1;
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromFilters(next) });
  }

  protected filterDepartment(key: 'leadDepartment' | 'department', code: string | null): void {
    this.apply({ [key]: code });
  }

  protected choosePlan(planId: string | null): void {
    const userId = this.auth.user()?.id;
    if (userId) rememberPlan(this.document.defaultView?.localStorage, userId, planId);
    this.apply({ planId, partCode: null, sectionCode: null });
  }

  protected choosePart(partCode: string | null): void {
    const section = this.filters().sectionCode;
    this.apply({ partCode, sectionCode: partCode && section && !section.startsWith(`${partCode}.`) ? null : section });
  }

  protected chooseRange(range: Date[] | null): void {
    const [from, to] = range ?? [];
    this.apply({ dueFrom: from ? localIsoDate(from) : null, dueTo: to ? localIsoDate(to) : null });
  }

  protected toggleLeadOnly(on: boolean): void {
    this.apply({ leadDepartment: on ? (this.myDepartment()?.code ?? null) : null });
  }

  /** Clears the filters but keeps the chosen plan (chosen once, it stays until changed). */
  protected clear(): void {
    this.searchText.set('');
    const planId = this.filters().planId;
    void this.router.navigate([], { relativeTo: this.route, queryParams: planId ? { planId } : {} });
  }

  protected sortOrder(column: SortColumn): NzTableSortOrder {
    const sort = this.filters().sort;
    if (column === 'code') return sort === 'code' ? 'ascend' : null;
    if (column === 'updatedAt') return sort === '-updatedAt' ? 'descend' : null;
    return sort === 'dueDate' ? 'ascend' : sort === '-dueDate' ? 'descend' : null;
  }

  protected sortBy(column: SortColumn, order: string | null): void {
    let sort: TaskSort = 'code';
    if (column === 'dueDate' && order) sort = order === 'descend' ? '-dueDate' : 'dueDate';
    if (column === 'updatedAt' && order) sort = '-updatedAt';
    if (sort !== this.filters().sort) this.apply({ sort });
  }

  protected pageChange(page: number): void {
    if (page !== this.filters().page) this.apply({ page }, true);
  }

  protected pageSizeChange(pageSize: number): void {
    if (pageSize !== this.filters().pageSize) this.apply({ pageSize });
  }

  private statusLabel(status: TaskStatus): string {
    return this.i18n.t(TASK_STATUS_LABELS[status]);
  }

  protected healthLabel(health: TaskHealthColor): string {
    return this.i18n.t(TASK_HEALTH_LABELS[health]);
  }

  /** The task's own section (or part), with its title from the task's own plan. */
  protected partAndSection(task: TaskResponse): string {
    if (task.sectionCode) return `${task.sectionCode} ${task.sectionTitle ?? ''}`.trim();
    return task.partCode ? `${task.partCode} ${task.partTitle ?? ''}`.trim() : '';
  }

  protected coNames(task: TaskResponse): string {
    return task.coDepartments.map((d) => d.name).join('、');
  }

  /** On /my-tasks: the lead department's liaison or head may accept or return a newly assigned task. */
  protected canRespond(task: TaskResponse): boolean {
    return this.mine() && this.isDepartmentUser() && task.status === 'assigned' && task.leadDepartment?.code === this.myDepartment()?.code;
  }

  protected myRole(task: TaskResponse): 'lead' | 'co' | null {
    const code = this.myDepartment()?.code;
    if (!code) return null;
    if (task.leadDepartment?.code === code) return 'lead';
    return task.coDepartments.some((d) => d.code === code) ? 'co' : null;
  }

  protected accept(task: TaskResponse): void {
    this.rowAction.runFor(task.id, this.api.accept(task.id, task.version), () => {
      this.message.success(this.i18n.t('tasks.accepted', { code: task.code }));
      this.list.reload();
    }, () => this.list.reload());
  }

  protected returnTask(task: TaskResponse): void {
    this.dialogs
      .saved<TaskResponse, TextEntryData<TaskResponse>>(TextEntryDialog, {
        title: this.i18n.t('tasks.returnTitle', { code: task.code }),
        data: {
          label: this.i18n.t('tasks.reason'),
          hint: this.i18n.t('tasks.returnHint'),
          placeholder: this.i18n.t('tasks.returnReasonPlaceholder'),
          okText: this.i18n.t('taskActions.return'),
          danger: true,
          maxLength: 1000,
          submit: (reason) => this.api.transition(task.id, 'return', reason, task.version),
        },
        width: 520,
      })
      .subscribe(() => {
        this.message.success(this.i18n.t('tasks.returnedDone', { code: task.code }));
        this.list.reload();
      });
  }

  protected exportLedger(): void {
    this.exportAction.run(this.api.exportLedger(queryFromFilters(this.filters(), this.scope())), (blob) => {
      saveBlob(blob, ledgerFileName('任务台账'), this.document);
      this.message.success(this.i18n.t('tasks.exported'));
    });
  }
}
