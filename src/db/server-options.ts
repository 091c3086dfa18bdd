// How tierkeeper connects to a Postgres server: timeouts, reconnection, and with several hosts in
// DATABASE_URL, the writable primary among them (src/db/primary.ts). Loaded only with postgres-js.
import type postgres from "postgres";
import { isMultiHost, primaryFinder, urlForHost, urlHosts } from "./primary.ts";

/** Seconds a new Postgres connection may take (TCP and startup) before it counts as failed. */
const CONNECT_TIMEOUT_SECONDS = 3;

/**
 * Seconds before a pool connection tries again after failing to connect: 50 ms doubling to 1 s.
 * postgres-js's default grows to 20 s and counts failures for the whole pool, so after an outage
 * of a few seconds a pool would wait up to 20 s more before trying the server that is back.
 */
const reconnectBackoff = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

/**
 * postgres-js options for `url`: with several hosts (`postgres://h1:5432,h2:5433/db`), each new
 * connection goes to whichever host is the writable primary then (src/db/primary.ts).
 */
export function serverOptions(url: string): postgres.Options<Record<string, never>> {
  const base = {
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectBackoff,
    // No array-type lookup on each new connection: postgres-js 3.4.9 runs it without awaiting it, so a
    // connection lost meanwhile (a restart) is an unhandled rejection. drizzle reads arrays itself.
    fetch_types: false,
  };
  if (!isMultiHost(url)) return base;
  const finder = primaryFinder(url, { connectTimeoutSeconds: CONNECT_TIMEOUT_SECONDS });
  // postgres-js takes a socket factory (`socket`), which its types leave out.
  const socket = { socket: () => finder.socket() } as postgres.Options<Record<string, never>>;
  return { ...base, ...socket };
}

/**
 * The URL postgres-js is given: with several hosts, the first alone (the socket factory picks the
 * host; postgres-js's own host rotation would swallow connection errors) and without
 * target_session_attrs (the factory asks each host itself).
 */
export function driverUrl(url: string): string {
  if (!isMultiHost(url)) return url;
  const [first] = urlHosts(url);
  return first ? urlForHost(url, first) : url;
}
