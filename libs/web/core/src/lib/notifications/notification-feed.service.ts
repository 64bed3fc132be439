import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { type Observable, Subject, tap } from 'rxjs';
import { NotificationsApi } from '../api/notifications.api';
import { AuthService } from '../auth/auth.service';
import { FEED_POLL_INTERVAL_MS, parseStreamEvent, reconnectDelay } from './notification-stream';

/** How the unread count is kept fresh: the live stream, or polling while the stream is down. */
export type FeedMode = 'off' | 'connecting' | 'live' | 'polling';

/** A notification the stream announced. */
export interface FeedArrival {
  title: string | null;
  notificationId: string | null;
  unread: number;
}

/**
 * The signed-in user's unread count, kept live by GET /api/notifications/stream (server-sent
 * events, opened with a single-use ticket: the access token never goes in a URL). When the stream fails it reconnects with backoff and meanwhile
 * polls the unread count every 60 s (the poll also refreshes an expired token).
 */
@Injectable({ providedIn: 'root' })
export class NotificationFeed {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthService);
  private readonly view = inject(DOCUMENT).defaultView;

  private source: EventSource | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private failures = 0;
  private users = 0;
  /** Counts opens, so an answer to an older ticket request is ignored. */
  private attempts = 0;

  private readonly unreadCount = signal<number | null>(null);
  private readonly currentMode = signal<FeedMode>('off');
  private readonly arrivalsSubject = new Subject<FeedArrival>();

  /** null until the first answer. */
  readonly unread = this.unreadCount.asReadonly();
  readonly mode = this.currentMode.asReadonly();
  /** New notifications announced by the stream (for a toast). */
  readonly arrivals = this.arrivalsSubject.asObservable();

  /** Starts the feed (idempotent across callers); the returned function releases it. */
  connect(): () => void {
    this.users += 1;
    if (this.users === 1) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) this.stop();
    };
  }

  /** After a call that answers the new count (a page of the inbox). */
  setUnread(unread: number): void {
    this.unreadCount.set(unread);
  }

  /** Marks these notifications read; the count follows the API's answer. */
  markRead(ids: string[]): Observable<{ unread: number }> {
    return this.api.markRead(ids).pipe(tap(({ unread }) => this.setUnread(unread)));
  }

  /** Marks every notification read; the count follows the API's answer. */
  markAllRead(): Observable<{ unread: number }> {
    return this.api.markAllRead().pipe(tap(({ unread }) => this.setUnread(unread)));
  }

  /** Re-reads the count now (e.g. after an action that may have created notifications). */
  refresh(): void {
    this.poll();
  }

  private open(): void {
    this.closeSource();
    const EventSourceCtor = this.view?.EventSource;
    if (!this.auth.signedIn()) return this.stop();
    if (!EventSourceCtor) return this.startPolling();
    this.currentMode.set(this.currentMode() === 'polling' ? 'polling' : 'connecting');
    const attempt = ++this.attempts;
    this.api.streamTicket().subscribe({
      next: ({ ticket }) => {
        if (attempt === this.attempts && this.users > 0) this.listen(new EventSourceCtor(this.api.streamUrl(ticket)));
      },
      error: () => {
        if (attempt === this.attempts) this.retryLater();
      },
    });
  }

  private listen(source: EventSource): void {
    this.source = source;
    source.onmessage = (event: MessageEvent) => {
      const data = parseStreamEvent(event.data);
      if (!data) return;
      this.unreadCount.set(data.unread);
      if (data.type === 'hello') {
        this.failures = 0;
        this.stopPolling();
        this.currentMode.set('live');
      } else {
        this.arrivalsSubject.next({ title: data.title ?? null, notificationId: data.notificationId ?? null, unread: data.unread });
      }
    };
    source.onerror = () => {
      // Take over from the browser's own retry: a ticket opens one stream only.
      if (this.source !== source) return;
      this.closeSource();
      this.retryLater();
    };
  }

  private retryLater(): void {
    this.failures += 1;
    this.startPolling();
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.users > 0) this.open();
    }, reconnectDelay(this.failures));
  }

  private startPolling(): void {
    this.currentMode.set('polling');
    if (this.pollTimer !== null) return;
    this.poll();
    this.pollTimer = setInterval(() => this.poll(), FEED_POLL_INTERVAL_MS);
  }

  private poll(): void {
    if (!this.auth.signedIn()) return;
    this.api.unreadCount().subscribe({ next: ({ unread }) => this.unreadCount.set(unread), error: () => undefined });
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private closeSource(): void {
    if (this.source) {
      this.source.onmessage = null;
      this.source.onerror = null;
      this.source.close();
    }
    this.source = null;
  }

  private stop(): void {
    this.closeSource();
    this.stopPolling();
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.failures = 0;
    this.currentMode.set('off');
    this.unreadCount.set(null);
  }
}
