import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IndicatorPoint, IndicatorTarget } from '@luoshi/contracts';
import { sparkGeometry } from '../shared/indicator-format';

/** A table cell's trend (pure SVG, no chart library): values so far and a dashed line to the target. */
@Component({
  selector: 'luoshi-indicator-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (geometry().last; as last) {
      <svg [attr.width]="width" [attr.height]="height" [attr.viewBox]="'0 0 ' + width + ' ' + height" aria-hidden="true">
        @if (geometry().toTarget; as dashed) {
          <polyline [attr.points]="dashed" fill="none" [attr.stroke]="color()" stroke-width="1.5" stroke-dasharray="3 2" />
        }
        <polyline [attr.points]="geometry().observed" fill="none" stroke="#1677ff" stroke-width="1.5" />
        <circle [attr.cx]="last.x" [attr.cy]="last.y" r="2.5" fill="#1677ff" />
        @if (geometry().target; as t) {
          <rect [attr.x]="t.x - 3" [attr.y]="t.y - 3" width="6" height="6" fill="#c8102e" [attr.transform]="'rotate(45 ' + t.x + ' ' + t.y + ')'" />
        }
      </svg>
    } @else {
      <span class="none">—</span>
    }
  `,
  styles: `:host { display: inline-flex; align-items: center; } .none { color: rgba(0, 0, 0, 0.6); }`,
})
export class IndicatorSparklineComponent {
  readonly points = input.required<readonly IndicatorPoint[]>();
  readonly target = input<IndicatorTarget | null>(null);
  readonly color = input('#8c8c8c');
  protected readonly width = 88;
  protected readonly height = 26;
  protected readonly geometry = computed(() => sparkGeometry(this.points(), this.target(), this.width, this.height));
}
