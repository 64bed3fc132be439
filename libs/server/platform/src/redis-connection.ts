import type { RedisOptions } from 'ioredis';
import type { AppConfig } from './config';

export type RedisSettings = Pick<AppConfig, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_SENTINEL_PASSWORD'>;

/**
 * The ioredis connection options of every Redis connection the server makes (shared client,
 * pub/sub subscriber, BullMQ queues and workers): straight to REDIS_URL, or — with REDIS_SENTINELS —
 * to whichever server the sentinels name as master of REDIS_SENTINEL_NAME. ioredis asks the
 * sentinels again on every reconnect, so a failover only costs the seconds until the sentinels
 * promote a replica (producers fail fast meanwhile; the reconcilers catch up from the database).
 */
export function redisConnectionOptions(settings: RedisSettings): RedisOptions {
  const url = new URL(settings.REDIS_URL);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  const auth: RedisOptions = {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
  };
  const tls = url.protocol === 'rediss:';
  if (settings.REDIS_SENTINELS.length > 0) {
    return {
      sentinels: settings.REDIS_SENTINELS.map((s) => ({ host: s.host, port: s.port })),
      name: settings.REDIS_SENTINEL_NAME,
      ...(settings.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: settings.REDIS_SENTINEL_PASSWORD } : {}),
      // A demoted master answers writes with READONLY: reconnect, which asks the sentinels again.
      // (ioredis' failoverDetector is left off: a +switch-master arriving while a connection is
      // still resolving the master ends that connection for good.)
      reconnectOnError: (error: Error) => (error.message.startsWith('READONLY') ? 2 : false),
      // Keep asking the sentinels while they elect a new master, never give up.
      sentinelRetryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
      ...(tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
      ...auth,
    };
  }
  return { host: url.hostname || '127.0.0.1', port: url.port ? Number(url.port) : 6379, ...(tls ? { tls: {} } : {}), ...auth };
}

/**
 * Reconnect back-off of every queue and worker connection: quick, capped at one second, so
 * workers resume within about a second of Redis returning (ioredis' and BullMQ's defaults grow
 * to 20 s).
 */
export function redisRetryDelay(attempt: number): number {
  return Math.min(100 * attempt, 1000);
}

/** Where Redis is, for health output and logs, without secrets. */
export function describeRedis(settings: RedisSettings): string {
  if (settings.REDIS_SENTINELS.length > 0) {
    return `sentinel ${settings.REDIS_SENTINEL_NAME} via ${settings.REDIS_SENTINELS.map((s) => `${s.host}:${s.port}`).join(',')}`;
  }
  return settings.REDIS_URL.replace(/\/\/[^@]*@/, '//***@');
}
