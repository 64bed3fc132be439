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
});
