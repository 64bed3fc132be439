import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { ApprovalDetailResponse, ApprovalUserAction, TaskUserRef } from '@luoshi/contracts';
import { ApprovalCounts, ApprovalsApi, AuthService, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { BackLinkComponent, DetailTitleComponent, formDialogs, LoadErrorComponent } from '@luoshi/web/ui';
import { ApprovalStatusTagComponent } from '../shared/approval-status-tag.component';
import { ApprovalRoundsComponent } from '../shared/approval-rounds.component';
import { ApprovalStepsComponent } from '../shared/approval-steps.component';
import { ApprovalTimelineComponent } from '../shared/approval-timeline.component';
import { ApprovalSubjectComponent } from './approval-subject.component';
import { type DecisionData, DecisionDialog, type DecisionResult, type DialogAction } from './decision.dialog';
import { APPROVAL_SUBJECT_LABELS } from '../shared/report-labels';

/** Buttons in this order when allowedActions has them. */
const BUTTONS: readonly ApprovalUserAction[] = ['approve', 'return', 'reject', 'transfer', 'addSigner', 'comment', 'withdraw'];
const ICONS: Record<ApprovalUserAction, string> = {
  approve: 'check',
  return: 'rollback',
  reject: 'close',
  transfer: 'swap',
  addSigner: 'user-add',
  comment: 'message',
  withdraw: 'undo',
};

/**
 * /approvals/:approvalId — the item being approved (report with evidence, request, or special
 * action plan draft), the chain's steps and timeline, and the caller's allowed decisions.
 */
@Component({
  selector: 'luoshi-approval-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    BackLinkComponent,
    DetailTitleComponent,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzModalModule,
    NzSkeletonModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    ApprovalRoundsComponent,
    ApprovalStatusTagComponent,
    ApprovalStepsComponent,
    ApprovalSubjectComponent,
    ApprovalTimelineComponent,
  ],
  template: `
    <luoshi-back-link link="/approvals" testId="approval-back">{{ 'approvals.back' | t }}</luoshi-back-link>

    @if (approval.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="approval.reload()" />
    } @else if (detail(); as a) {
      <div class="head">
        <luoshi-detail-title [heading]="a.title">
          <nz-tag before nzColor="blue" class="head__type">{{ subjectLabel(a) }}</nz-tag>
          <luoshi-approval-status-tag [status]="a.status" />
        </luoshi-detail-title>
        <div class="head__meta">
          <span>{{ a.department?.name ?? '' }}</span>
          <span class="muted">{{ 'approvals.labelled' | t: { label: ('approvals.drafter' | t), value: a.drafter.displayName } }}</span>
          <span class="muted">{{ 'approvals.labelled' | t: { label: ('approvals.createdAt' | t), value: (a.createdAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</span>
          @if (a.round > 1 || a.otherRounds.length > 0) {
            <nz-tag nzColor="purple" data-testid="approval-round-tag">{{ 'lists.round' | t: { n: a.round } }}</nz-tag>
          }
          @if (a.task; as task) {
            <span class="muted" data-testid="approval-plan">{{ task.planTitle }} · {{ task.code }}</span>
          }
          @if (a.currentStep && a.status === 'in_progress') {
            <span class="muted">{{ 'approvals.labelled' | t: { label: ('approvals.currentStep' | t), value: a.currentStep.name } }}</span>
          }
          @if (a.stepDeadline && a.status === 'in_progress') {
            <nz-tag nzColor="orange">{{ 'approvals.stepDeadline' | t: { date: (a.stepDeadline | date: 'yyyy-MM-dd HH:mm' : '+0800') ?? '' } }}</nz-tag>
          }
        </div>
        @if (buttons().length > 0) {
          <div class="head__actions" data-testid="approval-actions">
            @for (action of buttons(); track action) {
              <button
                nz-button
                [nzType]="action === 'approve' ? 'primary' : 'default'"
                [nzDanger]="action === 'reject'"
                [nzLoading]="busy() === action"
                (click)="act(action)"
                [attr.data-testid]="'action-' + action"
              >
                <nz-icon [nzType]="icon(action)" />{{ actionLabel(action) }}
              </button>
            }
          </div>
        }
      </div>

      @if (stale()) {
        <nz-alert class="block" nzType="warning" nzShowIcon [nzMessage]="'approvals.staleTitle' | t" [nzDescription]="'approvals.staleBody' | t" data-testid="approval-stale" />
      }
      @if (a.onBehalfOf.length > 0 && a.status === 'in_progress') {
        <nz-alert class="block" nzType="info" nzShowIcon [nzMessage]="'approvals.delegatedAlert' | t: { names: names(a.onBehalfOf) }" data-testid="approval-delegated" />
      }

      <nz-card nzSize="small" class="block" [nzTitle]="'approvals.steps' | t" [nzExtra]="templateTpl" data-testid="approval-steps-card">
        <luoshi-approval-steps [detail]="a" />
        @if (a.cc.length > 0) {
          <p class="cc">{{ 'approvals.labelled' | t: { label: ('approvals.cc_list' | t), value: names(a.cc) } }}</p>
        }
      </nz-card>
      <ng-template #templateTpl>
        <span class="muted">{{ 'approvals.templateVersion' | t: { name: a.templateName, n: a.templateVersion } }}</span>
      </ng-template>

      <div class="layout">
        <nz-card nzSize="small" class="block" [nzTitle]="'approvals.subjectCard' | t" data-testid="approval-subject">
          <luoshi-approval-subject [subjectType]="a.subjectType" [subjectId]="a.subjectId" [revision]="a.version" />
        </nz-card>
        <div>
          <nz-card nzSize="small" class="block" [nzTitle]="'approvals.timeline' | t">
            <luoshi-approval-timeline [entries]="a.timeline" [steps]="a.steps" />
          </nz-card>
          @if (a.otherRounds.length > 0) {
            <nz-card nzSize="small" class="block" [nzTitle]="'lists.rounds' | t" data-testid="approval-rounds-card">
              <luoshi-approval-rounds [detail]="a" />
            </nz-card>
          }
        </div>
      </div>
    } @else {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 10 }" data-testid="approval-loading" />
    }
  `,
  styles: `
    .head { margin-bottom: 16px; }
    .head__type { margin: 0; }
    .head__meta { display: flex; align-items: center; flex-wrap: wrap; gap: 12px; margin-top: 6px; }
    .head__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    .block { display: block; margin-bottom: 16px; }
    .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 16px; align-items: start; }
    .cc { margin: 12px 0 0; color: rgba(0, 0, 0, 0.6); }
    .muted { color: rgba(0, 0, 0, 0.6); }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
    @media (max-width: 767.98px) {
      .head__actions > * { flex: 1 1 auto; }
    }
  `,
})
export class ApprovalDetailPage {
  private readonly api = inject(ApprovalsApi);
  private readonly auth = inject(AuthService);
  private readonly counts = inject(ApprovalCounts);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  /** Route parameter. */
  readonly approvalId = input.required<string>();

