import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['tools/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start with a wrong DATABASE_URL', () => {
  it('exits non-zero naming DATABASE_URL when it is malformed', () => {
    const result = start({ DATABASE_URL: 'mysql://root@127.0.0.1/luoshi' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('exits non-zero naming DATABASE_URL when the server refuses the login', () => {
    const result = start({ DATABASE_URL: 'postgres://no_such_role@127.0.0.1:5432/luoshi' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DATABASE_URL');
  });
});
