import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { ApprovalsApi, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { ApprovalStatusTagComponent } from './approval-status-tag.component';
import { ApprovalStepsComponent } from './approval-steps.component';
import { ApprovalTimelineComponent } from './approval-timeline.component';

/** An approval's steps and timeline, embedded in the subject's page, with the way to the approval itself. */
@Component({
  selector: 'luoshi-approval-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzSkeletonModule, TranslatePipe, LoadErrorComponent, ApprovalStatusTagComponent, ApprovalStepsComponent, ApprovalTimelineComponent],
  template: `
    @if (approval.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="approval.reload()" />
    } @else if (approval.value(); as a) {
      <div class="head">
        <luoshi-approval-status-tag [status]="a.status" />
        <span class="muted">{{ a.templateName }}</span>
        <a class="head__link" [routerLink]="['/approvals', a.id]" data-testid="open-approval">{{ 'approvals.openApproval' | t }}</a>
      </div>
      <luoshi-approval-steps [detail]="a" direction="vertical" />
      <h4 class="sub">{{ 'approvals.timeline' | t }}</h4>
      <luoshi-approval-timeline [entries]="a.timeline" [steps]="a.steps" />
    } @else {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 4 }" />
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; }
    .head__link { margin-left: auto; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .sub { margin: 12px 0 8px; font-size: 14px; font-weight: 500; }
  `,
})
export class ApprovalPanelComponent {
  private readonly api = inject(ApprovalsApi);
  readonly approvalId = input.required<string>();
  /** Changes (e.g. the subject's version) re-read the approval. */
  readonly revision = input<unknown>(null);
  protected readonly approval = rxResource({
    params: () => ({ id: this.approvalId(), revision: this.revision() }),
    stream: ({ params }) => this.api.get(params.id),
  });
}
