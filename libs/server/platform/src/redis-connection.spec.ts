import { loadConfig } from './config';
import { describeRedis, redisConnectionOptions } from './redis-connection';

describe(redisConnectionOptions.name, () => {
  it('connects straight to REDIS_URL with its password and database', () => {
    const options = redisConnectionOptions(loadConfig({ REDIS_URL: 'redis://:s%40cret@cache.internal:6380/2' }));
    expect(options).toEqual({ host: 'cache.internal', port: 6380, password: 's@cret', db: 2 });
  });

  it('defaults the port and speaks TLS for rediss://', () => {
    expect(redisConnectionOptions(loadConfig({ REDIS_URL: 'rediss://user:pw@cache.internal' }))).toEqual({
      host: 'cache.internal',
      port: 6379,
      tls: {},
      username: 'user',
      password: 'pw',
    });
  });

  it('finds the master through the sentinels when REDIS_SENTINELS is set, keeping the password from REDIS_URL', () => {
    const options = redisConnectionOptions(
      loadConfig({ REDIS_URL: 'redis://:pw@ignored:6379/1', REDIS_SENTINELS: 's1:26379,s2:26380', REDIS_SENTINEL_NAME: 'luoshi', REDIS_SENTINEL_PASSWORD: 'sentinel-pw' }),
    );
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
      ],
      name: 'luoshi',
      sentinelPassword: 'sentinel-pw',
      password: 'pw',
      db: 1,
    });
    expect(options).not.toHaveProperty('host');
    expect(options.sentinelRetryStrategy?.(100)).toBe(2000);
    expect(options.reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(options.reconnectOnError?.(new Error('ERR wrong number of arguments'))).toBe(false);
  });

  it('describes the connection without its secrets', () => {
    expect(describeRedis(loadConfig({ REDIS_URL: 'redis://:pw@cache:6379' }))).toBe('redis://***@cache:6379');
    expect(describeRedis(loadConfig({ REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'luoshi' }))).toBe('sentinel luoshi via s1:26379');
  });
});
