// A plain node:http server for the intake API: `tierkeeper start` without an HTTP Slack receiver
// (local or Socket Mode) and the tests use it; in HTTP mode the same routes mount on Bolt.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Services } from "../services/context.ts";
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

/** Serves the intake API on `port` (0: any free port) on all interfaces; `url` uses 127.0.0.1. */
export async function serveApi(
  svc: Services,
  port: number,
  host?: string,
  extraRoutes: ApiRoute[] = [],
): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const routes = [...apiRoutes(svc), ...extraRoutes].map(compile);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const matching = routes.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      const status = matching.length ? 405 : 404;
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        ...(matching.length ? { allow: matching.map((r) => r.method).join(", ") } : {}),
      });
      res.end(
        JSON.stringify({
          error: status === 405 ? "method_not_allowed" : "not_found",
          errors: [`${req.method} ${path} is not an API route`],
        }),
      );
      return;
    }
    const m = route.pattern.exec(path);
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const value = m?.[i + 1];
      if (value !== undefined) params[name] = value;
    });
    (req as ApiRequest).params = params;
    void route.handler(req as ApiRequest, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
