import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { highlightParts } from './highlight-parts';

/** Text with every occurrence of `term` in a <mark> (search hits). */
@Component({
  selector: 'luoshi-highlight',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (part of parts(); track $index) {
      @if (part.match) {
        <mark class="hit" data-testid="search-hit">{{ part.text }}</mark>
      } @else {
        <span>{{ part.text }}</span>
      }
    }
  `,
  styles: `.hit { padding: 0 1px; background: #ffe58f; color: inherit; border-radius: 2px; }`,
})
export class HighlightComponent {
  readonly text = input.required<string>();
  readonly term = input<string | null>(null);
  protected readonly parts = computed(() => highlightParts(this.text(), this.term()));
}
