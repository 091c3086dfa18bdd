// What every HTTP server of the service shares, the standalone intake server and Bolt's
// HTTPReceiver alike: limits that end slow or endless requests, and a last line of defence so no
// request can stop the process. Logs carry no request data (paths and bodies hold contact emails).
import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "pino";

export interface HttpLimits {
  /** A client has this long to send the request line and headers (then 408 and the connection closes). */
  headersTimeoutMs: number;
  /** …and this long to send the whole request, body included: slowloris-style trickles end here. */
  requestTimeoutMs: number;
  /** How often open connections are checked against the two timeouts above. */
  checkIntervalMs: number;
}

/** Long enough for a full 8 MB intake batch over a slow link; Slack's requests are small and fast. */
const HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 15_000, requestTimeoutMs: 60_000, checkIntervalMs: 5_000 };

/** node:http server options for `limits` (Node's default 16 KB header limit stays: 431 above it). */
export function serverOptions(limits: Partial<HttpLimits> = {}): ServerOptions {
  const l = { ...HTTP_LIMITS, ...limits };
  return {
    headersTimeout: Math.min(l.headersTimeoutMs, l.requestTimeoutMs),
    requestTimeout: l.requestTimeoutMs,
    connectionsCheckingInterval: l.checkIntervalMs,
    keepAliveTimeout: 5_000,
    maxHeaderSize: 16 * 1024,
  };
}

/** Anything that looks like an email address, and for a database error any quoted literal, becomes "…". */
function redact(message: string, database: boolean): string {
  const words = message
    .slice(0, 500)
    .split(/(\s+)/)
    .map((w) => (w.includes("@") ? "<email>" : w))
    .join("");
  return database ? words.replace(/"[^"\n]*"/g, '"…"') : words;
}

/**
 * What a log line may say about an error: its class, message and code. Never the query's
 * parameters (contact data): drizzle puts them in its error's message, so its cause (the
 * driver's error) is logged instead, with quoted values and anything like an email taken out.
 */
export function errorFields(e: unknown): { name: string; message: string; code?: string } {
  const failedQuery = e instanceof Error && "query" in e && "params" in e;
  const inner = failedQuery ? e.cause : e;
  if (!(inner instanceof Error)) {
    return { name: failedQuery ? "DrizzleQueryError" : typeof inner, message: failedQuery ? "a query failed" : "" };
  }
  const code = (inner as { code?: unknown }).code;
  const database = failedQuery || "parameters" in inner || (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code));
  return {
    name: inner.name,
    message: redact(inner.message, database),
    ...(typeof code === "string" ? { code: code.slice(0, 40) } : {}),
  };
}

/** A JSON answer, unless one was already started (then the connection is closed instead). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Closes the connection of an answer sent before the request's body was read to the end (a 413, a
 * 401 on a request with a body) the way web servers do ("lingering close"). Node closes a
 * `Connection: close` socket as soon as the answer is written; with body bytes still arriving that
 * close is a TCP reset, and a reset can make the client's system throw the answer away before the
 * client has read it, so the client sees "connection reset" instead of the 413. Here the server
 * stops writing (FIN), reads and drops what still arrives for at most `ms`, then closes.
 */
export function lingerBeforeClose(req: IncomingMessage, ms = 2_000): void {
  const socket = req.socket as Socket | null;
  if (!socket || socket.destroyed) return;
  socket.destroySoon = () => {
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    socket.end();
    // Whatever of the body still comes is read and dropped, so the close that follows is clean.
    req.resume();
  };
}

export const INTERNAL_ERROR = { error: "internal_error", errors: ["something went wrong on our side; try again"] };

type Handler<Req extends IncomingMessage> = (req: Req, res: ServerResponse) => unknown;

/**
 * Runs a route handler so that neither a throw nor a rejected promise escapes it (on Bolt's
 * HTTPReceiver a rejected custom route is an unhandled rejection, which ends the process): the
 * client gets a 500 or a closed connection, and the log gets the route and the error's message.
 */
export function neverThrows<Req extends IncomingMessage>(
  route: string,
  handler: Handler<Req>,
  logger: Logger,
): (req: Req, res: ServerResponse) => void {
  const fail = (req: Req, res: ServerResponse, e: unknown) => {
    try {
      logger.error({ route, method: req.method, error: errorFields(e) }, "HTTP route failed");
      sendJson(res, 500, INTERNAL_ERROR);
    } catch {
      res.destroy();
    }
  };
  return (req, res) => {
    try {
      const out = handler(req, res);
      if (out instanceof Promise) out.catch((e: unknown) => fail(req, res, e));
    } catch (e) {
      fail(req, res, e);
    }
  };
}

/** A handler for everything under a path prefix, e.g. the HTTP API v1 under `/api/v1`. */
export interface Mount {
  prefix: string;
  handler: (req: IncomingMessage, res: ServerResponse) => unknown;
}

/** `path` is `prefix` or below it. */
export function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** 400 for a request whose path cannot be read: a malformed URL or bad %-encoding. */
export function isMalformedPath(e: unknown): boolean {
  return e instanceof URIError || (e instanceof TypeError && (e as { code?: unknown }).code === "ERR_INVALID_URL");
}

export const MALFORMED_PATH = { error: "invalid_path", errors: ["the request path is not a valid URL path"] };

/** How to reach a bound server, e.g. `http://127.0.0.1:3000` or `http://[::1]:3000`. */
export function listenUrl(address: AddressInfo): string {
  const host = address.family === "IPv6" || address.address.includes(":") ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** A URL this machine can connect to: loopback when the server listens on every interface. */
export function localUrl(address: AddressInfo): string {
  const any = address.address === "0.0.0.0" || address.address === "::";
  return listenUrl(any ? { ...address, address: "127.0.0.1", family: "IPv4" } : address);
}
