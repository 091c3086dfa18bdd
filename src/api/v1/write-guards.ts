// What guards the API's writes: a rate limit per key, and `Idempotency-Key` (a retried write gets
// the first answer again and changes nothing).
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { abandonIdempotent, finishIdempotent, startIdempotent } from "../../services/idempotency.ts";
import { type KeyRate, RATE_WINDOW_MS } from "../key-rate.ts";
import { type ApiDeps, type ApiEnv, ApiError } from "./common.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * At most `rate.perMinute` calls a minute per API key, in this process (each replica counts its
 * own), together with the intake routes: more get 429 with Retry-After and the RateLimit headers.
 */
export function rateLimit(rate: KeyRate): MiddlewareHandler<ApiEnv> {
  const perMinute = rate.perMinute;
  return rateLimiter<ApiEnv>({
    windowMs: RATE_WINDOW_MS,
    limit: perMinute,
    store: rate.store,
    standardHeaders: "draft-6",
    keyGenerator: (c) => c.get("auth").keyId,
    handler: (c) => {
      const reset = Number(c.res.headers.get("ratelimit-reset") ?? c.req.header("ratelimit-reset") ?? 60);
      throw new ApiError(
        429,
        "rate_limited",
        [`this API key made more than ${perMinute} calls in a minute; try again in ${reset} s`],
        {},
        { "retry-after": String(Number.isFinite(reset) && reset > 0 ? reset : 60) },
      );
    },
  });
}

/** `Idempotency-Key` on writes: 1–255 printable characters. */
export function idempotency({ svc }: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || !WRITES.has(c.req.method)) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new ApiError(400, "invalid_request", [
        "Idempotency-Key: must be 1 to 255 printable characters without spaces",
      ]);
    }
    const keyId = c.get("auth").keyId;
    const body = await c.req.text();
    const hash = createHash("sha256").update(`${c.req.method} ${c.req.path}\n`).update(body).digest("hex");
    const start = await startIdempotent(svc, keyId, key, hash);
    if (start.state === "mismatch") {
      throw new ApiError(422, "idempotency_key_reused", [
        "Idempotency-Key: this key was used for another request in the last 24 hours; use a new key for a new request",
      ]);
    }
    if (start.state === "in-progress") {
      throw new ApiError(409, "idempotency_in_progress", [
        "Idempotency-Key: the first request with this key is still being carried out; try again in a moment",
      ]);
    }
    if (start.state === "replay") {
      c.header("idempotent-replayed", "true");
      return c.body(start.body, start.status as 200, { "content-type": "application/json; charset=utf-8" });
    }
    try {
      await next();
    } catch (e) {
      await abandonIdempotent(svc, keyId, key);
      throw e;
    }
    // Hono's error handler has already turned a throw into c.res; only our own failures free the key.
    if (c.res.status >= 500) await abandonIdempotent(svc, keyId, key);
    else await finishIdempotent(svc, keyId, key, c.res.status, await c.res.clone().text());
  };
}
