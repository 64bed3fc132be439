import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

/**
 * A table row's small link action that asks first (停用, 删除, 撤销…): a popconfirm with `title`,
 * `confirmed` once the user agrees; the journeys' data-testid sits on the button.
 */
@Component({
  selector: 'luoshi-confirm-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzPopconfirmModule],
  template: `
    <button
      type="button"
      nz-button
      nzType="link"
      nzSize="small"
      [nzDanger]="danger()"
      class="link-btn"
      nz-popconfirm
      [nzPopconfirmTitle]="title()"
      (nzOnConfirm)="confirmed.emit()"
      [nzLoading]="loading()"
      [attr.data-testid]="testId()"
    >
      <ng-content />
    </button>
  `,
  styles: `
    :host { display: inline-block; }
    .link-btn { padding: 0; height: auto; }
  `,
})
export class ConfirmLinkComponent {
  readonly title = input.required<string>();
  readonly danger = input(false);
  readonly loading = input(false);
  readonly testId = input<string | null>(null);
  readonly confirmed = output();
}
