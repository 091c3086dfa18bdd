// What every route of the HTTP API v1 shares: who is calling (an API key, acting for the admin who
// made it, within its scopes), how refusals and bad input are answered, and the error schema.
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ApiScope } from "../../domain/api-scopes.ts";
import { type ApiKeyAuth, authenticateApiKey } from "../../services/api-keys.ts";
import { type Actor, Refusal, type Services } from "../../services/context.ts";
import { errorFields } from "../http-guard.ts";
import type { KeyRate } from "../key-rate.ts";

export interface ApiEnv {
  Variables: { auth: ApiKeyAuth };
}

export interface ApiDeps {
  svc: Services;
  logger: Logger;
  /** Calls a minute each API key may make (per process), shared with the intake routes; 600 by default. */
  rate?: KeyRate;
}

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: "invalid_request" }),
    errors: z.array(z.string()).openapi({ example: ["limit: must be at most 1000"] }),
    missingScope: z.string().optional(),
  })
  .openapi("Error");

export const errorResponses = {
  400: {
    description: "Bad input: every reason is listed; nothing was changed",
    content: { "application/json": { schema: ErrorSchema } },
  },
  401: {
    description: "No API key, or a wrong or revoked one",
    content: { "application/json": { schema: ErrorSchema } },
  },
  403: {
    description: "The key lacks the scope this route needs",
    content: { "application/json": { schema: ErrorSchema } },
  },
  409: {
    description: "The first request with this Idempotency-Key is still being carried out",
    content: { "application/json": { schema: ErrorSchema } },
  },
  413: { description: "The body is larger than 8 MB", content: { "application/json": { schema: ErrorSchema } } },
  422: {
    description:
      "Not allowed or not possible now (the sentence says why), or an Idempotency-Key used for another request; nothing was changed",
    content: { "application/json": { schema: ErrorSchema } },
  },
  429: {
    description: "The key made too many calls this minute: wait Retry-After seconds",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

export const notFound = {
  404: {
    description: "No such contact or request in this account",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

/** A thrown answer: the status, the machine-readable error and the sentences for people. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly code: string,
    readonly errors: string[],
    readonly extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.join("; "));
  }
}

/** The actor the services see for a key: the admin who made it, with that user's rights as they are now. */
export function actorOf(c: Context<ApiEnv>): Actor {
  const auth = c.get("auth");
  return { accountId: auth.accountId, userId: auth.ownerId };
}

/** `Authorization: Bearer <key>` → the key's account, maker and scopes; 401 otherwise. */
export function authenticate(svc: Services): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const auth = await authenticateApiKey(svc, header);
    const challenge = { "www-authenticate": 'Bearer realm="tierkeeper"' };
    if (auth && "refused" in auth) throw new ApiError(401, "unauthorized", [auth.refused], {}, challenge);
    if (!auth) {
      throw new ApiError(
        401,
        "unauthorized",
        [
          header
            ? "the API key is wrong or has been revoked"
            : "send an API key as `Authorization: Bearer <key>` (an admin makes one with `/contacts settings api-key create`)",
        ],
        {},
        challenge,
      );
    }
    c.set("auth", auth);
    await next();
  };
}

/** 403 naming the missing scope unless the key has `scope`. */
export function requireScope(c: Context<ApiEnv>, scope: ApiScope): void {
  if (!c.get("auth").scopes.includes(scope)) {
    throw new ApiError(
      403,
      "missing_scope",
      [
        `this API key lacks the scope ${scope}; an admin makes a key with it: \`/contacts settings api-key create ${scope}\``,
      ],
      { missingScope: scope },
    );
  }
}

/** The answer for anything a route throws: ApiErrors and refusals as they are, the rest a logged 500. */
export function answerError(logger: Logger) {
  return (e: Error, c: Context) => {
    if (e instanceof ApiError) {
      for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
      return c.json({ error: e.code, errors: e.errors, ...e.extra }, e.status);
    }
    if (e instanceof Refusal) {
      return c.json(
        { error: e.kind === "invalid" ? "invalid_request" : "refused", errors: [e.message] },
        e.kind === "invalid" ? 400 : 422,
      );
    }
    // Hono's own HTTPExceptions (the body limit's 413, a malformed JSON body) carry their status.
    const status = (e as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      return c.json(
        { error: status === 413 ? "payload_too_large" : "invalid_request", errors: [e.message] },
        status as 400,
      );
    }
    logger.error({ route: `${c.req.method} ${c.req.routePath}`, error: errorFields(e) }, "API request failed");
    return c.json({ error: "internal_error", errors: ["something went wrong on our side; try again"] }, 500);
  };
}

/** Zod's issues as one sentence each, with where in the input: "limit: must be at most 1000". */
export function issueSentences(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
}
