// The JWT signing secret of a local installation: generated once on the first `npm start`, kept
// outside the repository's tracked files (var/ is ignored by git; LUOSHI_STATE_DIR moves it).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

export function stateDir(env = process.env) {
  return env.LUOSHI_STATE_DIR || join(ROOT, 'var');
}

/** JWT_SECRET from the environment, else the stored one, else a new random one stored (mode 600). */
export function ensureJwtSecret(env = process.env, log = () => undefined) {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const dir = join(stateDir(env), 'secrets');
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`Generated a random JWT secret in ${file} (kept across restarts; set JWT_SECRET to use your own).`);
  return secret;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  // `node tools/lib/secrets.mjs` prints the secret's length (for tests), never the secret itself.
  const secret = ensureJwtSecret();
  console.log(JSON.stringify({ length: secret.length }));
}
