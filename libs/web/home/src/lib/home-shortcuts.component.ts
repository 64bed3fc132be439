import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { AuthService, navigationFor, navigationLeaves, TranslatePipe } from '@luoshi/web/core';
import { ShortcutGridComponent } from '@luoshi/web/ui';

/** The signed-in user's menu entries (other than homes) as cards. */
@Component({
  selector: 'luoshi-home-shortcuts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule, TranslatePipe, ShortcutGridComponent],
  template: `
    @if (items().length > 0) {
      <nz-card [nzTitle]="'home.shortcuts' | t" nzSize="small">
        <luoshi-shortcut-grid [items]="items()" />
      </nz-card>
    }
  `,
})
export class HomeShortcutsComponent {
  private readonly auth = inject(AuthService);
  protected readonly items = computed(() => navigationLeaves(navigationFor(this.auth.roles())).filter((item) => !item.home));
}
