import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { ReportStatus } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';
import { StatusTagComponent } from '@luoshi/web/ui';
import { REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from './report-labels';

/** A report's (request's, special action plan's) status as a tag, with 逾期提交 and 已锁定 beside it. */
@Component({
  selector: 'luoshi-report-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, NzTooltipModule, StatusTagComponent, TranslatePipe],
  template: `
    <luoshi-status-tag [value]="status()" [labels]="labels" [colors]="colors" testId="report-status">
      @if (late()) {
        <nz-tag nzColor="orange" class="tag" data-testid="report-late">{{ 'reportStatus.late' | t }}</nz-tag>
      }
      @if (locksOn(); as date) {
        <nz-tag class="tag" nz-tooltip [nzTooltipTitle]="'reportStatus.lockedHint' | t: { date }" data-testid="report-locked">{{ 'reportStatus.locked' | t }}</nz-tag>
      }
    </luoshi-status-tag>
  `,
  styles: `.tag { margin: 0; }`,
})
export class ReportStatusTagComponent {
  readonly status = input.required<ReportStatus>();
  readonly late = input(false);
  /** Set (to the lock date) when the period is locked. */
  readonly locksOn = input<string | null>(null);
  protected readonly labels = REPORT_STATUS_LABELS;
  protected readonly colors = REPORT_STATUS_COLORS;
}
