import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { TaskResponse } from '@luoshi/contracts';
import { TranslatePipe } from '@luoshi/web/core';

/** The deadline as the office wrote it (2027年6月底, 每季度, 长期) with the resolved date; 暂定 when its year's holidays are unconfirmed. */
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
    </span>
  `,
  styles: `
    .deadline { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; }
    .deadline__date { color: rgba(0, 0, 0, 0.45); font-size: 12px; font-variant-numeric: tabular-nums; }
    .deadline__plain { font-variant-numeric: tabular-nums; }
    .deadline__none { color: rgba(0, 0, 0, 0.25); }
    .deadline__tag { margin: 0; font-size: 11px; line-height: 16px; padding: 0 4px; }
  `,
})
export class TaskDeadlineComponent {
  readonly task = input.required<Pick<TaskResponse, 'dueDate' | 'deadlineText' | 'deadlineProvisional'>>();
}
