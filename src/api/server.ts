// A plain node:http server for the intake API: `tierkeeper start` without an HTTP Slack receiver
// (local or Socket Mode) and the tests use it; in HTTP mode the same routes mount on Bolt.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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
import { type ApiRequest, type ApiRoute, apiRoutes } from "./routes.ts";

interface CompiledRoute extends ApiRoute {
  pattern: RegExp;
  names: string[];
}

function compile(route: ApiRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(part.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
}

export interface ServeApiOptions {
  logger?: Logger;
  limits?: Partial<HttpLimits>;
  /** Serves every path under `prefix` that no route matches (the HTTP API v1 under /api/v1). */
  mount?: Mount;
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
  const routes = [...apiRoutes(svc, logger), ...extraRoutes].map((r) => ({
    ...compile(r),
    run: neverThrows(`${r.method} ${r.path}`, r.handler, logger),
  }));
  const dispatch = (req: ApiRequest, res: Parameters<ApiRoute["handler"]>[1]) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const matching = routes.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === req.method);
    if (!route && matching.length === 0 && mounted && underPrefix(path, mounted.prefix)) {
      mounted.run(req, res);
      return;
    }
    if (!route) {
      const status = matching.length ? 405 : 404;
      sendJson(
        res,
        status,
        {
          error: status === 405 ? "method_not_allowed" : "not_found",
          errors: [`${String(req.method).slice(0, 20)} ${path.slice(0, 200)} is not an API route`],
        },
        matching.length ? { allow: matching.map((r) => r.method).join(", ") } : {},
      );
      return;
    }
    const m = route.pattern.exec(path);
    const params: Record<string, string> = {};
    // Decoded here, as Bolt's HTTPReceiver decodes them, so handlers read the same value on both servers.
    route.names.forEach((name, i) => {
      const value = m?.[i + 1];
      if (value !== undefined) params[name] = decodeURIComponent(value);
    });
    req.params = params;
    route.run(req, res);
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
