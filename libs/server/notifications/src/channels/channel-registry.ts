import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@luoshi/server/platform';
import { type ChannelName, matrixChannels, matrixRow } from '../notification-matrix';
import { DeliveryChannel, NotificationChannel, type NotifyOutcome, type WrittenNotification } from './delivery-channel';

/**
 * The delivery channels, found by their @NotificationChannel decorator. Start-up fails when a
 * channel the configuration (NOTIFICATION_CHANNELS) or the notification matrix names has no provider.
 */
@Injectable()
export class ChannelRegistry implements OnModuleInit {
  private readonly channels = new Map<ChannelName, DeliveryChannel>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: NotificationChannel.KEY })) {
      const name = this.discovery.getMetadataByDecorator(NotificationChannel, wrapper);
      if (!name || !(wrapper.instance instanceof DeliveryChannel)) continue;
      if (this.channels.has(name)) throw new Error(`notification channel "${name}" has two providers`);
      this.channels.set(name, wrapper.instance);
    }
    assertProviders([...this.config.NOTIFICATION_CHANNELS, ...matrixChannels()], new Set(this.channels.keys()));
  }

  /** A channel by name (a queued delivery's row names it). */
  get(name: string): DeliveryChannel {
    const channel = this.channels.get(name as ChannelName);
    if (!channel) throw new Error(`no provider for notification channel "${name}"`);
    return channel;
  }

  /** Each configured and enabled channel plans its part for the notifications its matrix rows name. */
  async plan(m: EntityManager, written: WrittenNotification[]): Promise<NotifyOutcome> {
    const outcome: NotifyOutcome = { pushes: [], deliveryIds: [] };
    for (const [name, channel] of this.channels) {
      if (!channel.enabled || !this.config.NOTIFICATION_CHANNELS.includes(name)) continue;
      const mine = written.filter((n) => matrixRow(n.event).channels.includes(name));
      if (mine.length === 0) continue;
      const part = await channel.plan(m, mine, this.config.PUBLIC_BASE_URL);
      outcome.pushes.push(...(part.pushes ?? []));
      outcome.deliveryIds.push(...(part.deliveryIds ?? []));
    }
    return outcome;
  }

  async afterCommit(outcome: NotifyOutcome): Promise<void> {
    for (const channel of this.channels.values()) await channel.afterCommit(outcome);
  }
}

/** Throws naming every channel without a provider. */
export function assertProviders(wanted: string[], provided: Set<string>): void {
  const missing = [...new Set(wanted)].filter((name) => !provided.has(name));
  if (missing.length > 0) {
    throw new Error(`配置错误 / invalid configuration: no provider for notification channel(s) ${missing.join(', ')} (NOTIFICATION_CHANNELS)`);
  }
}
