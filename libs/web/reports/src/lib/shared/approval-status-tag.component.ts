import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ApprovalInstanceStatus } from '@luoshi/contracts';
import { StatusTagComponent } from '@luoshi/web/ui';
import { APPROVAL_STATUS_COLORS, APPROVAL_STATUS_LABELS } from './report-labels';

/** An approval instance's status as a tag. */
@Component({
  selector: 'luoshi-approval-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusTagComponent],
  template: `<luoshi-status-tag [value]="status()" [labels]="labels" [colors]="colors" testId="approval-status" />`,
})
export class ApprovalStatusTagComponent {
  readonly status = input.required<ApprovalInstanceStatus>();
  protected readonly labels = APPROVAL_STATUS_LABELS;
  protected readonly colors = APPROVAL_STATUS_COLORS;
}
