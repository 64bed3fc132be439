import { inject, Injectable, signal } from '@angular/core';
import type { ApprovalCounts as Counts } from '@luoshi/contracts';
import { ApprovalsApi } from '../api/approvals.api';
import { AuthService } from '../auth/auth.service';
import { NotificationFeed } from '../notifications/notification-feed.service';

/**
 * The signed-in user's approval counts (待我审批 / 我已审批 / 抄送我) for the menu badge: read once
 * the layout asks, again whenever a notification arrives (approval notices come that way), and
 * set directly by the approval pages from each inbox answer.
 */
@Injectable({ providedIn: 'root' })
export class ApprovalCounts {
  private readonly api = inject(ApprovalsApi);
  private readonly auth = inject(AuthService);
  private readonly current = signal<Counts | null>(null);
  private listening = false;

  /** null until the first answer. */
  readonly counts = this.current.asReadonly();

  constructor() {
    inject(NotificationFeed).arrivals.subscribe(() => {
      if (this.listening) this.refresh();
    });
  }

  /** Starts following the counts (idempotent) and reads them now. */
  follow(): void {
    this.listening = true;
    this.refresh();
  }

  refresh(): void {
    if (!this.auth.signedIn()) return this.current.set(null);
    this.api.inbox('todo', 1, 1).subscribe({ next: (page) => this.current.set(page.counts), error: () => undefined });
  }

  set(counts: Counts): void {
    this.current.set(counts);
  }
}
