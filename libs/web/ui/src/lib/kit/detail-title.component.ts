import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A detail page's title row: what is projected with the `before` attribute (e.g. the kind of
 * subject), the code chip when there is a code, the h1 (data-testid page-title), then the projected
 * tags (status, version). On a phone the title steps down a size so long titles wrap less.
 */
@Component({
  selector: 'luoshi-detail-title',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content select="[before]" />
    @if (code()) {
      <span class="code" [class.code--purple]="codeColor() === 'purple'" [attr.data-testid]="codeTestId()">{{ code() }}</span>
    }
    <h1 class="title" [attr.data-testid]="testId()">{{ heading() }}</h1>
    <ng-content />
  `,
  styles: `
    :host { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
    .code { padding: 0 8px; border-radius: 4px; background: #e6f4ff; color: #0958d9; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 14px; line-height: 24px; }
    .code--purple { background: #f9f0ff; color: #531dab; }
    .title { margin: 0; font-size: 20px; font-weight: 600; line-height: 32px; }
    @media (max-width: 767.98px) { .title { font-size: 17px; line-height: 26px; } }
  `,
})
export class DetailTitleComponent {
  readonly heading = input.required<string>();
  /** The task's code (2.3.1), shown as a chip before the title. */
  readonly code = input<string | null>(null);
  /** Blue for tasks, purple for special action plans. */
  readonly codeColor = input<'blue' | 'purple'>('blue');
  readonly codeTestId = input<string | null>(null);
  readonly testId = input('page-title');
}
