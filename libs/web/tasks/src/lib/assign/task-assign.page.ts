import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { catchError, concatMap, from, map, Observable, of } from 'rxjs';
import { type BulkAssignItem, TASK_REPORTING_CYCLES, type TaskResponse } from '@luoshi/contracts';
import { I18nService, PlansApi, TasksApi, toApiError, TranslatePipe } from '@luoshi/web/core';
import { departmentDirectory, LoadErrorComponent, pageAction, PageHeaderComponent, planDirectory, saveBlob, SearchInputComponent, SelectComponent, SelectOptionsPipe } from '@luoshi/web/ui';
import { DeadlineInputComponent } from '../shared/deadline-input.component';
import { ledgerFileName } from '../shared/download';

import { TaskHealthDotComponent } from '../shared/task-health-dot.component';
import { TaskStatusTagComponent } from '../shared/task-status-tag.component';
import { AssignDialogs } from './assign-dialogs.service';
import { buildGridRows, bulkItemFor, bulkProblems, deadlineOf, dispatchTargets, isDirty, patchFor, type RowEdit, rowProblem } from './assign-grid';
import { AssignGridState } from './assign-grid.state';
import { SuggestionsPopoverComponent } from './suggestions-popover.component';

/** Lead department and deadline are the office's to set until the lead department accepts. */
const ASSIGN_OPEN: readonly TaskResponse['status'][] = ['draft', 'assigned'];
const CLOSED: readonly TaskResponse['status'][] = ['completed', 'cancelled'];

/**
 * office_admin: the assignment grid (任务分派). A plan's tasks under its parts and sections, each row
 * editable in place (lead, co-departments, deadline, reporting cycle) and saved with a version check;
 * checked rows are assigned together in one bulk call; suggestions, splitting, the ledger export and
 * the spreadsheet import. The grid's edits, problems and selection live in AssignGridState; the
 * page's questions and dialogs in AssignDialogs.
 */
