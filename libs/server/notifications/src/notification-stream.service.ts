import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { filter, map, Observable, Subject } from 'rxjs';
import { APP_CONFIG, type AppConfig, createRedisClient, REDIS_CLIENT } from '@luoshi/server/platform';

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
  private subscriber?: Redis;
  private readonly channel: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.REDIS_PREFIX}:notifications`;
  }

  onModuleInit(): void {
    this.subscriber = createRedisClient(this.config, 'luoshi-notification-stream');
    this.subscriber.on('error', () => undefined);
    // enableOfflineQueue is off on shared clients; subscribe once connected (and again after reconnects).
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(this.channel).catch((err: Error) => this.logger.warn(`subscribe failed: ${err.message}`));
    });
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.events.next(JSON.parse(message) as NotificationPush);
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

  onApplicationShutdown(): void {
    this.events.complete();
    this.subscriber?.disconnect();
  }
}
