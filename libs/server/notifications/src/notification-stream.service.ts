import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { filter, map, Observable, Subject } from 'rxjs';
import { APP_CONFIG, type AppConfig, createRedisClient, REDIS_CLIENT, type SessionEnded, sessionEndedChannel } from '@luoshi/server/platform';

export interface NotificationPush {
  userId: string;
  notificationId: string;
  title: string;
  kind: string;
}

/**
 * Live pushes to browsers over server-sent events. Whoever creates notifications (an API
 * instance or a separate worker) publishes on Redis; every API instance relays to its clients.
 */
@Injectable()
export class NotificationStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStreamService.name);
  private readonly events = new Subject<NotificationPush>();
  private readonly endedSessions = new Subject<SessionEnded>();
  private subscriber?: Redis;
  private readonly channel: string;
  private readonly sessionChannel: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.REDIS_PREFIX}:notifications`;
    this.sessionChannel = sessionEndedChannel(config.REDIS_PREFIX);
  }

  onModuleInit(): void {
    this.subscriber = createRedisClient(this.config, 'luoshi-notification-stream');
    this.subscriber.on('error', () => undefined);
    // enableOfflineQueue is off on shared clients; subscribe once connected (and again after reconnects).
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(this.channel, this.sessionChannel).catch((err: Error) => this.logger.warn(`subscribe failed: ${err.message}`));
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      try {
        if (channel === this.sessionChannel) this.endedSessions.next(JSON.parse(message) as SessionEnded);
        else this.events.next(JSON.parse(message) as NotificationPush);
      } catch {
        /* ignore malformed messages */
      }
    });
  }

  async publish(pushes: NotificationPush[]): Promise<void> {
    for (const push of pushes) {
      // Live push is best effort: the notification is stored and shows on the next load anyway.
      await this.redis.publish(this.channel, JSON.stringify(push)).catch(() => undefined);
    }
  }

  forUser(userId: string): Observable<NotificationPush> {
    return this.events.pipe(
      filter((e) => e.userId === userId),
      map((e) => e),
    );
  }

  /** Emits once the session (or all of the user's sessions) has ended: logout, password reset, deactivation. */
  sessionEnded(sessionId: string, userId: string): Observable<SessionEnded> {
    return this.endedSessions.pipe(filter((e) => e.sessionId === sessionId || e.userId === userId));
  }

  onApplicationShutdown(): void {
    this.events.complete();
    this.endedSessions.complete();
    this.subscriber?.disconnect();
  }
}
