import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ApprovalCounts, AuthService, navigationFor, TranslatePipe } from '@luoshi/web/core';
import { LangSwitchComponent, RoleTagComponent } from '@luoshi/web/ui';
import { NotificationBellComponent } from './notification-bell.component';
import { ProfileDrawerComponent } from './profile-drawer.component';

/** Sider menu (per role), header with who is signed in, language switch and sign-out. */
@Component({
  selector: 'luoshi-app-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzButtonModule,
    NzAvatarModule,
    NzBadgeModule,
    NzTooltipModule,
    TranslatePipe,
    LangSwitchComponent,
    RoleTagComponent,
    ProfileDrawerComponent,
    NotificationBellComponent,
  ],
  templateUrl: './app-layout.component.html',
  styleUrl: './app-layout.component.css',
})
export class AppLayoutComponent {
  private readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly homePath = this.auth.homePath;
  protected readonly nav = computed(() => navigationFor(this.auth.roles()));
  private readonly approvalCounts = inject(ApprovalCounts);
  /** 待我审批 count on the 审批待办 entry. */
  protected readonly approvalTodo = computed(() => this.approvalCounts.counts()?.todo ?? 0);
  protected readonly initial = computed(() => Array.from(this.user()?.displayName ?? '?')[0] ?? '?');
  protected readonly collapsed = signal(false);
  protected readonly profileOpen = signal(false);
  protected readonly signingOut = signal(false);

  constructor() {
    // The stored user may be stale (roles or department changed since sign-in).
    this.auth.reloadUser().subscribe({ error: () => undefined });
    if (this.nav().some((item) => item.id === 'approvals')) this.approvalCounts.follow();
  }

  protected openProfile(): void {
    this.profileOpen.set(true);
    this.auth.reloadUser().subscribe({ error: () => undefined });
  }

  protected toggleSider(): void {
    this.collapsed.update((value) => !value);
  }

  protected logout(): void {
    this.signingOut.set(true);
    this.auth.logout().subscribe({ complete: () => this.signingOut.set(false) });
  }
}
