// What a database error means for the caller: the server (or the way to it) went away, or the
// statement itself failed. Drizzle wraps driver errors (DrizzleQueryError), so causes are followed.

/** Thrown when none of DATABASE_URL's hosts is a writable primary (all down, or only standbys). */
export class NoWritableDatabase extends Error {
  readonly code = "TK_NO_WRITABLE_DATABASE";
  constructor(readonly tried: string[]) {
    super(`no writable database is reachable (${tried.join("; ")})`);
    this.name = "NoWritableDatabase";
  }
}

/** postgres-js's own codes for a connection that closed, could not open, or timed out opening. */
const DRIVER_CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "TK_NO_WRITABLE_DATABASE",
]);

/**
 * SQLSTATEs that mean the session ended or could not start: class 08 (connection exception),
 * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, recovering).
 */
const SESSION_LOST_STATES = new Set(["57P01", "57P02", "57P03"]);

/** The error and its causes, outermost first (DrizzleQueryError → postgres-js error → …). */
function chain(e: unknown): { code?: unknown; message?: unknown }[] {
  const out: { code?: unknown; message?: unknown }[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === "object"; i++) {
    out.push(cur as { code?: unknown });
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

function codes(e: unknown): string[] {
  return chain(e).flatMap((x) => (typeof x.code === "string" ? [x.code] : []));
}

/**
 * The connection the statement ran on is gone (or never opened): nothing more can be sent on it.
 * Whether a COMMIT that was in flight took effect is unknown to the client.
 */
export function isConnectionLost(e: unknown): boolean {
  return codes(e).some((c) => DRIVER_CONNECTION_CODES.has(c) || SESSION_LOST_STATES.has(c) || c.startsWith("08"));
}

/**
 * The database can't take writes right now, but will again: the connection was lost, no primary
 * is reachable, or the server is a standby (25006 read-only transaction: a failover under way).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  return isConnectionLost(e) || codes(e).includes("25006");
}

/** Worth running again as it was: the database was unavailable, or the statement lost a serialization or deadlock race. */
export function isRetryable(e: unknown): boolean {
  return isDatabaseUnavailable(e) || codes(e).some((c) => c === "40001" || c === "40P01");
}
