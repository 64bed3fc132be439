import { DEFAULT_DEMO_PASSWORD } from '@luoshi/contracts';
import { ConfigError, loadConfig } from './config';

const STRONG_SECRET = 'q8Vf2L-x9TzR4mWc7Yh1Kp3NsB6dJgE0aU5oZiXe';

describe(loadConfig.name, () => {
  it('gives working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/luoshi');
    expect(config.LUOSHI_DEMO_USERS).toBe(true);
    expect(config.LUOSHI_DEMO_PASSWORD).toBe(DEFAULT_DEMO_PASSWORD);
  });

  it('names DATABASE_URL when it is malformed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('names PORT when it is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('requires JWT_SECRET in production and turns demo users and API docs off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET });
    expect(config.LUOSHI_DEMO_USERS).toBe(false);
    expect(config.API_DOCS).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, API_DOCS: 'true' }).API_DOCS).toBe(true);
  });

  it('refuses the published development secret in every environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'luoshi-development-secret-change-me' })).toThrow(/JWT_SECRET.*published/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'Changeme-Changeme' })).toThrow(/JWT_SECRET/);
  });

  it('refuses short or patterned secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'Kx7-short-but-random-9Q' })).toThrow(/at least 32/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'abababababababababababababababababab' })).toThrow(/guessable/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '0123456789'.repeat(4) })).toThrow(/guessable/);
  });

  it('signs with a random per-process secret when none is configured outside production', () => {
    const a = loadConfig({}).JWT_SECRET;
    expect(a.length).toBeGreaterThanOrEqual(48);
    expect(a).not.toContain('luoshi');
    expect(loadConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBe(a);
  });

  it('treats empty settings as unset', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('reads read replicas as a comma-separated list of PostgreSQL URLs, none by default', () => {
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1:5432/luoshi, postgresql://r2:5433/luoshi' }).DATABASE_REPLICA_URLS).toEqual([
      'postgres://r1:5432/luoshi',
      'postgresql://r2:5433/luoshi',
    ]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/luoshi,mysql://r2/luoshi' })).toThrow(/DATABASE_REPLICA_URLS\.1: must start with postgres/);
  });

  it('reads Redis sentinels as host:port pairs and requires the master name with them', () => {
    const config = loadConfig({ REDIS_SENTINELS: '10.0.0.5:26379,sentinel-b:26380', REDIS_SENTINEL_NAME: 'luoshi' });
    expect(config.REDIS_SENTINELS).toEqual([
      { host: '10.0.0.5', port: 26379 },
      { host: 'sentinel-b', port: 26380 },
    ]);
    expect(loadConfig({}).REDIS_SENTINELS).toEqual([]);
    expect(() => loadConfig({ REDIS_SENTINELS: '10.0.0.5:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
    expect(() => loadConfig({ REDIS_SENTINELS: '10.0.0.5', REDIS_SENTINEL_NAME: 'luoshi' })).toThrow(/REDIS_SENTINELS\.0: each sentinel as host:port/);
    expect(() => loadConfig({ REDIS_SENTINELS: 'a:70000', REDIS_SENTINEL_NAME: 'luoshi' })).toThrow(/REDIS_SENTINELS\.0: port must be/);
  });
});
