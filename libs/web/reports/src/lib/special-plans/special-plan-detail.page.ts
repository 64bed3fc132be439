import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import type { Observable } from 'rxjs';
import type { SpecialActionPlanResponse } from '@luoshi/contracts';
import { AuthService, I18nService, TASK_STATUS_LABELS, type TranslationKey, TranslatePipe } from '@luoshi/web/core';
import { ReportsApi } from '../api/reports.api';
import { BackLinkComponent, DetailTitleComponent, LoadErrorComponent, submission } from '@luoshi/web/ui';
import { ApprovalPanelComponent } from '../shared/approval-panel.component';
import { EvidenceListComponent } from '../shared/evidence-list.component';
import { EvidenceUploadComponent } from '../shared/evidence-upload.component';
import { ReportStatusTagComponent } from '../shared/report-status-tag.component';

type Work = 'submit' | 'import';

/**
 * /special-action-plans/:sapId — one special action plan: the drafting department uploads the
 * draft (.docx/.txt/.md) and submits it; its approval runs beside; once approved the office
 * imports it as a child plan (导入为子计划) and the page links to it in the plan browser.
 */
@Component({
  selector: 'luoshi-special-plan-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    BackLinkComponent,
    DetailTitleComponent,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzModalModule,
    NzSkeletonModule,
    TranslatePipe,
    LoadErrorComponent,
    ApprovalPanelComponent,
    EvidenceListComponent,
    EvidenceUploadComponent,
    ReportStatusTagComponent,
  ],
  template: `
    <luoshi-back-link link="/special-action-plans" [queryParams]="{ planId: current()?.planId }" testId="sap-back">{{ 'specialPlans.back' | t }}</luoshi-back-link>

    @if (sap.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="sap.reload()" />
    } @else if (current(); as s) {
      <div class="head">
        <luoshi-detail-title [heading]="s.deliverable" [code]="s.taskCode" codeColor="purple">
          <luoshi-report-status-tag [status]="s.status" />
        </luoshi-detail-title>
        <div class="head__actions">
          @if (canSubmit()) {
            <button nz-button nzType="primary" [disabled]="!s.draft" [nzLoading]="busy() === 'submit'" (click)="submit()" data-testid="sap-submit">
              <nz-icon nzType="send" />{{ 'specialPlans.submit' | t }}
            </button>
          }
          @if (canImport()) {
            <button nz-button nzType="primary" [nzLoading]="busy() === 'import'" (click)="importChild()" data-testid="sap-import"><nz-icon nzType="cloud-upload" />{{ 'specialPlans.importChild' | t }}</button>
          }
          @if (s.childPlan; as child) {
            <a nz-button [routerLink]="['/plans', child.id]" data-testid="sap-child"><nz-icon nzType="file-text" />{{ 'specialPlans.openChild' | t }}：{{ child.title }}</a>
          }
        </div>
      </div>

      @if (s.status === 'returned' && s.returnComment) {
        <nz-alert class="block" nzType="error" nzShowIcon [nzMessage]="'specialPlans.returnedAlert' | t" [nzDescription]="s.returnComment" data-testid="sap-returned" />
      }
      @if (work.errorText(); as text) {
        <nz-alert class="block" nzType="error" nzShowIcon [nzMessage]="text" data-testid="sap-error" />
      }

      <div class="layout">
        <div>
          <nz-card nzSize="small" class="block">
            <nz-descriptions nzSize="small" [nzColumn]="1">
              <nz-descriptions-item [nzTitle]="'specialPlans.parentPlan' | t">
                <a [routerLink]="['/plans', s.plan.id]" data-testid="sap-parent">{{ s.plan.title }}</a>
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'specialPlans.lead' | t">{{ s.leadDepartment?.name ?? '—' }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'specialPlans.co' | t">{{ coNames() || '—' }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'specialPlans.task' | t">
                <a [routerLink]="['/tasks', s.taskId]">{{ s.taskCode }}</a>
                <span class="task-status" data-testid="sap-task-status">{{ taskStatusLabel() }}</span>
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'specialPlans.deadline' | t">
                <span data-testid="sap-deadline">{{ s.dueDate ?? ('specialPlans.noDeadlineHint' | t) }}</span>
              </nz-descriptions-item>
            </nz-descriptions>
          </nz-card>
          <nz-card nzSize="small" class="block" [nzTitle]="'specialPlans.draft' | t" data-testid="sap-draft">
            @if (canUpload()) {
              <luoshi-evidence-upload class="upload" [upload]="uploadDraft" [multiple]="false" [photos]="false" [hint]="'evidence.draftHint' | t" (uploaded)="drafted($event)" testId="sap-upload" />
            }
            <luoshi-evidence-list [files]="s.draft ? [s.draft] : []" [emptyText]="'approvals.noDraft' | t" />
          </nz-card>
        </div>
        <nz-card nzSize="small" class="block" [nzTitle]="'reports.approval' | t" data-testid="sap-approval">
          @if (s.approvalId) {
            <luoshi-approval-panel [approvalId]="s.approvalId" [revision]="s.version" />
          } @else {
            <p class="muted">{{ 'reports.noApproval' | t }}</p>
          }
        </nz-card>
      </div>
    } @else {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 8 }" />
    }
  `,
  styles: `
    .head { margin-bottom: 16px; }
    .head__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    .block { display: block; margin-bottom: 16px; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 1fr); gap: 16px; align-items: start; }
    .upload { display: block; margin-bottom: 12px; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .task-status { margin-left: 8px; color: rgba(0, 0, 0, 0.65); }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
  `,
})
export class SpecialPlanDetailPage {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  /** Route parameter. */
  readonly sapId = input.required<string>();

