import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { TASK_REQUEST_KINDS, type TaskRequestKind, type TaskRequestResponse, type TaskStatus } from '@luoshi/contracts';
import { AuthService, I18nService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { formDialogs, LoadErrorComponent } from '@luoshi/web/ui';
import { OPEN_STATUSES } from '../shared/report-labels';
import { REQUEST_KINDS } from './request-labels';
import { RequestsApi } from './requests.api';
import { type TaskRequestData, TaskRequestDialog } from './task-request.dialog';
import { TaskRequestViewComponent } from './task-request-view.component';

/** Task statuses in which each kind may be filed (completion only once work has started). */
const FILABLE_IN: Readonly<Record<TaskRequestKind, readonly TaskStatus[]>> = {
  extension_request: ['assigned', 'accepted', 'in_progress'],
  change_request: ['assigned', 'accepted', 'in_progress'],
  completion_request: ['in_progress'],
};
const ICONS: Readonly<Record<TaskRequestKind, string>> = { extension_request: 'clock-circle', completion_request: 'check', change_request: 'edit' };

/**
 * `<luoshi-task-requests [taskId]>` — every request about the task (延期, 办结, 任务变更), newest first,
 * with status and approval link; for the lead department's liaison or head, the buttons to file one
 * (a kind is offered while the task's status allows it and none of that kind is awaiting approval).
 */
@Component({
  selector: 'luoshi-task-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzIconModule, NzModalModule, TranslatePipe, LoadErrorComponent, TaskRequestViewComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'taskRequests.title' | t" data-testid="task-requests-card">
      @if (filable().length > 0) {
        <div class="buttons">
          @for (kind of filable(); track kind) {
            <button nz-button nzSize="small" [nzType]="kind === 'completion_request' ? 'primary' : 'default'" (click)="file(kind)" [attr.data-testid]="'request-' + kinds[kind].stem">
              <nz-icon [nzType]="icons[kind]" />{{ kinds[kind].action | t }}
            </button>
          }
        </div>
      }
      @if (requests.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="requests.reload()" />
      }
      @for (r of list(); track r.id) {
        <luoshi-task-request-view class="request" [request]="r" data-testid="task-request" [attr.data-kind]="r.kind" [attr.data-status]="r.status">
          <span class="muted">{{ r.requestedBy.displayName }} · {{ r.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
          @if (r.approvalId) {
            <a class="request__link" [routerLink]="['/approvals', r.approvalId]" data-testid="request-approval">{{ 'approvals.openApproval' | t }}</a>
          }
        </luoshi-task-request-view>
      } @empty {
        @if (requests.hasValue()) {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskRequests.empty' | t" />
        }
      }
    </nz-card>
  `,
  styles: `
    :host { display: block; margin-bottom: 16px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
    .request { padding: 8px 0; border-top: 1px solid #f5f5f5; }
    .request__link { margin-left: auto; }
    .muted { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class TaskRequestsComponent {
  private readonly api = inject(RequestsApi);
  private readonly tasksApi = inject(TasksApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  readonly taskId = input.required<string>();
  /** Changes (e.g. the task's version) re-read everything. */
  readonly revision = input<unknown>(null);
  /** A request was filed (the task's status or deadline may follow). */
  readonly changed = output<void>();

  protected readonly kinds = REQUEST_KINDS;
  protected readonly icons = ICONS;
  private readonly params = computed(() => ({ id: this.taskId(), revision: this.revision() }));
  private readonly task = rxResource({ params: this.params, stream: ({ params }) => this.tasksApi.get(params.id) });
  protected readonly requests = rxResource({ params: this.params, stream: ({ params }) => this.api.list(params.id) });
  /** Newest first (the API lists oldest first). */
  protected readonly list = computed<TaskRequestResponse[]>(() => (this.requests.hasValue() ? [...this.requests.value()].reverse() : []));

  /** The kinds the user may file now: the lead department's liaison or head, task status permitting, none of the kind open. */
  protected readonly filable = computed<TaskRequestKind[]>(() => {
    const task = this.task.hasValue() ? this.task.value() : null;
    const mine = !!task && this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && task.leadDepartment?.id === this.auth.user()?.department.id;
    if (!task || !mine || !this.requests.hasValue()) return [];
    const open = new Set(this.list().filter((r) => OPEN_STATUSES.includes(r.status)).map((r) => r.kind));
    return TASK_REQUEST_KINDS.filter(
      (kind) => FILABLE_IN[kind].includes(task.status) && !open.has(kind) && (kind !== 'extension_request' || !!task.dueDate),
    );
  });

  protected file(kind: TaskRequestKind): void {
    const task = this.task.value();
    if (!task) return;
    const texts = REQUEST_KINDS[kind];
    this.dialogs
      .saved<TaskRequestResponse, TaskRequestData>(TaskRequestDialog, {
        title: this.i18n.t('taskRequests.dialogTitle', { action: this.i18n.t(texts.action), code: task.code }),
        data: { task, kind },
        width: kind === 'extension_request' ? 520 : 640,
      })
      .subscribe(() => {
        this.message.success(this.i18n.t('taskRequests.filed', { label: this.i18n.t(texts.label) }));
        this.requests.reload();
        this.task.reload();
        this.changed.emit();
      });
  }
}
