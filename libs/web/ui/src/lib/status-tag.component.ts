import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type TranslationKey, TranslatePipe } from '@luoshi/web/core';

/**
 * A status as a coloured tag from the area's typed maps (label and nz-tag colour per value), with
 * data-testid and data-status for the journeys; tags projected inside follow it (e.g. 逾期提交).
 */
@Component({
  selector: 'luoshi-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslatePipe],
  template: `
    <nz-tag [nzColor]="colors()[value()]" class="tag" [attr.data-testid]="testId()" [attr.data-status]="value()">{{ labels()[value()] | t }}</nz-tag>
    <ng-content />
  `,
  styles: `
    :host { display: inline-flex; flex-wrap: wrap; gap: 4px; }
    .tag { margin: 0; }
  `,
})
export class StatusTagComponent<S extends string> {
  readonly value = input.required<S>();
  readonly labels = input.required<Readonly<Record<S, TranslationKey>>>();
  readonly colors = input.required<Readonly<Record<S, string>>>();
  readonly testId = input.required<string>();
}
