import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { TaskResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';

/**
 * The deadline as the office wrote it (2027年6月底, 每季度, 长期) with the resolved date; 暂定 when its
 * year's holidays are unconfirmed; the working days left (or overdue) when the task is open.
 */
@Component({
  selector: 'luoshi-task-deadline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, NzTooltipModule, TranslatePipe],
  template: `
    @let t = task();
    <span class="deadline" data-testid="task-deadline">
      @if (t.deadlineText && t.dueDate && t.deadlineText !== t.dueDate) {
        <span>{{ t.deadlineText }}</span>
        <span class="deadline__date">{{ t.dueDate }}</span>
      } @else if (t.dueDate) {
        <span class="deadline__plain">{{ t.dueDate }}</span>
      } @else if (t.deadlineText) {
        <span>{{ t.deadlineText }}</span>
      } @else {
        <span class="deadline__none">{{ 'tasks.noDeadline' | t }}</span>
      }
      @if (t.deadlineProvisional) {
        <nz-tag class="deadline__tag" nzColor="warning" nz-tooltip [nzTooltipTitle]="'tasks.provisionalHint' | t">{{ 'tasks.provisional' | t }}</nz-tag>
      }
      @if (t.remainingWorkingDays !== null && t.remainingWorkingDays !== undefined) {
        @let n = t.remainingWorkingDays;
        <span
          class="deadline__left"
          [class.deadline__left--soon]="n >= 0 && n <= 5"
          [class.deadline__left--late]="n < 0"
          [attr.data-n]="n"
          data-testid="remaining-working-days"
        >
          {{ n > 0 ? ('daily.remaining' | t: { n }) : n === 0 ? ('daily.dueToday' | t) : ('daily.overdueBy' | t: { n: -n }) }}
        </span>
      }
    </span>
  `,
  styles: `
    .deadline { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; }
    .deadline__date { color: rgba(0, 0, 0, 0.6); font-size: 12px; font-variant-numeric: tabular-nums; }
    .deadline__plain { font-variant-numeric: tabular-nums; }
    .deadline__none { color: rgba(0, 0, 0, 0.6); }
    .deadline__left { font-size: 12px; color: rgba(0, 0, 0, 0.6); white-space: nowrap; }
    .deadline__left--soon { color: #ad4e00; }
    .deadline__left--late { color: #cf1322; }
    .deadline__tag { margin: 0; font-size: 11px; line-height: 16px; padding: 0 4px; }
  `,
})
export class TaskDeadlineComponent {
  /** remainingWorkingDays (from the server's working-day calendar) shows as 剩 N 个工作日 / 逾期 N 个工作日 when given. */
  readonly task = input.required<Pick<TaskResponse, 'dueDate' | 'deadlineText' | 'deadlineProvisional'> & Partial<Pick<TaskResponse, 'remainingWorkingDays'>>>();
}
