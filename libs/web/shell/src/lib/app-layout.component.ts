import { CdkTrapFocus } from '@angular/cdk/a11y';
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { NzAvatarModule } from 'ng-zorro-antd/avatar';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AppInfoService, ApprovalCounts, AuthService, navigationFor, TranslatePipe } from '@luoshi/web/core';
import { filter } from 'rxjs';
import { injectHandset, LangSwitchComponent, RoleTagComponent } from '@luoshi/web/ui';
import { NotificationBellComponent } from './notification-bell.component';
import { ProfileDrawerComponent } from './profile-drawer.component';

/**
 * Sider menu (per role), header with who is signed in, language switch and sign-out. On a phone
 * (below 768 px) the menu moves into a drawer opened by the header's menu button and closed by navigating.
 */
@Component({
  selector: 'luoshi-app-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CdkTrapFocus,
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzButtonModule,
    NzDrawerModule,
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
  /** The product's name as configured (APP_TITLE), not any plan's. */
  protected readonly appInfo = inject(AppInfoService);
  protected readonly user = this.auth.user;
  protected readonly homePath = this.auth.homePath;
  protected readonly nav = computed(() => navigationFor(this.auth.roles()));
  private readonly approvalCounts = inject(ApprovalCounts);
  /** 待我审批 count on the 审批待办 entry. */
  protected readonly approvalTodo = computed(() => this.approvalCounts.counts()?.todo ?? 0);
  protected readonly initial = computed(() => Array.from(this.user()?.displayName ?? '?')[0] ?? '?');
  protected readonly handset = injectHandset();
  protected readonly collapsed = signal(false);
  /** The sider may be collapsed to icons on a desk; the drawer always shows the full menu. */
  protected readonly menuCollapsed = computed(() => !this.handset() && this.collapsed());
  protected readonly drawerOpen = signal(false);
  private readonly document = inject(DOCUMENT);
  protected readonly profileOpen = signal(false);
  protected readonly signingOut = signal(false);

  constructor() {
    // The stored user may be stale (roles or department changed since sign-in).
    this.auth.reloadUser().subscribe({ error: () => undefined });
    if (this.nav().some((item) => item.id === 'approvals')) this.approvalCounts.follow();
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
    effect(() => {
      if (!this.handset()) this.drawerOpen.set(false);
    });
    // Closed (Escape, the mask, an entry), the drawer gives the keyboard focus back to the menu button.
    let wasOpen = false;
    effect(() => {
      const open = this.drawerOpen();
      if (wasOpen && !open && this.handset()) this.document.querySelector<HTMLElement>('[data-testid="menu-trigger"]')?.focus();
      wasOpen = open;
    });
  }

  protected openProfile(): void {
    this.profileOpen.set(true);
    this.auth.reloadUser().subscribe({ error: () => undefined });
  }

  /** A tap on a menu entry closes the drawer, even when it names the page already open (no navigation then). */
  protected closeOnMenuClick(event: Event): void {
    if (event.target instanceof Element && event.target.closest('.ant-menu-item')) this.drawerOpen.set(false);
  }

  protected toggleSider(): void {
    if (this.handset()) {
      this.drawerOpen.update((value) => !value);
      // After ng-zorro has opened it (and noted the menu button, which gets the focus back on close).
      if (this.drawerOpen()) requestAnimationFrame(() => this.focusDrawerWhenDrawn());
    } else this.collapsed.update((value) => !value);
  }

  /**
   * The open drawer takes the focus, on the current page's entry: ng-zorro traps the focus in it but
   * starts before the menu is drawn (and may put it on the drawer itself once its animation ends),
   * which left keyboard and screen-reader users behind the mask. Each frame for 1.5 s while the drawer
   * is open, the entry gets the focus back unless it is already somewhere in the menu (the user's Tab).
   */
  private focusDrawerWhenDrawn(until = Date.now() + 1500): void {
    if (!this.drawerOpen()) return;
    const drawer = this.document.querySelector('[data-testid="nav-drawer"]');
    const menu = drawer?.querySelector('.ant-menu');
    const entry = drawer?.querySelector<HTMLElement>('.ant-menu-item-selected') ?? drawer?.querySelector<HTMLElement>('.ant-menu-item');
    if (entry && !menu?.contains(this.document.activeElement)) entry.focus();
    if (Date.now() < until) requestAnimationFrame(() => this.focusDrawerWhenDrawn(until));
  }

  protected logout(): void {
    this.signingOut.set(true);
    this.auth.logout().subscribe({ complete: () => this.signingOut.set(false) });
  }
}
