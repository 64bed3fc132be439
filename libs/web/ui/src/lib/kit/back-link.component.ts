import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type Params, RouterLink } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** The "← back to the list" link above a detail page; the text is projected (the area registers arrow-left). */
@Component({
  selector: 'luoshi-back-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzIconModule],
  template: `<a [routerLink]="link()" [queryParams]="queryParams()" [attr.data-testid]="testId()"><nz-icon nzType="arrow-left" /><ng-content /></a>`,
  styles: `
    :host { display: block; margin-bottom: 8px; }
    a { display: inline-flex; align-items: center; gap: 4px; color: rgba(0, 0, 0, 0.6); font-size: 13px; }
    a:hover { color: #0958d9; }
  `,
})
export class BackLinkComponent {
  readonly link = input.required<string | readonly unknown[]>();
  readonly queryParams = input<Params | null>(null);
  readonly testId = input<string | null>(null);
}
