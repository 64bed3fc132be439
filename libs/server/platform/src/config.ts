import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_DEMO_PASSWORD, MIN_PASSWORD_LENGTH } from '@luoshi/contracts';
import { describeWeakSecret } from './weak-secret';

/**
 * Every setting the server reads, validated once at boot. A missing or malformed setting stops
 * the process with a message that names it (issue: "a clear error naming a missing or malformed setting").
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');
const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://');

/** A comma-separated list; blanks around items are ignored. */
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const sentinelAddress = z
  .string()
  .regex(/^[^\s:,]+:\d{1,5}$/, 'each sentinel as host:port, e.g. 10.0.0.5:26379')
  .transform((v) => {
    const at = v.lastIndexOf(':');
    return { host: v.slice(0, at), port: Number(v.slice(at + 1)) };
  })
  .refine((s) => s.port >= 1 && s.port <= 65535, 'port must be 1–65535');

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/luoshi'),
    // Read replicas (streaming standbys) for dashboards, lists and exports; writes stay on DATABASE_URL.
    DATABASE_REPLICA_URLS: commaList.pipe(z.array(postgresUrl)).default(''),
    REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
    // Redis Sentinel: when set, the master is found through these sentinels (REDIS_URL then only
    // supplies the password and database number) and followed across failovers.
    REDIS_SENTINELS: commaList.pipe(z.array(sentinelAddress)).default(''),
    REDIS_SENTINEL_NAME: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ -').optional(),
    REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
    JWT_SECRET: z.string().min(16).optional(),
    // Serve the OpenAPI document and its UI at /api/docs (default: on outside production).
    API_DOCS: booleanFlag.optional(),
    // Proxies whose X-Forwarded-* headers are believed (Express "trust proxy"): loopback by default.
    TRUST_PROXY: z.string().default('loopback'),
    // Send Strict-Transport-Security and Secure cookies: auto = when the request came over TLS.
    HSTS: z.enum(['auto', 'true', 'false']).default('auto'),
    // Robot webhooks may only target public addresses; list hosts or CIDRs (or "loopback", "private") to allow others.
    WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(3600),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(14),
    LUOSHI_DEMO_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH).default(DEFAULT_DEMO_PASSWORD),
    LUOSHI_DEMO_USERS: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'like 1mb or 512kb').default('1mb'),
    WEB_DIST_DIR: z.string().optional(),
    UPLOAD_DIR: z.string().default('var/uploads'),
    LOGIN_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    WORKERS_IN_PROCESS: booleanFlag.default('true'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
    // How long a job stays locked to a worker that stopped answering (killed) before another takes it
    // (plus one stalled check, a third of it): a killed worker's reminder arrives ~3 s late, not 60.
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600000).default(2500),
    // Reminders are written this long before they are due and shown when due (0: written when due).
    REMINDER_WRITE_AHEAD_MS: z.coerce.number().int().min(0).max(3600000).default(10000),
    // Reminders already due that one job claims and delivers along with its own.
    REMINDER_DELIVERY_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
    DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).max(600000).default(2000),
    RECONCILE_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    SMTP_URL: z
      .string()
      .url()
      .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
      .optional(),
    SMTP_FROM: z.string().default('落实 Luoshi <luoshi@localhost>'),
    // SMS through an HTTP gateway in the shape of the major cloud SMS APIs (signed requests, template + params).
    SMS_GATEWAY_URL: z.string().url().refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://').optional(),
    SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    SMS_ACCESS_KEY_SECRET: z.string().min(8).optional(),
    SMS_SIGN_NAME: z.string().min(1).max(32).default('落实督办'),
    SMS_TEMPLATE_CODE: z.string().min(1).max(64).default('SMS_LUOSHI_NOTICE'),
    // Channels notices may use; start-up fails when one of them has no provider.
    NOTIFICATION_CHANNELS: z
      .string()
      .default('in_app,email,webhook,sms')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
    // The product's name in the header, the sign-in page and the browser tab (not any one plan's title).
    APP_TITLE: z.string().trim().min(1).max(60).default('落实 · 任务督办'),
    APP_TITLE_EN: z.string().trim().min(1).max(60).default('Luoshi · Task supervision'),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i, 'letters, digits, : _ -').default('luoshi'),
  })
  .superRefine((c, ctx) => {
    // A published or weak secret lets anyone forge tokens: refused everywhere, and production
    // additionally needs a long random one (`npm start` generates one outside the repository).
    const problem = c.JWT_SECRET === undefined ? null : describeWeakSecret(c.JWT_SECRET, c.NODE_ENV === 'production');
    if (problem) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: problem });
    if (c.JWT_SECRET === undefined && c.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production (32+ random characters, e.g. `openssl rand -base64 48`)' });
    }
  })
  .transform((c) => ({
    ...c,
    // Demo users are on by default, off in production unless asked for.
    LUOSHI_DEMO_USERS: c.LUOSHI_DEMO_USERS ?? c.NODE_ENV !== 'production',
    API_DOCS: c.API_DOCS ?? c.NODE_ENV !== 'production',
    // Without a configured secret (development, tests) each process signs with a random one:
    // nothing published can forge a token; sessions end when the process restarts.
    JWT_SECRET: c.JWT_SECRET ?? processSecret,
  }))
  .refine((c) => !c.SMS_GATEWAY_URL || (c.SMS_ACCESS_KEY_ID !== undefined && c.SMS_ACCESS_KEY_SECRET !== undefined), {
    message: 'SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET are required with SMS_GATEWAY_URL',
    path: ['SMS_ACCESS_KEY_ID'],
  })
  .refine((c) => c.REDIS_SENTINELS.length === 0 || c.REDIS_SENTINEL_NAME !== undefined, {
    message: 'REDIS_SENTINEL_NAME (the monitored master\'s name) is required with REDIS_SENTINELS',
    path: ['REDIS_SENTINEL_NAME'],
  });

const processSecret = randomBytes(48).toString('base64url');

export type AppConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings mean "not set", so a blank line in an env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  return result.data;
}

/**
 * Process start-up check shared by apps/api and apps/worker: a bad environment ends the process
 * with the problems listed and exit code 2 (no stack trace), before Nest builds anything.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Job workers run inside the API unless WORKERS_IN_PROCESS=false; apps/worker processes always run them. */
export function runsWorkers(config: Pick<AppConfig, 'WORKERS_IN_PROCESS'>): boolean {
  return config.WORKERS_IN_PROCESS || process.env['LUOSHI_ROLE'] === 'worker';
}
