// Errors that mean the database cannot be reached (as opposed to a query that is wrong): the gateway answers
// them with 503 and tries again on the next request, so it recovers without a restart.

/** SQLSTATE classes and codes: 08 connection exception, 57P01–57P03 shutdown or not yet accepting, 53300 too many connections. */
const unavailableStates = /^(08...|57P0[123]|53300)$/;
const networkErrors = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (unavailableStates.test(e.code) || networkErrors.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError') return true;
  return (
    typeof e.message === 'string' &&
    /Connection terminated|connection (is )?(closed|ended)|Client has encountered a connection error/i.test(e.message)
  );
}
