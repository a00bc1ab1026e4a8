/** PostgreSQL's unique_violation (23505), from pg or PGlite, optionally for one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint: violated } = error as { code?: string; constraint?: string };
  return code === "23505" && (constraint === undefined || violated === constraint);
}

/**
 * SQLSTATEs that mean the server is going away, restarting or refusing connections, not that
 * the statement was wrong: admin_shutdown (57P01, a restart or pg_terminate_backend),
 * crash_shutdown (57P02), cannot_connect_now (57P03, starting up or shutting down),
 * idle_session_timeout (57P05), too_many_connections (53300) and the whole connection-exception
 * class (08xxx).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "57P05", "53300"]);

/** Socket and DNS failures on the way to the server. */
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/**
 * Errors that pg, pg-pool and Kysely raise without a code once a connection is lost or cannot be
 * had: the socket closed under a query, a client used after its connection failed, the pool
 * waiting longer than connectionTimeoutMillis, a connection Kysely dropped after a failed
 * rollback.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^Postgres connection has been discarded$/,
];

/**
 * True when a failure says the database cannot be reached right now (a restart, a failover, a
 * network cut, a full connection table), so that the request may succeed if sent again: the
 * caller answers 503 instead of 500. The embedded database lives in this process and never
 * fails this way.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") {
    if (code.startsWith("08") && code.length === 5) return true;
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node reports a failed connection to a host with several addresses as an AggregateError.
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
