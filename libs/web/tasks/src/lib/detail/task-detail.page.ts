import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { Observable } from 'rxjs';
import type { TaskAction, TaskDetailResponse, TaskReportingCycle, TaskResponse, UrgeTaskResponse } from '@luoshi/contracts';
import {
  AuthService,
  I18nService,
  RemindersApi,
  type TaskReasonAction,
  TasksApi,
  toApiError,
  TranslatePipe,
  WorkingDays,
} from '@luoshi/web/core';
import { TaskReportsComponent, TaskRequestsComponent } from '@luoshi/web/reports';
import { BackLinkComponent, ComposeComponent, departmentDirectory, DetailTitleComponent, formDialogs, LoadErrorComponent, pageAction, type TextEntryData, TextEntryDialog } from '@luoshi/web/ui';

import { TaskDeadlineComponent } from '../shared/task-deadline.component';
import { TaskHealthDotComponent } from '../shared/task-health-dot.component';
import { TaskStatusTagComponent } from '../shared/task-status-tag.component';
import { type ReassignData, ReassignDialog } from './reassign.dialog';
import { TaskInstructionsComponent } from './task-instructions.component';
import { TaskTimelineComponent } from './task-timeline.component';

/** Header buttons, in this order, when allowedActions has them (instruct, answer and comment have their own boxes). */
const BUTTON_ACTIONS: readonly TaskAction[] = ['accept', 'return', 'urge', 'reassign', 'suspend', 'resume', 'cancel'];
const REASON_ACTIONS: readonly TaskReasonAction[] = ['return', 'suspend', 'resume', 'cancel'];
const DANGER_ACTIONS: readonly TaskAction[] = ['return', 'cancel'];

/**
 * /tasks/:taskId — the link target of notifications. Header (code, title, status, health, lead and
 * co-departments, deadline, progress), the measure text, the caller's allowed actions, the timeline,
 * leader instructions with answers, comments, reporting periods and, for office roles and leaders,
 * the reminder schedule.
 */
