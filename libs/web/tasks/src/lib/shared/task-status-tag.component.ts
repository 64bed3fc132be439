import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { TaskStatus } from '@luoshi/contracts';
import { TASK_STATUS_LABELS, TranslatePipe } from '@luoshi/web/core';
import { StatusTagComponent } from '@luoshi/web/ui';
import { STATUS_COLORS } from './task-labels';

/** The status as a coloured tag; a returned draft also shows 已退办 with the reason on hover. */
@Component({
  selector: 'luoshi-task-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, NzTooltipModule, StatusTagComponent, TranslatePipe],
  template: `
    <luoshi-status-tag [value]="status()" [labels]="labels" [colors]="colors" testId="task-status">
      @if (returnedReason(); as reason) {
        <nz-tag nzColor="red" class="tag" nz-tooltip [nzTooltipTitle]="'tasks.returnedReason' | t: { reason }" data-testid="task-returned">
          {{ 'tasks.returned' | t }}
        </nz-tag>
      }
    </luoshi-status-tag>
  `,
  styles: `.tag { margin: 0; }`,
})
export class TaskStatusTagComponent {
  readonly status = input.required<TaskStatus>();
  readonly returnedReason = input<string | null>(null);
  protected readonly labels = TASK_STATUS_LABELS;
  protected readonly colors = STATUS_COLORS;
}