  protected readonly approval = rxResource({ params: () => this.approvalId(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed<ApprovalDetailResponse | null>(() => (this.approval.hasValue() ? this.approval.value() : null));
  protected readonly buttons = computed(() => BUTTONS.filter((a) => this.detail()?.allowedActions.includes(a)));
  protected readonly busy = signal<ApprovalUserAction | null>(null);
  protected readonly stale = signal(false);

  /** Everyone this approval names, for the transfer / add-signer picker. */
  private readonly people = computed<TaskUserRef[]>(() => {
    const a = this.detail();
    if (!a) return [];
    const all = [a.drafter, ...a.cc, ...a.steps.flatMap((s) => [...s.approvers, ...s.escalatedTo]), ...a.timeline.flatMap((e) => [...(e.actor ? [e.actor] : []), ...e.targets])];
    return [...new Map(all.map((u) => [u.id, u])).values()];
  });

  protected subjectLabel(a: ApprovalDetailResponse): string {
    return this.i18n.t(APPROVAL_SUBJECT_LABELS[a.subjectType]);
  }

  protected actionLabel(action: ApprovalUserAction): string {
    return this.i18n.t(`approvalActions.${action}`);
  }

  protected icon(action: ApprovalUserAction): string {
    return ICONS[action];
  }

  protected names(users: readonly TaskUserRef[]): string {
    return users.map((u) => u.displayName).join('、');
  }

  protected act(action: ApprovalUserAction): void {
    const detail = this.detail();
    if (!detail) return;
    if (action === 'withdraw') {
      this.modal.confirm({
        nzTitle: this.actionLabel('withdraw'),
        nzContent: this.i18n.t('decision.withdrawConfirm'),
        nzOkText: this.actionLabel('withdraw'),
        nzOkDanger: true,
        nzCancelText: this.i18n.t('common.cancel'),
        nzOnOk: () => this.withdraw(detail),
      });
      return;
    }
    const dialogAction: DialogAction = action;
    this.dialogs
      .saved<DecisionResult, DecisionData>(DecisionDialog, {
        title: this.i18n.t('decision.title', { action: this.actionLabel(action), subject: detail.title }),
        data: { action: dialogAction, detail, people: this.people(), meId: this.auth.user()?.id ?? '' },
        width: 560,
      })
      .subscribe((result) => {
        if (result === 'stale') return this.onStale();
        this.stale.set(false);
        this.approval.set(result);
        this.counts.refresh();
        this.message.success(this.i18n.t('approvals.acted', { action: this.i18n.t(`approvalDone.${action}`) }));
      });
  }

  private withdraw(detail: ApprovalDetailResponse): void {
    this.busy.set('withdraw');
    this.api.act(detail.id, { type: 'withdraw', version: detail.version }).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.approval.set(result);
        this.message.success(this.i18n.t('approvals.acted', { action: this.i18n.t('approvalDone.withdraw') }));
      },
      error: (raw: unknown) => {
        this.busy.set(null);
        const error = toApiError(raw);
        if (error.code === 'APPROVAL_STALE') this.onStale();
        else this.message.error(this.i18n.errorText(error));
      },
    });
  }

  /** Someone acted first: say so and show where the approval stands now. */
  private onStale(): void {
    this.stale.set(true);
    this.approval.reload();
    this.counts.refresh();
  }
}
