import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { CompletionRequestResponse, ExtensionRequestResponse, ReportStatus, TaskResponse, TaskUserRef } from '@luoshi/contracts';
import { AuthService, I18nService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { OPEN_STATUSES } from '../shared/report-labels';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';
import { type CompletionRequestData, CompletionRequestDialog } from './completion-request.dialog';
import { type ExtensionRequestData, ExtensionRequestDialog } from './extension-request.dialog';

interface RequestRow {
  kind: 'extension' | 'completion';
  id: string;
  status: ReportStatus;
  /** 延至 2027-09-30 / the summary. */
  text: string;
  requestedBy: TaskUserRef;
  createdAt: string;
  approvalId: string | null;
  returnComment: string | null;
}

/** Task statuses in which the lead department may ask for more time, or (after progress started) for completion. */
const EXTENDABLE: readonly TaskResponse['status'][] = ['assigned', 'accepted', 'in_progress'];

/**
 * `<luoshi-task-requests [taskId]>` — the task's extension (延期) and completion (办结) requests with
 * their status and approval links, and for the lead department the buttons to file new ones.
 */
@Component({
  selector: 'luoshi-task-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzIconModule, NzModalModule, NzTagModule, TranslatePipe, LoadErrorComponent, ReportStatusTagComponent],
  template: `
    <nz-card nzSize="small" [nzTitle]="'taskRequests.title' | t" data-testid="task-requests-card">
      @if (canExtend() || canComplete()) {
        <div class="buttons">
          @if (canExtend()) {
            <button nz-button nzSize="small" (click)="requestExtension()" data-testid="request-extension"><nz-icon nzType="clock-circle" />{{ 'taskRequests.extension' | t }}</button>
          }
          @if (canComplete()) {
            <button nz-button nzSize="small" nzType="primary" (click)="requestCompletion()" data-testid="request-completion"><nz-icon nzType="check" />{{ 'taskRequests.completion' | t }}</button>
          }
        </div>
      }
      @if (extensions.error() || completions.error(); as error) {
        <luoshi-load-error [error]="error" (retry)="reload()" />
      }
      @for (row of rows(); track row.id) {
        <div class="request" data-testid="task-request" [attr.data-kind]="row.kind">
          <div class="request__head">
            <nz-tag [nzColor]="row.kind === 'extension' ? 'orange' : 'green'">{{ (row.kind === 'extension' ? 'taskRequests.extensionKind' : 'taskRequests.completionKind') | t }}</nz-tag>
            <luoshi-report-status-tag [status]="row.status" />
            <span class="muted">{{ row.requestedBy.displayName }} · {{ row.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
            @if (row.approvalId) {
              <a class="request__link" [routerLink]="['/approvals', row.approvalId]" data-testid="request-approval">{{ 'approvals.openApproval' | t }}</a>
            }
          </div>
          <div class="request__text">{{ row.text }}</div>
          @if (row.returnComment) {
            <div class="request__comment">{{ 'taskRequests.returnComment' | t: { comment: row.returnComment } }}</div>
          }
        </div>
      } @empty {
        @if (!extensions.isLoading() && !completions.isLoading()) {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskRequests.empty' | t" />
        }
      }
    </nz-card>
  `,
  styles: `
    :host { display: block; margin-bottom: 16px; }
    .buttons { display: flex; gap: 8px; margin-bottom: 8px; }
    .request { padding: 8px 0; border-top: 1px solid #f5f5f5; }
    .request__head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .request__link { margin-left: auto; }
    .request__text { margin-top: 4px; white-space: pre-wrap; }
    .request__comment { margin-top: 4px; color: #ad4e00; }
    .muted { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class TaskRequestsComponent {
  private readonly api = inject(ReportsApi);
  private readonly tasksApi = inject(TasksApi);
  private readonly auth = inject(AuthService);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly taskId = input.required<string>();
  /** Changes (e.g. the task's version) re-read everything. */
  readonly revision = input<unknown>(null);
  /** A request was filed (the task's status or deadline may follow). */
  readonly changed = output<void>();

  private readonly params = computed(() => ({ id: this.taskId(), revision: this.revision() }));
  private readonly task = rxResource({ params: this.params, stream: ({ params }) => this.tasksApi.get(params.id) });
  protected readonly extensions = rxResource({ params: this.params, stream: ({ params }) => this.api.extensionRequests(params.id) });
  protected readonly completions = rxResource({ params: this.params, stream: ({ params }) => this.api.completionRequests(params.id) });

  private readonly ext = computed<ExtensionRequestResponse[]>(() => (this.extensions.hasValue() ? this.extensions.value() : []));
  private readonly comp = computed<CompletionRequestResponse[]>(() => (this.completions.hasValue() ? this.completions.value() : []));
  protected readonly rows = computed<RequestRow[]>(() =>
    [
      ...this.ext().map((r) => ({
        kind: 'extension' as const,
        id: r.id,
        status: r.status,
        text: this.i18n.t('approvals.labelled', { label: `${r.currentDueDate ?? '—'} → ${r.newDueDate}`, value: r.reason }),
        requestedBy: r.requestedBy,
        createdAt: r.createdAt,
        approvalId: r.approvalId,
        returnComment: r.returnComment,
      })),
      ...this.comp().map((r) => ({
        kind: 'completion' as const,
        id: r.id,
        status: r.status,
        text: r.summary,
        requestedBy: r.requestedBy,
        createdAt: r.createdAt,
        approvalId: r.approvalId,
        returnComment: r.returnComment,
      })),
    ].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );

  /** The lead department's liaison or head. */
  private readonly isLead = computed(() => {
    const task = this.task.hasValue() ? this.task.value() : null;
    return !!task && this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && task.leadDepartment?.id === this.auth.user()?.department.id;
  });
  protected readonly canExtend = computed(() => {
    const task = this.task.value();
    return this.isLead() && !!task?.dueDate && EXTENDABLE.includes(task.status) && !this.ext().some((r) => OPEN_STATUSES.includes(r.status));
  });
  protected readonly canComplete = computed(() => this.isLead() && this.task.value()?.status === 'in_progress' && !this.comp().some((r) => OPEN_STATUSES.includes(r.status)));

  protected reload(): void {
    this.extensions.reload();
    this.completions.reload();
  }

  protected requestExtension(): void {
    const task = this.task.value();
    if (!task) return;
    this.modal
      .create<ExtensionRequestDialog, ExtensionRequestData, ExtensionRequestResponse>({
        nzTitle: this.i18n.t('taskRequests.extensionTitle', { code: task.code }),
        nzContent: ExtensionRequestDialog,
        nzData: { task },
        nzWidth: 520,
        nzMaskClosable: false,
      })
      .afterClose.subscribe((result) => {
        if (!result) return;
        this.message.success(this.i18n.t('taskRequests.extensionDone'));
        this.extensions.reload();
        this.changed.emit();
      });
  }

  protected requestCompletion(): void {
    const task = this.task.value();
    if (!task) return;
    this.modal
      .create<CompletionRequestDialog, CompletionRequestData, CompletionRequestResponse>({
        nzTitle: this.i18n.t('taskRequests.completionTitle', { code: task.code }),
        nzContent: CompletionRequestDialog,
        nzData: { task },
        nzWidth: 600,
        nzMaskClosable: false,
      })
      .afterClose.subscribe((result) => {
        if (!result) return;
        this.message.success(this.i18n.t('taskRequests.completionDone'));
        this.completions.reload();
        this.task.reload();
        this.changed.emit();
      });
  }
}
