import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import type { ApprovalDetailResponse, ApprovalStepResponse } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';
import { injectHandset } from '@luoshi/web/ui';

type NzStepStatus = 'wait' | 'process' | 'finish' | 'error';

interface StepView {
  step: ApprovalStepResponse;
  status: NzStepStatus;
  title: string;
  approvers: string;
  decisions: string[];
  escalated: string | null;
}

const STATUS: Record<ApprovalStepResponse['status'], NzStepStatus> = {
  pending: 'wait',
  active: 'process',
  approved: 'finish',
  rejected: 'error',
  returned: 'error',
  skipped: 'wait',
};

/** The chain as nz-steps: each step's name, mode, approvers and decisions ("B 代 A：同意"). */
@Component({
  selector: 'luoshi-approval-steps',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzStepsModule],
  template: `
    <nz-steps [nzCurrent]="current()" [nzDirection]="handset() ? 'vertical' : direction()" nzSize="small" data-testid="approval-steps">
      @for (view of views(); track view.step.key) {
        <nz-step [nzTitle]="view.title" [nzStatus]="view.status" [nzDescription]="description" [attr.data-testid]="'step-' + view.step.key" [attr.data-status]="view.step.status" />
        <ng-template #description>
          <div class="desc">
            <div class="desc__mode">{{ modeLabel(view.step) }} · {{ statusLabel(view.step) }}</div>
            @if (view.approvers) {
              <div class="desc__who">{{ view.approvers }}</div>
            }
            @for (line of view.decisions; track $index) {
              <div class="desc__decision">{{ line }}</div>
            }
            @if (view.escalated) {
              <div class="desc__decision">{{ view.escalated }}</div>
            }
          </div>
        </ng-template>
      }
    </nz-steps>
  `,
  styles: `
    .desc { font-size: 12px; line-height: 1.6; }
    .desc__mode { color: rgba(0, 0, 0, 0.6); }
    .desc__who { color: rgba(0, 0, 0, 0.75); }
    .desc__decision { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class ApprovalStepsComponent {
  private readonly i18n = inject(I18nService);
  readonly detail = input.required<Pick<ApprovalDetailResponse, 'steps' | 'currentStep'>>();
  /** On a phone the chain always reads top to bottom. */
  readonly direction = input<'horizontal' | 'vertical'>('horizontal');
  protected readonly handset = injectHandset();

  protected readonly current = computed(() => {
    const key = this.detail().currentStep?.key;
    const index = this.detail().steps.findIndex((s) => s.key === key);
    return index < 0 ? this.detail().steps.length : index;
  });

  protected readonly views = computed<StepView[]>(() =>
    this.detail().steps.map((step) => ({
      step,
      status: STATUS[step.status],
      title: step.name,
      // Who still has to decide; those who did appear in the decision lines below.
      approvers: step.approvers
        .filter((a) => !step.decisions.some((d) => d.user.id === a.id || d.onBehalfOf?.id === a.id))
        .map((a) => a.displayName)
        .join('、'),
      decisions: step.decisions.map((d) => {
        const who = d.onBehalfOf ? this.i18n.t('approvals.actingFor', { who: d.user.displayName, whom: d.onBehalfOf.displayName }) : d.user.displayName;
        return this.i18n.t('approvals.decided', { name: who, action: this.i18n.t(`approvalDone.${d.action}`) });
      }),
      escalated: step.escalatedTo.length > 0 ? this.i18n.t('approvals.approverEscalated', { names: step.escalatedTo.map((u) => u.displayName).join('、') }) : null,
    })),
  );

  protected modeLabel(step: ApprovalStepResponse): string {
    return this.i18n.t(`approvalModes.${step.mode}`);
  }

  protected statusLabel(step: ApprovalStepResponse): string {
    return this.i18n.t(`approvalStepStatus.${step.status}`);
  }
}
