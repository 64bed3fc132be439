import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { IndicatorStatus } from '@luoshi/contracts';
import { StatusTagComponent } from '@luoshi/web/ui';
import { INDICATOR_STATUS_COLORS, INDICATOR_STATUS_KEYS } from './health';

/** An indicator's status (达标, 进展正常 …) as a coloured tag: the indicator list, the detail drawer, the public summary. */
@Component({
  selector: 'luoshi-indicator-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusTagComponent],
  template: `<luoshi-status-tag [value]="status()" [labels]="labels" [colors]="colors" [testId]="testId()" />`,
})
export class IndicatorStatusTagComponent {
  readonly status = input.required<IndicatorStatus>();
  readonly testId = input('indicator-status');
  protected readonly labels = INDICATOR_STATUS_KEYS;
  protected readonly colors = INDICATOR_STATUS_COLORS;
}