@Component({
  selector: 'luoshi-task-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    BackLinkComponent,
    DetailTitleComponent,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzIconModule,
    NzModalModule,
    NzProgressModule,
    NzResultModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    ComposeComponent,
    LoadErrorComponent,
    TaskDeadlineComponent,
    TaskHealthDotComponent,
    TaskInstructionsComponent,
    TaskStatusTagComponent,
    TaskTimelineComponent,
    TaskReportsComponent,
    TaskRequestsComponent,
  ],
  templateUrl: './task-detail.page.html',
  styleUrl: './task-detail.page.css',
})
export class TaskDetailPage {
  private readonly api = inject(TasksApi);
  private readonly reminderApi = inject(RemindersApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  /** Route parameter. */
  readonly taskId = input.required<string>();

  protected readonly task = rxResource({ params: () => this.taskId(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed<TaskDetailResponse | null>(() => (this.task.hasValue() ? this.task.value() : null));
  protected readonly seesReminders = computed(() => this.auth.hasAnyRole(['office_admin', 'office_reviewer', 'leader']));
  protected readonly reminders = rxResource({
    params: () => (this.seesReminders() && this.detail() ? { id: this.taskId(), version: this.detail()?.version } : undefined),
    stream: ({ params }) => this.reminderApi.taskReminders(params.id),
  });
  private readonly workingDays = inject(WorkingDays);
  /** A deadline on a holiday or weekend: the schedule's 到期 reminder fires on the working day before it. */
  protected readonly dueReminderNote = computed(() => {
    const due = this.detail()?.dueDate;
    return !!due && this.seesReminders() && !this.workingDays.isWorkingDay(due) && this.workingDays.loaded();
  });
  protected readonly departments = departmentDirectory();

  protected readonly backLink = computed(() => (this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && !this.auth.hasAnyRole(['office_admin', 'office_reviewer']) ? '/my-tasks' : '/tasks'));
  protected readonly allowed = computed(() => new Set(this.detail()?.allowedActions ?? []));
  protected readonly buttons = computed(() => BUTTON_ACTIONS.filter((a) => this.allowed().has(a)));
  protected readonly canEdit = computed(() => this.allowed().has('edit') || this.allowed().has('split'));
  protected readonly comments = computed(() => (this.detail()?.events ?? []).filter((e) => e.kind === 'comment').reverse());
  protected readonly openInstructions = computed(() => (this.detail()?.instructions ?? []).filter((i) => !i.answer).length);
  protected readonly coNames = computed(() => (this.detail()?.coDepartments ?? []).map((d) => d.name).join('、'));

  protected readonly commentText = signal('');
  protected readonly commentAction = pageAction();
  protected readonly busyAction = signal<TaskAction | null>(null);

  protected isDanger(action: TaskAction): boolean {
    return DANGER_ACTIONS.includes(action);
  }

  protected actionLabel(action: TaskAction): string {
    return this.i18n.t(`taskActions.${action}`);
  }

  protected cycleLabel(cycle: TaskReportingCycle): string {
    return this.i18n.t(`taskCycles.${cycle}`);
  }

  protected recipientLabel(rule: string): string {
    return this.i18n.lookup(`recipients.${rule}`) ?? rule;
  }

  protected levelLabel(level: string): string {
    return this.i18n.lookup(`notificationLevels.${level}`) ?? level;
  }

  protected statusLabel(status: string): string {
    return this.i18n.lookup(`reminderStatus.${status}`) ?? status;
  }

  protected run(action: TaskAction): void {
    const task = this.detail();
    if (!task) return;
    if (action === 'accept') {
      this.busyAction.set('accept');
      this.api.accept(task.id, task.version).subscribe({ next: () => this.done(action, task), error: (raw: unknown) => this.failed(raw) });
    } else if (action === 'urge') {
      this.askText<UrgeTaskResponse>(task, action, {
        label: this.i18n.t('taskDetail.urgeMessage'),
        placeholder: this.i18n.t('taskDetail.urgePlaceholder'),
        submit: (message) => this.api.urge(task.id, message),
      }).subscribe((result) => {
        if (result) {
          this.message.success(this.i18n.t('taskDetail.urged', { n: result.notified }));
          this.task.reload();
        }
      });
    } else if (action === 'reassign') {
      this.dialogs
        .open<TaskResponse, ReassignData>(ReassignDialog, {
          title: this.i18n.t('taskDetail.actionTitle', { action: this.i18n.t('taskActions.reassign'), code: task.code }),
          data: { task, departments: this.departments.options() },
          width: 560,
        })
        .subscribe((result) => {
          if (result) this.done(action, task);
        });
    } else if ((REASON_ACTIONS as readonly string[]).includes(action)) {
      const reasonAction = action as TaskReasonAction;
      this.askText<TaskResponse>(task, action, {
        label: this.i18n.t('taskDetail.reason'),
        hint: action === 'return' ? this.i18n.t('tasks.returnHint') : undefined,
        placeholder: action === 'return' ? this.i18n.t('tasks.returnReasonPlaceholder') : this.i18n.t('taskDetail.reasonPlaceholder'),
        danger: this.isDanger(action),
        submit: (reason) => this.api.transition(task.id, reasonAction, reason, task.version),
      }).subscribe((result) => {
        if (result) this.done(action, task);
      });
    }
  }

  protected postComment(): void {
    const text = this.commentText().trim();
    const task = this.detail();
    if (!text || !task) return;
    this.commentAction.run(this.api.comment(task.id, text), () => {
      this.commentText.set('');
      this.message.success(this.i18n.t('taskDetail.commented'));
      this.task.reload();
    });
  }

  private askText<T>(task: TaskResponse, action: TaskAction, data: Omit<TextEntryData<T>, 'okText' | 'maxLength'>): Observable<T | undefined> {
    const label = this.i18n.t(`taskActions.${action}`);
    return this.dialogs
      .open<T, TextEntryData<T>>(TextEntryDialog, {
        title: this.i18n.t('taskDetail.actionTitle', { action: label, code: task.code }),
        data: { ...data, okText: label, maxLength: 1000 },
        width: 520,
      });
  }

  private done(action: TaskAction, task: TaskResponse): void {
    this.busyAction.set(null);
    this.message.success(this.i18n.t('taskDetail.done', { action: this.i18n.t(`taskActions.${action}`), code: task.code }));
    this.task.reload();
  }

  private failed(raw: unknown): void {
    this.busyAction.set(null);
    this.message.error(this.i18n.errorText(toApiError(raw)));
    this.task.reload();
  }
}
