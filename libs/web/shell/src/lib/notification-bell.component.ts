import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzNotificationService } from 'ng-zorro-antd/notification';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import type { NotificationResponse } from '@luoshi/contracts';
import { I18nService, NotificationFeed, NotificationsApi, TranslatePipe } from '@luoshi/web/core';

/**
 * The header bell: unread badge kept live by the notification stream, the latest five in a
 * popover, a toast when one arrives, and the way to the notification centre.
 */
@Component({
  selector: 'luoshi-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, NzButtonModule, NzEmptyModule, NzIconModule, NzPopoverModule, NzSpinModule, TranslatePipe],
  template: `
    <button
      type="button"
      nz-button
      nzType="text"
      class="bell"
      nz-popover
      nzPopoverTrigger="click"
      nzPopoverPlacement="bottomRight"
      [nzPopoverTitle]="titleTpl"
      [nzPopoverContent]="contentTpl"
      [nzPopoverVisible]="open()"
      (nzPopoverVisibleChange)="toggle($event)"
      nzPopoverOverlayClassName="bell-popover"
      [attr.aria-label]="(feed.unread() ?? 0) > 0 ? ('notifications.bell' | t) + ' ' + ('a11y.unreadCount' | t: { n: badgeText() }) : ('notifications.bell' | t)"
      [title]="feed.mode() === 'polling' ? ('notifications.polling' | t) : ('notifications.bell' | t)"
      [attr.data-unread]="feed.unread() ?? ''"
      [attr.data-mode]="feed.mode()"
      data-testid="notification-bell"
    >
      <!-- A plain count, not nz-badge: its animated digits (0–9 per place) would be the button's text,
           which its accessible name ("通知 2 条未读") must contain (WCAG 2.5.3). -->
      <span class="bell__wrap">
        <nz-icon nzType="bell" class="bell__icon" />
        @if ((feed.unread() ?? 0) > 0) {
          <span class="bell__count" data-testid="notification-badge">{{ badgeText() }}</span>
        }
      </span>
    </button>

    <ng-template #titleTpl>
      <div class="head">
        <span>{{ 'notifications.latest' | t }}</span>
        @if ((feed.unread() ?? 0) > 0) {
          <span class="head__count" data-testid="bell-unread-text">{{ 'notifications.unreadCount' | t: { n: feed.unread() ?? 0 } }}</span>
        }
      </div>
    </ng-template>
    <ng-template #contentTpl>
      <div class="panel" data-testid="bell-panel">
        @if (loading() && latest().length === 0) {
          <div class="center"><nz-spin nzSimple /></div>
        } @else if (latest().length === 0) {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'notifications.empty' | t" />
        } @else {
          <ul class="list">
            @for (item of latest(); track item.id) {
              <li>
                <button type="button" class="item" [class.item--unread]="!item.readAt" (click)="openItem(item)" data-testid="bell-item">
                  <span class="item__title">{{ item.title }}</span>
                  <span class="item__at">{{ item.createdAt | date: 'MM-dd HH:mm' }}</span>
                </button>
              </li>
            }
          </ul>
        }
        <div class="foot">
          <a routerLink="/notifications" (click)="open.set(false)" data-testid="bell-view-all">{{ 'notifications.viewAll' | t }}</a>
        </div>
      </div>
    </ng-template>
  `,
  styles: `
    .bell { width: 40px; padding: 0; }
    .bell__icon { font-size: 18px; }
    .bell__wrap { position: relative; display: inline-block; line-height: 1; }
    .bell__count { position: absolute; top: -7px; left: 10px; min-width: 16px; height: 16px; padding: 0 4px; border-radius: 8px;
      background: #cf1322; color: #fff; font-size: 11px; line-height: 16px; text-align: center; white-space: nowrap; box-shadow: 0 0 0 1px #fff; }
    .head { display: flex; justify-content: space-between; align-items: center; gap: 16px; min-width: 300px; }
    .head__count { font-weight: 400; font-size: 12px; color: #cf1322; }
    .panel { width: 320px; margin: -4px 0; }
    .center { display: flex; justify-content: center; padding: 24px 0; }
    .list { margin: 0; padding: 0; list-style: none; }
    .item { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; width: 100%; padding: 8px 4px; border: 0;
      border-bottom: 1px solid #f5f5f5; background: none; text-align: left; cursor: pointer; font: inherit; color: rgba(0, 0, 0, 0.65); }
    .item:hover { background: #fafafa; }
    .item--unread { color: rgba(0, 0, 0, 0.88); font-weight: 500; }
    .item--unread .item__title::before { content: ''; display: inline-block; width: 6px; height: 6px; margin: 0 6px 2px 0; border-radius: 50%; background: #1677ff; }
    .item__title { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .item__at { flex: none; font-size: 12px; font-weight: 400; color: rgba(0, 0, 0, 0.6); }
    .foot { padding-top: 8px; text-align: center; }
  `,
})
export class NotificationBellComponent {
  protected readonly feed = inject(NotificationFeed);
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly toast = inject(NzNotificationService);
  private readonly i18n = inject(I18nService);

  protected readonly open = signal(false);
  protected readonly loading = signal(false);
  protected readonly latest = signal<NotificationResponse[]>([]);
  /** What the badge shows (99+ past 99): the button's name must contain it. */
  protected readonly badgeText = computed(() => {
    const unread = this.feed.unread() ?? 0;
    return unread > 99 ? '99+' : String(unread);
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(this.feed.connect());
    this.feed.arrivals.pipe(takeUntilDestroyed(destroyRef)).subscribe((arrival) => {
      this.toast.info(this.i18n.t('notifications.newArrival'), arrival.title ?? '', { nzPlacement: 'topRight', nzDuration: 6000 });
      if (this.open()) this.loadLatest();
    });
  }

  protected toggle(visible: boolean): void {
    this.open.set(visible);
    if (visible) this.loadLatest();
  }

  protected openItem(item: NotificationResponse): void {
    this.open.set(false);
    if (!item.readAt) {
      this.feed.markRead([item.id]).subscribe({ error: () => undefined });
    }
    void this.router.navigateByUrl(item.link?.startsWith('/') ? item.link : '/notifications');
  }

  private loadLatest(): void {
    this.loading.set(true);
    this.api.list({ page: 1, pageSize: 5 }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.latest.set(page.items);
        this.feed.setUnread(page.unread);
      },
      error: () => this.loading.set(false),
    });
  }
}
