import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  it('gives working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/luoshi');
    expect(config.LUOSHI_DEMO_USERS).toBe(true);
    expect(config.LUOSHI_DEMO_PASSWORD).toBe('Luoshi@2026');
  });

  it('names DATABASE_URL when it is malformed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('names PORT when it is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('requires JWT_SECRET in production and turns demo users off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' });
    expect(config.LUOSHI_DEMO_USERS).toBe(false);
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
