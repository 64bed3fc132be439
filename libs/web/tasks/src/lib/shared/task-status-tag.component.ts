import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { TaskStatus } from '@luoshi/contracts';
import { I18nService, TASK_STATUS_LABELS, TranslatePipe } from '@luoshi/web/core';
import { STATUS_COLORS } from './task-labels';

/** The status as a coloured tag; a returned draft also shows 已退办 with the reason on hover. */
@Component({
  selector: 'luoshi-task-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, NzTooltipModule, TranslatePipe],
  template: `
    <nz-tag [nzColor]="color()" class="tag" data-testid="task-status" [attr.data-status]="status()">{{ label() }}</nz-tag>
    @if (returnedReason(); as reason) {
      <nz-tag nzColor="red" class="tag" nz-tooltip [nzTooltipTitle]="'tasks.returnedReason' | t: { reason }" data-testid="task-returned">
        {{ 'tasks.returned' | t }}
      </nz-tag>
    }
  `,
  styles: `
    :host { display: inline-flex; flex-wrap: wrap; gap: 4px; }
    .tag { margin: 0; }
  `,
})
export class TaskStatusTagComponent {
  private readonly i18n = inject(I18nService);
  readonly status = input.required<TaskStatus>();
  readonly returnedReason = input<string | null>(null);
  protected readonly color = computed(() => STATUS_COLORS[this.status()]);
  protected readonly label = computed(() => this.i18n.t(TASK_STATUS_LABELS[this.status()]));
}
