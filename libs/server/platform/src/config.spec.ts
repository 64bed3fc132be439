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
});