@Component({
  selector: 'luoshi-task-assign-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzModalModule,
    NzResultModule,
    NzSkeletonModule,
    NzSwitchModule,
    NzTableModule,
    NzTooltipModule,
    TranslatePipe,
    SelectOptionsPipe,
    LoadErrorComponent,
    PageHeaderComponent,
    DeadlineInputComponent,
    SuggestionsPopoverComponent,
    TaskHealthDotComponent,
    TaskStatusTagComponent,
    SearchInputComponent,
    SelectComponent,
  ],
  providers: [AssignGridState, AssignDialogs],
  templateUrl: './task-assign.page.html',
  styleUrl: './task-assign.page.css',
})
export class TaskAssignPage {
  private readonly tasksApi = inject(TasksApi);
  private readonly plansApi = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly dialogs = inject(AssignDialogs);
  private readonly message = inject(NzMessageService);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18nService);
  protected readonly grid = inject(AssignGridState);

  /** Query parameters: the plan (default: the first imported, i.e. the seed plan) and a prefilled filter. */
  readonly planId = input<string>();
  readonly q = input<string>();

  protected readonly plans = planDirectory();
  protected readonly currentPlanId = computed(() => this.planId() ?? this.plans.list()[0]?.id ?? null);

  protected readonly tree = rxResource({
    params: () => this.currentPlanId() ?? undefined,
    stream: ({ params }) => this.plansApi.tree(params),
  });
  protected readonly tasks = rxResource({
    params: () => this.currentPlanId() ?? undefined,
    stream: ({ params }) => this.tasksApi.listAll({ planId: params, scope: 'all', sort: 'code' }),
  });
  protected readonly departments = departmentDirectory();
  protected readonly cycleOptions = computed(() => TASK_REPORTING_CYCLES.map((value) => ({ value, label: this.i18n.t(`taskCycles.${value}`) })));

  protected readonly allTasks = computed(() => (this.tasks.hasValue() ? this.tasks.value() : []));
  /**
   * Tasks made from measures (code = the measure's code, or code-1, code-2 … when split). A plan whose
   * only tasks are special-action-plan drafting tasks (SAP-n) still needs 生成任务 for its measures.
   */
  protected readonly hasMeasureTasks = computed(() => this.allTasks().some((t) => t.code === t.measureCode || t.code.startsWith(`${t.measureCode}-`)));
  protected readonly titles = computed(() => {
    const nodes = this.tree.hasValue() ? this.tree.value() : [];
    return new Map(nodes.filter((n) => n.kind === 'part' || n.kind === 'section').map((n) => [n.code, n.title]));
  });

  // Grid filter.
  /** Prefilled from ?q= (the task page links here with the task's code). */
  protected readonly filterText = linkedSignal(() => this.q() ?? '');
  protected readonly onlyDraft = signal(false);

  protected readonly visibleTasks = computed(() => {
    const text = this.filterText().trim().toLowerCase();
    const draft = this.onlyDraft();
    return this.allTasks().filter(
      (t) => (!draft || t.status === 'draft') && (!text || t.code.toLowerCase().startsWith(text) || t.title.toLowerCase().includes(text)),
    );
  });
  protected readonly rows = computed(() => buildGridRows(this.visibleTasks(), this.titles()));
  protected readonly draftCount = computed(() => this.allTasks().filter((t) => t.status === 'draft').length);

  protected readonly dirtyIds = computed(() => {
    const edits = this.grid.edits();
    return this.allTasks()
      .filter((t) => isDirty(t, edits.get(t.id)))
      .map((t) => t.id);
  });
  protected readonly dirtySet = computed(() => new Set(this.dirtyIds()));

  // Bulk bar.
  protected readonly bulkBusy = signal(false);
  protected readonly savingAll = signal(false);
  protected readonly generateAction = pageAction();
  protected readonly exportAction = pageAction();

  protected readonly selectedCount = computed(() => this.grid.selected().size);

  /**
   * Each row's values as edited, else the task's. Computed once per change of tasks or edits, so the
   * arrays handed to the multi-selects keep their identity between renders.
   */
  protected readonly cells = computed(() => {
    const edits = this.grid.edits();
    return new Map(
      this.allTasks().map((task) => {
        const edit = edits.get(task.id);
        return [
          task.id,
          {
            lead: edit?.lead ?? task.leadDepartment?.code ?? null,
            co: edit?.co ?? task.coDepartments.map((d) => d.code),
            deadline: edit?.deadline ?? deadlineOf(task),
            cycle: edit?.cycle ?? task.reportingCycle,
          },
        ] as const;
      }),
    );
  });

  private co(task: TaskResponse): string[] {
    return this.cells().get(task.id)?.co ?? [];
  }

  protected assignOpen(task: TaskResponse): boolean {
    return ASSIGN_OPEN.includes(task.status);
  }

  protected closed(task: TaskResponse): boolean {
    return CLOSED.includes(task.status);
  }

  protected fieldLabel(field: string): string {
    return (field && this.i18n.lookup(`taskFields.${field}`)) || '';
  }

  protected addCo(task: TaskResponse, code: string): void {
    const co = this.co(task);
    if (!co.includes(code)) this.grid.edit(task, { co: [...co, code] });
  }

  protected pickLead(task: TaskResponse, code: string | null): void {
    if (!code) return; // the lead select has no clear button: a lead is replaced, never removed here
    // The new lead is no longer also a co-department.
    const co = this.co(task).filter((c) => c !== code);
    this.grid.edit(task, { lead: code, ...(co.length !== this.co(task).length ? { co } : {}) });
  }

  protected choosePlan(planId: string | null): void {
    this.grid.reset();
    void this.router.navigate([], { queryParams: { planId }, replaceUrl: true });
  }

  protected generate(): void {
    const planId = this.currentPlanId();
    if (!planId) return;
    this.generateAction.run(this.tasksApi.generate(planId), (result) => {
      const { created, prefilled } = result;
      this.message.success(prefilled > 0 ? this.i18n.t('planExtra.generatedPrefilled', { created, prefilled }) : this.i18n.t('taskAssign.generated', { created }));
      this.tasks.reload();
    });
  }

  /** PATCH one row (version-checked); problems stay next to the row. */
  protected save(task: TaskResponse): void {
    const edit = this.grid.edits().get(task.id);
    if (!edit || !isDirty(task, edit)) return;
    this.grid.markSaving(task.id, true);
    this.saveRow(task, edit).subscribe((ok) => {
      this.grid.markSaving(task.id, false);
      if (ok) this.message.success(this.i18n.t(task.status === 'draft' ? 'taskAssign.savedDraft' : 'taskAssign.saved', { code: task.code }));
    });
  }

  /** Every edited row, one PATCH after another (each row stands alone). */
  protected saveAll(): void {
    const ids = this.dirtyIds();
    if (ids.length === 0) return;
    this.savingAll.set(true);
    let saved = 0;
    from(ids)
      .pipe(
        concatMap((id) => {
          const task = this.allTasks().find((t) => t.id === id);
          const edit = this.grid.edits().get(id);
          return task && edit ? this.saveRow(task, edit) : of(false);
        }),
      )
      .subscribe({
        next: (ok) => (saved += ok ? 1 : 0),
        complete: () => {
          this.savingAll.set(false);
          if (saved > 0) this.message.success(this.i18n.t('taskAssign.savedAll', { n: saved }));
          if (saved < ids.length) this.message.error(this.i18n.t('taskAssign.saveAllFailed', { n: ids.length - saved }));
        },
      });
  }

  /** 保存 or 交办 the checked rows in one call: bulk values, else each row's edits, else what it has. */
  protected bulkAssign(dispatch: boolean): void {
    this.apply(this.allTasks().filter((t) => this.grid.isSelected(t.id)), this.grid.bulkValues(), dispatch, true);
  }

  /** 交办 one row (its unsaved edits with it), after the confirmation. */
  protected dispatchRow(task: TaskResponse): void {
    this.apply([task], { lead: null, co: null, deadline: null, cycle: null }, true, false);
  }

  /** Items for the tasks; a dispatch first confirms who will be told (the departments, lead and co-). */
  private apply(tasks: TaskResponse[], bulk: Parameters<typeof bulkItemFor>[2], dispatch: boolean, clearBulk: boolean): void {
    if (tasks.length === 0) return;
    const items = tasks.map((t) => ({ task: t, item: bulkItemFor(t, this.grid.edits().get(t.id), bulk) }));
    const missing = items.filter((x) => x.item === null);
    if (missing.length > 0) {
      const noLead = { field: 'leadDepartmentCode', message: this.i18n.t('taskAssign.noLead') };
      this.grid.addProblems(new Map(missing.map(({ task }) => [task.id, [noLead]])));
      this.message.error(this.i18n.t('taskAssign.bulkFailed'));
      return;
    }
    const ready = items.map((x) => x.item!);
    if (!dispatch) return this.send(tasks, ready, false, clearBulk);
    const names = new Map(this.departments.list().map((d) => [d.code, d.name]));
    // A row whose co-departments are not edited keeps the task's own: they are told as well.
    const told = items.map(({ task, item }) => ({ ...item!, coDepartmentCodes: item!.coDepartmentCodes ?? task.coDepartments.map((d) => d.code) }));
    const targets = dispatchTargets(told, (code) => names.get(code) ?? code);
    this.dialogs.confirmDispatch(ready.length, targets, () => this.send(tasks, ready, true, clearBulk));
  }

  private send(tasks: TaskResponse[], items: BulkAssignItem[], dispatch: boolean, clearBulk: boolean): void {
    const ids = tasks.map((t) => t.id);
    this.bulkBusy.set(true);
    ids.forEach((id) => this.grid.setProblems(id, null));
    this.tasksApi.bulkAssign(items, dispatch).subscribe({
      next: (result) => {
        this.bulkBusy.set(false);
        this.replaceTasks(result.items);
        this.grid.dropEdits(ids);
        if (clearBulk) this.grid.clearBulk();
        const who = this.dialogs.targetsText(result.notified.map((n) => ({ name: n.department.name, role: n.role, tasks: n.tasks, users: n.users.length })));
        if (result.dispatched > 0) this.message.success(this.i18n.t('taskAssign.dispatched', { n: result.dispatched, who: who || '—' }), { nzDuration: 6000 });
        else this.message.success(this.i18n.t(dispatch ? 'taskAssign.nothingToDispatch' : 'taskAssign.bulkSaved', { n: result.items.length }));
      },
      error: (raw: unknown) => {
        this.bulkBusy.set(false);
        const error = toApiError(raw);
        const perRow = bulkProblems(error, ids);
        if (perRow) {
          this.grid.addProblems(perRow);
          this.message.error(this.i18n.t('taskAssign.bulkFailed'));
        } else {
          this.message.error(this.i18n.errorText(error));
        }
      },
    });
  }

  /** After a 409: fetch the row again (unsaved edits stay, to be saved on the new version). */
  protected reloadRow(task: TaskResponse): void {
    this.grid.markSaving(task.id, true);
    this.tasksApi.get(task.id).subscribe({
      next: (fresh) => {
        this.grid.markSaving(task.id, false);
        this.replaceTasks([fresh]);
        this.grid.setProblems(task.id, null);
        this.message.info(this.i18n.t('taskAssign.reloaded', { code: task.code }));
      },
      error: (raw: unknown) => {
        this.grid.markSaving(task.id, false);
        this.message.error(this.i18n.errorText(toApiError(raw)));
      },
    });
  }

  protected split(task: TaskResponse): void {
    this.dialogs.split(task).subscribe((tasks) => {
      if (!tasks) return;
      this.message.success(this.i18n.t('taskAssign.splitDone', { code: task.code, n: tasks.length }));
      this.grid.revert(task.id);
      this.tasks.reload();
    });
  }

  protected openImport(): void {
    this.dialogs.importAssignments(this.currentPlanId()).subscribe((result) => {
      if (!result?.applied) return;
      this.message.success(this.i18n.t('taskAssign.importDone', { n: result.changedRows }));
      this.tasks.reload();
    });
  }

  protected exportLedger(): void {
    const planId = this.currentPlanId();
    this.exportAction.run(this.tasksApi.exportLedger({ scope: 'all', planId: planId ?? undefined, sort: 'code' }), (blob) => {
      saveBlob(blob, ledgerFileName('任务台账'), this.document);
      this.message.success(this.i18n.t('tasks.exported'));
    });
  }

  /** Leaving with unsaved rows asks first. */
  confirmLeave(): Observable<boolean> | boolean {
    const n = this.dirtyIds().length;
    if (n === 0) return true;
    return this.dialogs.confirmLeave(n);
  }

  private saveRow(task: TaskResponse, edit: RowEdit): Observable<boolean> {
    return this.tasksApi.update(task.id, patchFor(task, edit)).pipe(
      map((saved) => {
        this.replaceTasks([saved]);
        this.grid.dropEdits([task.id]);
        this.grid.setProblems(task.id, null);
        return true;
      }),
      catchError((raw: unknown) => {
        const error = toApiError(raw);
        this.grid.setProblems(task.id, [rowProblem(error, this.i18n.errorText(error))]);
        return of(false);
      }),
    );
  }

  private replaceTasks(fresh: readonly TaskResponse[]): void {
    const byId = new Map(fresh.map((t) => [t.id, t]));
    this.tasks.update((list) => list?.map((t) => byId.get(t.id) ?? t));
  }
}
