/**
 * Secrets that were published (in this repository's history, in docs and tutorials) or are
 * obviously guessable. Compared case-insensitively after trimming.
 */
const KNOWN_SECRETS = new Set([
  'luoshi-development-secret-change-me',
  'a-long-production-secret',
  'change-me',
  'changeme',
  'changeit',
  'secret',
  'secretkey',
  'secret-key',
  'jwt-secret',
  'jwt_secret',
  'jwtsecret',
  'your-256-bit-secret',
  'your-secret-key',
  'your_jwt_secret',
  'supersecret',
  'super-secret-key',
  'mysecretkey',
  'development',
  'production',
  'luoshi',
]);

/** Fewer distinct characters than this means a pattern, not randomness (a random 32+ char secret has ~20+). */
const MIN_DISTINCT_CHARACTERS = 12;
const MIN_PRODUCTION_LENGTH = 32;

/**
 * Why a JWT secret is unacceptable, or null when it is fine. Outside production only published
 * secrets are refused; production also needs 32+ characters that are not a visible pattern.
 */
export function describeWeakSecret(secret: string, production: boolean): string | null {
  const normalized = secret.trim().toLowerCase();
  if (KNOWN_SECRETS.has(normalized) || [...KNOWN_SECRETS].some((known) => normalized.includes(known) && normalized.length < known.length + 8)) {
    return 'is a published or well-known value; generate a random one (e.g. `openssl rand -base64 48`)';
  }
  if (!production) return null;
  if (secret.length < MIN_PRODUCTION_LENGTH) return `must be at least ${MIN_PRODUCTION_LENGTH} characters in production`;
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) {
    return `looks guessable (fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters); use a random value`;
  }
  return null;
}
