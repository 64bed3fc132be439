import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { ApprovalInstanceStatus } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';
import { APPROVAL_STATUS_COLORS, APPROVAL_STATUS_LABELS } from './report-labels';

/** An approval instance's status as a tag. */
@Component({
  selector: 'luoshi-approval-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule],
  template: `<nz-tag [nzColor]="color()" class="tag" data-testid="approval-status" [attr.data-status]="status()">{{ label() }}</nz-tag>`,
  styles: `.tag { margin: 0; }`,
})
export class ApprovalStatusTagComponent {
  private readonly i18n = inject(I18nService);
  readonly status = input.required<ApprovalInstanceStatus>();
  protected readonly color = computed(() => APPROVAL_STATUS_COLORS[this.status()]);
  protected readonly label = computed(() => this.i18n.t(APPROVAL_STATUS_LABELS[this.status()]));
}
