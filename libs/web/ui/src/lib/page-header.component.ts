import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Page title with an optional subtitle and right-aligned actions (projected). */
@Component({
  selector: 'luoshi-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div class="page-header__text">
        <h1 class="page-header__title" [attr.data-testid]="testId()">{{ heading() }}</h1>
        @if (subtitle()) {
          <p class="page-header__subtitle">{{ subtitle() }}</p>
        }
      </div>
      <div class="page-header__actions"><ng-content /></div>
    </div>
  `,
  styles: `
    .page-header { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px; flex-wrap: wrap; margin-bottom: 16px; }
    .page-header__title { margin: 0; font-size: 20px; font-weight: 600; line-height: 32px; color: rgba(0, 0, 0, 0.88); }
    .page-header__subtitle { margin: 4px 0 0; color: rgba(0, 0, 0, 0.6); }
    .page-header__actions { display: flex; gap: 8px; flex-wrap: wrap; }
  `,
})
export class PageHeaderComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
  readonly testId = input<string>();
}
