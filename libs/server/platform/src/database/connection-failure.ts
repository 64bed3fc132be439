/**
 * Whether an error says the database server could not be reached or went away (a restart, a
 * fail-over, a network cut) — not that the SQL or the data was wrong. Such a request failed
 * whole (its transaction never committed) and may be retried: the API answers 503, not 500.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now).
  if (/^(08...|57P0[1-3])$/.test(code)) return true;
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i.test(message)) {
    return true;
  }
  return e.driverError !== undefined && e.driverError !== error && isConnectionFailure(e.driverError);
}
