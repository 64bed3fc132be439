import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { TaskHealthColor } from '@luoshi/contracts';
import { I18nService, TASK_HEALTH_LABELS } from '@luoshi/web/core';
import { HEALTH_COLORS } from './task-labels';

/** A red / amber / green dot; its reasons (from the API, in Chinese) on hover. */
@Component({
  selector: 'luoshi-task-health-dot',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTooltipModule],
  template: `
    <span class="health" nz-tooltip [nzTooltipTitle]="tip()" data-testid="task-health" [attr.data-health]="health()" role="img" [attr.aria-label]="tip()">
      <span class="health__dot" [style.background]="color()"></span>
      @if (showLabel()) {
        <span class="health__label">{{ label() }}</span>
      }
    </span>
  `,
  styles: `
    .health { display: inline-flex; align-items: center; gap: 6px; cursor: default; white-space: nowrap; }
    .health__dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; box-shadow: 0 0 0 2px rgba(0, 0, 0, 0.04); }
    .health__label { color: rgba(0, 0, 0, 0.65); }
  `,
})
export class TaskHealthDotComponent {
  private readonly i18n = inject(I18nService);
  readonly health = input.required<TaskHealthColor>();
  readonly reasons = input<readonly string[]>([]);
  readonly showLabel = input(false);
  protected readonly color = computed(() => HEALTH_COLORS[this.health()]);
  protected readonly label = computed(() => this.i18n.t(TASK_HEALTH_LABELS[this.health()]));
  protected readonly tip = computed(() => {
    const reasons = this.reasons();
    return `${this.label()}：${reasons.length > 0 ? reasons.join('；') : this.i18n.t('taskHealth.noReasons')}`;
  });
}
