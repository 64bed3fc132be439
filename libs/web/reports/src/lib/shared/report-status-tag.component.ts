import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { ReportStatus } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from './report-labels';

/** A report's (request's, special action plan's) status as a tag, with 逾期提交 and 已锁定 beside it. */
@Component({
  selector: 'luoshi-report-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, NzTooltipModule, TranslatePipe],
  template: `
    <nz-tag [nzColor]="color()" class="tag" data-testid="report-status" [attr.data-status]="status()">{{ label() }}</nz-tag>
    @if (late()) {
      <nz-tag nzColor="orange" class="tag" data-testid="report-late">{{ 'reportStatus.late' | t }}</nz-tag>
    }
    @if (locksOn(); as date) {
      <nz-tag class="tag" nz-tooltip [nzTooltipTitle]="'reportStatus.lockedHint' | t: { date }" data-testid="report-locked">{{ 'reportStatus.locked' | t }}</nz-tag>
    }
  `,
  styles: `
    :host { display: inline-flex; flex-wrap: wrap; gap: 4px; }
    .tag { margin: 0; }
  `,
})
export class ReportStatusTagComponent {
  private readonly i18n = inject(I18nService);
  readonly status = input.required<ReportStatus>();
  readonly late = input(false);
  /** Set (to the lock date) when the period is locked. */
  readonly locksOn = input<string | null>(null);
  protected readonly color = computed(() => REPORT_STATUS_COLORS[this.status()]);
  protected readonly label = computed(() => this.i18n.t(REPORT_STATUS_LABELS[this.status()]));
}
