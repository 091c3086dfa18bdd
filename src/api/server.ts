// A plain node:http server for the intake API: `tierkeeper start` without an HTTP Slack receiver
// (local or Socket Mode) and the tests use it; in HTTP mode the same routes mount on Bolt. Routes
// are matched by Hono's router; the HTTP API v1 (a Hono app) is mounted under its prefix.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TrieRouter } from "hono/router/trie-router";
import pino, { type Logger } from "pino";
import type { Services } from "../services/context.ts";
import {
  errorFields,
  type HttpLimits,
  INTERNAL_ERROR,
  isMalformedPath,
  localUrl,
  MALFORMED_PATH,
  type Mount,
  neverThrows,
  sendJson,
  serverOptions,
  underPrefix,
} from "./http-guard.ts";
import type { KeyRate } from "./key-rate.ts";
import { type ApiRequest, type ApiRoute, apiRoutes } from "./routes.ts";

/** The routes' handler, and the others' methods for a 405's Allow. */
interface Routed {
  route: ApiRoute;
  run: (req: ApiRequest, res: Parameters<ApiRoute["handler"]>[1]) => void;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * The route for `method` and `path` with its %-decoded parameters (as Bolt's HTTPReceiver decodes
 * them, so handlers read the same value on both servers; bad %-encoding throws a URIError: 400), or
 * the methods the path has (405), matched by Hono's trie router.
 */
function matchRoute(router: TrieRouter<Routed>, method: string, path: string) {
  const [found] = router.match(method, path) as [[Routed, Record<string, string>][]];
  const hit = found[0];
  if (hit) {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(hit[1])) params[name] = decodeURIComponent(value);
    return { routed: hit[0], params, allowed: [] as string[] };
  }
  const allowed = METHODS.filter((m) => m !== method && (router.match(m, path) as [unknown[]])[0].length > 0);
  return { routed: null, params: {}, allowed };
}

export interface ServeApiOptions {
  logger?: Logger;
  limits?: Partial<HttpLimits>;
  /** Serves every path under `prefix` that no route matches (the HTTP API v1 under /api/v1). */
  mount?: Mount;
  /** The API keys' allowance, shared with the mounted API v1 (a fresh one of 600 a minute when absent). */
  rate?: KeyRate;
}

/**
 * Serves the intake API on `port` (0: any free port) of `host` (default 127.0.0.1, this machine
 * only). `url` is where this machine reaches it; `address` is what it is bound to.
 */
export async function serveApi(
  svc: Services,
  port: number,
  host = "127.0.0.1",
  extraRoutes: ApiRoute[] = [],
  options: ServeApiOptions = {},
): Promise<{ url: string; address: AddressInfo; close(): Promise<void>; server: Server }> {
  const logger = options.logger ?? pino({ name: "tierkeeper.api", level: process.env.LOG_LEVEL ?? "info" });
  const mounted = options.mount
    ? { prefix: options.mount.prefix, run: neverThrows(options.mount.prefix, options.mount.handler, logger) }
    : null;
  const router = new TrieRouter<Routed>();
  for (const route of [...apiRoutes(svc, logger, options.rate), ...extraRoutes]) {
    router.add(route.method, route.path, {
      route,
      run: neverThrows(`${route.method} ${route.path}`, route.handler, logger),
    });
  }
  const dispatch = (req: ApiRequest, res: Parameters<ApiRoute["handler"]>[1]) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const { routed, params, allowed } = matchRoute(router, String(req.method), path);
    if (!routed && allowed.length === 0 && mounted && underPrefix(path, mounted.prefix)) {
      mounted.run(req, res);
      return;
    }
    if (!routed) {
      const status = allowed.length ? 405 : 404;
      sendJson(
        res,
        status,
        {
          error: status === 405 ? "method_not_allowed" : "not_found",
          errors: [`${String(req.method).slice(0, 20)} ${path.slice(0, 200)} is not an API route`],
        },
        allowed.length ? { allow: allowed.join(", ") } : {},
      );
      return;
    }
    req.params = params;
    routed.run(req, res);
  };
  const server = createServer(serverOptions(options.limits), (req, res) => {
    try {
      dispatch(req as ApiRequest, res);
    } catch (e) {
      if (isMalformedPath(e)) {
        sendJson(res, 400, MALFORMED_PATH);
        return;
      }
      logger.error({ method: req.method, error: errorFields(e) }, "HTTP request failed");
      sendJson(res, 500, INTERNAL_ERROR);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A listening server's own errors (not a request's) are logged, never thrown.
  server.on("error", (e) => logger.error({ error: errorFields(e) }, "HTTP server error"));
  const address = server.address() as AddressInfo;
  return {
    url: localUrl(address),
    address,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
