import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { tap } from 'rxjs';
import type { NotificationResponse } from '@luoshi/contracts';
import { I18nService, NotificationFeed, NotificationsApi, toApiError, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent, pageAction, pagedList, PageHeaderComponent } from '@luoshi/web/ui';

const LEVEL_COLORS: Record<string, string> = { near_due: 'gold', due: 'orange', overdue: 'red', escalation: 'magenta' };

/** Everyone: my notifications, all or unread, marked read one by one or all at once. */
@Component({
  selector: 'luoshi-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    NgTemplateOutlet,
    FormsModule,
    NzBadgeModule,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzListModule,
    NzPaginationModule,
    NzRadioModule,
    NzSkeletonModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    PageHeaderComponent,
  ],
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.css',
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly feed = inject(NotificationFeed);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);

  protected readonly unreadOnly = signal(false);
  protected readonly list = pagedList({
    initial: { unread: false, page: 1, pageSize: 20 },
    load: (query) => this.api.list(query).pipe(tap((result) => this.feed.setUnread(result.unread))),
  });
  protected readonly items = this.list.rows;
  protected readonly unread = computed(() => this.feed.unread() ?? this.list.result()?.unread ?? 0);
  protected readonly markAllAction = pageAction();

  constructor() {
    // A new notification arrives: show it at the top.
    this.feed.arrivals.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      if (this.list.query().page === 1) this.list.reload();
    });
  }

  protected levelColor(level: string | null): string {
    return (level && LEVEL_COLORS[level]) || 'default';
  }

  protected levelLabel(level: string): string {
    return this.i18n.lookup(`notificationLevels.${level}`) ?? level;
  }

  protected setFilter(unreadOnly: boolean): void {
    this.unreadOnly.set(unreadOnly);
    this.list.patchFilters({ unread: unreadOnly });
  }

  protected markRead(item: NotificationResponse): void {
    this.feed.markRead([item.id]).subscribe({
      next: ({ unread }) => {
        if (this.unreadOnly()) this.list.reload();
        else this.list.resource.update((page) => page && { ...page, unread, items: page.items.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n)) });
      },
      error: (error: unknown) => this.message.error(this.i18n.errorText(toApiError(error))),
    });
  }

  protected markAllRead(): void {
    this.markAllAction.run(this.feed.markAllRead(), () => {
      this.list.reload();
      this.message.success(this.i18n.t('notifications.markedAllRead'));
    });
  }

  /** A tap anywhere on a notice opens its subject, like 查看; its own buttons act for themselves. */
  protected openFromLine(item: NotificationResponse, event: MouseEvent): void {
    if (!item.link || (event.target instanceof Element && event.target.closest('button, a'))) return;
    this.open(item);
  }

  /** Opens the notification's subject (marking it read). */
  protected open(item: NotificationResponse): void {
    if (!item.readAt) this.markRead(item);
    if (item.link?.startsWith('/')) void this.router.navigateByUrl(item.link);
  }
}
