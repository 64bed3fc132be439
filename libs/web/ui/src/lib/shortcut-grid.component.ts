import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { type NavItem, TranslatePipe } from '@luoshi/web/core';

/** Cards linking to a role's menu entries. */
@Component({
  selector: 'luoshi-shortcut-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzIconModule, TranslatePipe],
  template: `
    <div class="shortcuts">
      @for (item of items(); track item.id) {
        <a class="shortcut" [routerLink]="item.link" [attr.data-testid]="'shortcut-' + item.id">
          <nz-icon class="shortcut__icon" [nzType]="item.icon" />
          <span>{{ item.labelKey | t }}</span>
        </a>
      }
    </div>
  `,
  styles: `
    .shortcuts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
    .shortcut { display: flex; align-items: center; gap: 10px; padding: 14px 16px; border: 1px solid #f0f0f0; border-radius: 8px;
      color: rgba(0, 0, 0, 0.88); background: #fff; transition: border-color 0.2s, box-shadow 0.2s; }
    .shortcut:hover { border-color: #1677ff; box-shadow: 0 2px 8px rgba(22, 119, 255, 0.12); color: #0958d9; }
    .shortcut__icon { font-size: 20px; color: #0958d9; }
  `,
})
export class ShortcutGridComponent {
  readonly items = input.required<readonly NavItem[]>();
}
