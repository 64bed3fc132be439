import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A JSON snapshot, pretty-printed (audit before/after). */
@Component({
  selector: 'luoshi-json-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as json) {
      <pre class="json-view" tabindex="0">{{ json }}</pre>
    } @else {
      <span class="json-view__empty">{{ emptyText() }}</span>
    }
  `,
  styles: `
    .json-view { margin: 0; padding: 8px 12px; max-height: 320px; overflow: auto; background: #fafafa; border: 1px solid #f0f0f0;
      border-radius: 6px; font-size: 12px; line-height: 1.6; white-space: pre-wrap; word-break: break-all; }
    .json-view__empty { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class JsonViewComponent {
  readonly value = input<unknown>();
  readonly emptyText = input('');
  protected readonly text = computed(() => {
    const value = this.value();
    return value === null || value === undefined ? null : JSON.stringify(value, null, 2);
  });
}
