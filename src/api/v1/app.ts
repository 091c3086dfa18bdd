// The HTTP API v1 (/api/v1): typed routes on Hono with @hono/zod-openapi, so each route's input is
// parsed by the same zod schema that documents it, and /api/v1/openapi.json is generated from the
// routes themselves. Hono because it is small, typed end to end and runs on node:http through
// @hono/node-server's request listener: it mounts beside Slack's /slack/events on the servers we
// already have (the standalone one and Bolt's HTTPReceiver), with their limits and timeouts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { etag } from "hono/etag";
import { API_SCOPES, SCOPE_MEANING } from "../../domain/api-scopes.ts";
import { KeyRate } from "../key-rate.ts";
import { accountRoutes } from "./account.ts";
import { changeRoutes } from "./changes.ts";
import { type ApiDeps, type ApiEnv, ApiError, answerError, authenticate, issueSentences } from "./common.ts";
import { contactRoutes } from "./contacts.ts";
import { exportRoutes } from "./exports.ts";
import { referencePage } from "./reference.ts";
import { requestRoutes } from "./requests.ts";
import { idempotency, rateLimit } from "./write-guards.ts";

export const API_BASE = "/api/v1";
/** The largest body a call may send: a batch of 1,000 contacts with modest properties. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function createApiV1(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({
    // Bad input: 400 with every reason, before any handler runs.
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json({ error: "invalid_request", errors: issueSentences(result.error.issues) }, 400);
      }
    },
  }).basePath(API_BASE);

  app.onError(answerError(deps.logger));
  app.notFound((c) =>
    c.json({ error: "not_found", errors: [`${c.req.method} ${c.req.path.slice(0, 200)} is not an API route`] }, 404),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: `An API key an admin makes with \`/contacts settings api-key create [scopes]\`. Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_MEANING[s]})`).join("; ")}.`,
  });
  const info = {
    title: "tierkeeper API",
    version: "1.0.0",
    description:
      "Marketing contacts and their status, the tier, bulk change requests and the changes feed of one tierkeeper account. Every call follows the rules the slash command follows: non-marketing waits for the update date, large changes and upgrades wait for an admin's approval, and a key acts with the rights its maker has when it is used.",
  };
  // Made once, on first use (the routes do not change while the process runs): they need no key,
  // so a flood of them must cost no more than sending bytes.
  let doc: ReturnType<typeof app.getOpenAPI31Document> | null = null;
  let page: string | null = null;
  const documented = () => {
    doc ??= app.getOpenAPI31Document({ openapi: "3.1.0", info, security: [{ apiKey: [] }] });
    return doc;
  };
  app.get("/openapi.json", (c) => c.json(documented()));
  app.get("/reference", (c) => {
    page ??= referencePage(documented());
    return c.html(page);
  });

  // Everything but the document and the reference needs a key; then the key's rate limit and
  // Idempotency-Key for writes (which reads the body, within the body limit).
  const auth = authenticate(deps.svc);
  const limiter = rateLimit(deps.rate ?? new KeyRate(600));
  const sized = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", [`the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`]);
    },
  });
  const idempotent = idempotency(deps);
  // The body limit first: a body that says it is too large is refused before any database work.
  app.use("*", except([`${API_BASE}/openapi.json`, `${API_BASE}/reference`], sized, auth, limiter, idempotent));
  // Reads answer with an ETag; If-None-Match with it gets 304 while nothing changed.
  app.use("/contacts/*", etag());
  app.use("/contacts", etag());
  app.use("/tier", etag());
  app.use("/requests/*", etag());

  contactRoutes(app, deps);
  accountRoutes(app, deps);
  requestRoutes(app, deps);
  exportRoutes(app, deps);
  changeRoutes(app, deps);
  return app;
}

export type ApiV1 = ReturnType<typeof createApiV1>;

/** The API as a node:http handler, for the servers that route /api/v1 to it. */
export function apiV1Listener(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const app = createApiV1(deps);
  return getRequestListener(app.fetch);
}

/** Whether `url` (a request's path and query) is the API's. */
export function isApiV1Path(url: string | undefined): boolean {
  return url === API_BASE || (url?.startsWith(`${API_BASE}/`) ?? false) || (url?.startsWith(`${API_BASE}?`) ?? false);
}
