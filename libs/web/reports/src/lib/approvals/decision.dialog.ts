import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { catchError, of, throwError } from 'rxjs';
import type { ApprovalActionRequest, ApprovalDetailResponse, ApprovalUserAction, TaskUserRef } from '@luoshi/contracts';
import { ApprovalsApi, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog, FormDialogComponent, SelectOptionsPipe, TextAreaFieldComponent } from '@luoshi/web/ui';
import { UserPickerComponent } from './user-picker.component';

/** Actions decided in this dialog (withdraw is a plain confirmation). */
export type DialogAction = Exclude<ApprovalUserAction, 'withdraw'>;

export interface DecisionData {
  action: DialogAction;
  detail: ApprovalDetailResponse;
  /** People seen in this approval, for the user picker. */
  people: TaskUserRef[];
  meId: string;
}

/** The dialog closes with the new detail, or with 'stale' when someone acted first (409 APPROVAL_STALE). */
export type DecisionResult = ApprovalDetailResponse | 'stale';

const COMMENT_REQUIRED: readonly DialogAction[] = ['reject', 'return', 'comment'];
const DRAFTER = '__drafter__';

/** 同意 / 退回 / 不同意 / 转交 / 加签 / 评论 on one approval, at the version the page showed. */
@Component({
  selector: 'luoshi-decision-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzRadioModule, NzSelectModule, TranslatePipe, SelectOptionsPipe, UserPickerComponent, FormDialogComponent, FieldComponent, TextAreaFieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="decision-form" [okText]="actionLabel" [danger]="data.action === 'reject' || data.action === 'return'" submitTestId="decision-submit">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="decision-form">
        @if (behalfOptions().length > 1) {
          <luoshi-field [label]="'decision.onBehalfOf' | t">
            <nz-select name="onBehalfOf" [ngModel]="onBehalfOf()" (ngModelChange)="onBehalfOf.set($event)" data-testid="decision-behalf" [nzOptions]="behalfOptions() | selectOptions: 'id' : 'displayName'" />
          </luoshi-field>
        }
        @if (data.action === 'return') {
          <luoshi-field [label]="'decision.returnTarget' | t" [required]="true">
            <nz-radio-group name="target" class="targets" [ngModel]="target()" (ngModelChange)="target.set($event)" data-testid="decision-target">
              <label nz-radio [nzValue]="drafter" data-testid="target-drafter">{{ 'decision.returnDrafter' | t: { name: data.detail.drafter.displayName } }}</label>
              @for (step of earlierSteps(); track step.key) {
                <label nz-radio [nzValue]="step.key" [attr.data-testid]="'target-' + step.key">{{ 'decision.returnStep' | t: { name: step.name } }}</label>
              }
            </nz-radio-group>
          </luoshi-field>
        }
        @if (data.action === 'transfer' || data.action === 'addSigner') {
          <luoshi-field [label]="'decision.user' | t" [required]="true" [status]="touched() && !userId() ? 'error' : ''" [error]="'decision.userRequired' | t">
            <luoshi-user-picker [(value)]="userId" [known]="data.people" [exclude]="excluded()" [invalid]="touched() && !userId()" testId="decision-user" />
          </luoshi-field>
        }
        @if (data.action === 'addSigner') {
          <luoshi-field [label]="'decision.position' | t">
            <nz-radio-group name="position" [ngModel]="position()" (ngModelChange)="position.set($event)" data-testid="decision-position">
              <label nz-radio nzValue="before">{{ 'approvals.position_before' | t }}</label>
              <label nz-radio nzValue="after">{{ 'approvals.position_after' | t }}</label>
            </nz-radio-group>
          </luoshi-field>
        }
        <luoshi-text-area-field [label]="(commentRequired ? 'decision.comment' : 'decision.commentOptional') | t" inputId="decision-comment" name="comment" [maxLength]="2000" [placeholder]="'decision.commentPlaceholder' | t" [required]="commentRequired" [invalid]="showCommentError()" [error]="'decision.commentRequired' | t" [(value)]="comment" testId="decision-comment" />
      </form>
    </luoshi-form-dialog>
  `,
  styles: `.targets { display: flex; flex-direction: column; gap: 6px; }`,
})
export class DecisionDialog {
  protected readonly data = inject<DecisionData>(NZ_MODAL_DATA);
  private readonly api = inject(ApprovalsApi);
  private readonly i18n = inject(I18nService);

  protected readonly drafter = DRAFTER;
  protected readonly commentRequired = COMMENT_REQUIRED.includes(this.data.action);
  protected readonly actionLabel = this.i18n.t(`approvalActions.${this.data.action}`);

  protected readonly comment = signal('');
  protected readonly target = signal<string>(DRAFTER);
  protected readonly userId = signal<string | null>(null);
  protected readonly position = signal<'before' | 'after'>('before');
  protected readonly onBehalfOf = signal<string | null>(this.data.detail.onBehalfOf[0]?.id ?? null);
  protected readonly touched = signal(false);
  protected readonly dialog = formDialog<DecisionResult>();

  protected readonly behalfOptions = computed(() => this.data.detail.onBehalfOf);
  /** Steps before the current one that ran (a return can go back to any of them). */
  protected readonly earlierSteps = computed(() => {
    const steps = this.data.detail.steps;
    const current = steps.findIndex((s) => s.key === this.data.detail.currentStep?.key);
    return steps.slice(0, Math.max(current, 0)).filter((s) => s.status !== 'skipped');
  });
  protected readonly excluded = computed(() => {
    const step = this.data.detail.steps.find((s) => s.key === this.data.detail.currentStep?.key);
    return [this.data.meId, ...(step?.approvers.map((a) => a.id) ?? [])];
  });
  protected readonly showCommentError = computed(() => this.touched() && this.commentRequired && !this.comment().trim());

  protected submit(): void {
    this.touched.set(true);
    const action = this.data.action;
    const comment = this.comment().trim();
    if (this.commentRequired && !comment) return;
    if ((action === 'transfer' || action === 'addSigner') && !this.userId()) return;
    const body: ApprovalActionRequest = { type: action, version: this.data.detail.version };
    if (comment) body.comment = comment;
    if (action === 'return' && this.target() !== DRAFTER) body.toStepKey = this.target();
    if (action === 'transfer') body.toUserId = this.userId() ?? undefined;
    if (action === 'addSigner') {
      body.userId = this.userId() ?? undefined;
      body.position = this.position();
    }
    if (this.behalfOptions().length > 1 && this.onBehalfOf()) body.onBehalfOf = this.onBehalfOf() ?? undefined;
    // Someone else acted first: the dialog closes with 'stale' and the page reloads.
    const stale = catchError((raw: unknown) => (toApiError(raw).code === 'APPROVAL_STALE' ? of<DecisionResult>('stale') : throwError(() => raw)));
    this.dialog.submit(this.api.act(this.data.detail.id, body).pipe(stale));
  }
}