  protected readonly sap = rxResource({ params: () => this.sapId(), stream: ({ params }) => this.api.specialActionPlan(params) });
  protected readonly current = computed<SpecialActionPlanResponse | null>(() => (this.sap.hasValue() ? this.sap.value() : null));
  protected readonly taskStatusLabel = computed(() => {
    const s = this.current();
    return s ? this.i18n.t(TASK_STATUS_LABELS[s.taskStatus]) : '';
  });
  protected readonly coNames = computed(() => (this.current()?.coDepartments ?? []).map((d) => d.name).join('、'));
  /** Submit or import, one at a time; its failure stays above the page. */
  protected readonly work = submission();
  private readonly pending = signal<Work | null>(null);
  /** Which of them runs (its button spins). */
  protected readonly busy = computed(() => (this.work.saving() ? this.pending() : null));

  /** The drafting (lead) department's liaison or head, while the plan is a draft or came back. */
  private readonly drafting = computed(() => {
    const s = this.current();
    return !!s && this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && s.leadDepartment?.id === this.auth.user()?.department.id;
  });
  protected readonly canUpload = computed(() => this.drafting() && (this.current()?.status === 'draft' || this.current()?.status === 'returned'));
  protected readonly canSubmit = this.canUpload;
  protected readonly canImport = computed(() => this.auth.hasAnyRole(['office_admin']) && this.current()?.status === 'approved' && !this.current()?.childPlanId);

  protected readonly uploadDraft = (file: File): Observable<SpecialActionPlanResponse> => this.api.uploadDraft(this.sapId(), file);

  protected drafted(sap: SpecialActionPlanResponse): void {
    this.sap.set(sap);
  }

  protected submit(): void {
    const s = this.current();
    if (!s) return;
    if (!s.draft) {
      this.work.error.set(null);
      this.message.warning(this.i18n.t('specialPlans.needDraft'));
      return;
    }
    this.confirmThen('submit', 'specialPlans.submit', 'specialPlans.submitConfirm', this.api.submitSpecialActionPlan(s.id, s.version), (result) => {
      this.sap.set(result);
      this.message.success(this.i18n.t('specialPlans.submitted'));
    });
  }

  protected importChild(): void {
    const s = this.current();
    if (!s) return;
    this.confirmThen('import', 'specialPlans.importChild', 'specialPlans.importConfirm', this.api.importChildPlan(s.id), (result) => {
      this.message.success(this.i18n.t('specialPlans.imported', { title: result.title, n: result.measures }));
      this.sap.reload();
    });
  }

  /** Asks first (the action's name as title and OK), then runs `work` with its button spinning; a failure shows above the page. */
  private confirmThen<T>(kind: Work, action: TranslationKey, question: TranslationKey, call: Observable<T>, done: (result: T) => void): void {
    this.modal.confirm({
      nzTitle: this.i18n.t(action),
      nzContent: this.i18n.t(question),
      nzOkText: this.i18n.t(action),
      nzCancelText: this.i18n.t('common.cancel'),
      nzOnOk: () => {
        this.pending.set(kind);
        this.work.runAndStay(call, done);
      },
    });
  }
}
