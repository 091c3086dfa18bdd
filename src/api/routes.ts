// The intake API (SPEC §3): routes as plain node:http handlers, so the same list mounts on Bolt's
// HTTPReceiver (`customRoutes`) and on the standalone server of serve.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import pino, { type Logger } from "pino";
import { rowsOf } from "../db/client.ts";
import { isDatabaseUnavailable } from "../db/errors.ts";
import type { ApiScope } from "../domain/api-scopes.ts";
import { authenticateApiKey } from "../services/api-keys.ts";
import type { Services } from "../services/context.ts";
import {
  type IntakeContact,
  type IntakeOutcome,
  intakeContacts,
  intakeLookup,
  MAX_BATCH,
  parseLookupEmail,
  validateContact,
} from "../services/intake/index.ts";
import { errorFields, INTERNAL_ERROR, lingerBeforeClose, sendJson as send } from "./http-guard.ts";
import { KeyRate } from "./key-rate.ts";

export type ApiRequest = IncomingMessage & { params?: Record<string, string> };

export interface ApiRoute {
  path: string;
  method: "GET" | "POST";
  handler: (req: ApiRequest, res: ServerResponse) => Promise<void>;
}

/** Largest request body accepted: a full batch of 1,000 contacts with modest properties. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.error));
  }
}

const tooLarge = () =>
  new HttpError(
    413,
    { error: "payload_too_large", errors: [`the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`] },
    // The rest of the body is never read: the connection closes once the answer is out.
    { connection: "close" },
  );

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The body as text. Stops reading at MAX_BODY_BYTES (or before reading, when Content-Length says
 * more) and refuses bytes that are not UTF-8; a client that goes away mid-body ends it too.
 */
function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  if (req.readableAborted) return Promise.reject(new Error("the client closed the connection before the body ended"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (e: Error | null, text?: string) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (e) reject(e);
      else resolve(text ?? "");
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        stop(tooLarge());
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => {
      try {
        stop(null, utf8.decode(Buffer.concat(chunks)));
      } catch {
        stop(new HttpError(400, { error: "invalid_body", errors: ["the body is not valid UTF-8 text"] }));
      }
    };
    const onError = (e: Error) => stop(e);
    const onClose = () => stop(new Error("the client closed the connection before the body ended"));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

async function authorize(svc: Services, req: IncomingMessage, scope: ApiScope, rate: KeyRate) {
  const auth = await authenticateApiKey(svc, req.headers.authorization);
  if (auth && "refused" in auth) {
    throw new HttpError(
      401,
      { error: "unauthorized", errors: [auth.refused] },
      { "www-authenticate": 'Bearer realm="tierkeeper"' },
    );
  }
  if (!auth) {
    throw new HttpError(
      401,
      {
        error: "unauthorized",
        errors: [
          req.headers.authorization
            ? "the API key is wrong or has been revoked"
            : "send the account's API key as `Authorization: Bearer <key>` (an admin makes one with `/contacts settings api-key create`)",
        ],
      },
      { "www-authenticate": 'Bearer realm="tierkeeper"' },
    );
  }
  if (!auth.scopes.includes(scope)) {
    throw new HttpError(403, {
      error: "missing_scope",
      missingScope: scope,
      errors: [
        `this API key lacks the scope ${scope}; an admin makes a key with it: \`/contacts settings api-key create ${scope}\``,
      ],
    });
  }
  // One allowance per key, shared with the API v1.
  const wait = await rate.take(auth.keyId);
  if (wait !== null) {
    throw new HttpError(
      429,
      {
        error: "rate_limited",
        errors: [`this API key made more than ${rate.perMinute} calls in a minute; try again in ${wait} s`],
      },
      { "retry-after": String(wait) },
    );
  }
  return auth;
}

/**
 * Runs a handler, turning HttpErrors into their JSON answers and anything else into a 500 without
 * details. The log line has the error's message and code only: a driver error also carries the
 * query's parameters, which are contact data.
 */
function guarded(logger: Logger, route: string, fn: (req: ApiRequest, res: ServerResponse) => Promise<void>) {
  return async (req: ApiRequest, res: ServerResponse) => {
    try {
      await fn(req, res);
    } catch (e) {
      if (e instanceof HttpError) {
        // A body left unread is not drained for keep-alive: the connection closes after the answer.
        if (req.complete) send(res, e.status, e.body, e.headers);
        else {
          lingerBeforeClose(req);
          send(res, e.status, e.body, { ...e.headers, connection: "close" });
        }
        return;
      }
      if (isDatabaseUnavailable(e) && !(req.socket?.destroyed ?? true)) {
        // A restart or failover under way: the caller can send the same request again (upserts by email).
        logger.warn({ route, error: errorFields(e) }, "intake API request failed: the database is unavailable");
        send(
          res,
          503,
          { error: "unavailable", errors: ["tierkeeper can't reach its database right now; try again in a moment"] },
          { "retry-after": "5", ...(req.complete ? {} : { connection: "close" }) },
        );
        return;
      }
      if (req.socket?.destroyed ?? true) {
        // The client went away (or timed out) mid-request: nothing to answer, nothing wrong here.
        logger.debug({ route, error: errorFields(e) }, "intake API request ended by the client");
        return;
      }
      logger.error({ route, error: errorFields(e) }, "intake API request failed");
      send(res, 500, INTERNAL_ERROR);
    }
  };
}

/**
 * A contact that came in as marketing by its source but was kept non-marketing: `held` says why
 * (`access`: the key's maker has no marketing contacts access; `upgrade`: it would upgrade the
 * tier; `limit`: the call would make more contacts marketing than the direct-change limit) and
 * `requestId` names the bulk request that asks an admin to set it marketing.
 */
function heldFields(held: IntakeOutcome["held"], email: string) {
  if (!held?.emails.includes(email)) return {};
  return { held: held.reason, requestId: held.request?.id ?? null };
}

type BatchItem = { ok: true; contact: IntakeContact } | { ok: false; email: string | null; errors: string[] };

/**
 * Intake posts one process works on at once; more get 503 with Retry-After at once: an overloaded
 * replica that takes everything answers nothing in time, and the balancer has other replicas.
 */
export const MAX_INTAKE_IN_FLIGHT = 16;

/** `POST /api/contacts`: one contact, or `{ contacts: [...] }` of up to 1,000 (R15, R16, R9, R11). */
function postContacts(svc: Services, logger: Logger, rate: KeyRate) {
  let inFlight = 0;
  const handle = guarded(logger, "POST /api/contacts", async (req, res) => {
    const auth = await authorize(svc, req, "contacts:write", rate);
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new HttpError(400, { error: "invalid_json", errors: [`the body is not JSON: ${(e as Error).message}`] });
    }
    const sender = { actor: `api:${auth.keyId}`, ownerId: auth.ownerId };
    const isBatch = body !== null && typeof body === "object" && !Array.isArray(body) && "contacts" in body;
    if (!isBatch) {
      const v = validateContact(body);
      if (!v.ok) throw new HttpError(400, { error: "invalid_contact", errors: v.errors });
      const { results, held } = await intakeContacts(svc, auth.accountId, sender, [v.contact]);
      const r = results[0];
      if (!r) throw new Error("intake returned no result");
      send(res, r.created ? 201 : 200, {
        email: r.email,
        status: r.status,
        pending: r.pending,
        created: r.created,
        ...heldFields(held, r.email),
      });
      return;
    }
    const list = (body as { contacts: unknown }).contacts;
    if (!Array.isArray(list))
      throw new HttpError(400, { error: "invalid_batch", errors: ["contacts must be an array"] });
    if (list.length === 0) throw new HttpError(400, { error: "invalid_batch", errors: ["contacts is empty"] });
    if (list.length > MAX_BATCH) {
      throw new HttpError(400, {
        error: "batch_too_large",
        errors: [
          `a batch holds at most ${MAX_BATCH.toLocaleString("en-US")} contacts; this one has ${list.length.toLocaleString("en-US")}`,
        ],
      });
    }
    const items: BatchItem[] = list.map((raw) => validateContact(raw));
    const valid = items.flatMap((i) => (i.ok ? [i.contact] : []));
    const outcome = valid.length
      ? await intakeContacts(svc, auth.accountId, sender, valid)
      : { results: [], held: null };
    const byEmail = new Map(outcome.results.map((r) => [r.email, r]));
    const results = items.map((i, index) => {
      if (!i.ok) return { index, email: i.email, ok: false, errors: i.errors };
      const r = byEmail.get(i.contact.email);
      return {
        index,
        email: i.contact.email,
        ok: true,
        status: r?.status,
        pending: r?.pending,
        created: r?.created,
        ...heldFields(outcome.held, i.contact.email),
      };
    });
    const failed = results.filter((r) => !r.ok).length;
    // 207 like HubSpot's batch endpoints: the valid items were written, the others are reported.
    send(res, failed === 0 ? 200 : failed === results.length ? 400 : 207, { results });
  });
  return async (req: ApiRequest, res: ServerResponse) => {
    if (inFlight >= MAX_INTAKE_IN_FLIGHT) {
      send(
        res,
        503,
        { error: "busy", errors: ["tierkeeper is busy right now; nothing was written. Try again in a moment"] },
        { "retry-after": "1", ...(req.complete ? {} : { connection: "close" }) },
      );
      return;
    }
    inFlight++;
    try {
      await handle(req, res);
    } finally {
      inFlight--;
    }
  };
}

/** `GET /api/contacts/:email` → `{ email, status, pending, marketable }` (R1). */
function getContact(svc: Services, logger: Logger, rate: KeyRate) {
  return guarded(logger, "GET /api/contacts/:email", async (req, res) => {
    const auth = await authorize(svc, req, "contacts:read", rate);
    // Both servers hand over the path segment already %-decoded.
    const email = parseLookupEmail(req.params?.email ?? "");
    if (!email.ok) throw new HttpError(400, { error: "invalid_email", errors: [email.error] });
    const found = await intakeLookup(svc, auth.accountId, email.email);
    if (!found) {
      send(res, 404, {
        error: "not_found",
        errors: [`no contact with the email ${email.email} in this account`],
      });
      return;
    }
    send(res, 200, found);
  });
}

/** How long /healthz waits for the database before it says unhealthy. */
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: 200 while the database takes writes, else 503, so a load balancer routes around
 * a replica that can do nothing useful (no writable database reachable: a failover under way).
 */
function healthz(svc: Services, logger: Logger) {
  return guarded(logger, "GET /healthz", async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const writable = await Promise.race([
      rowsOf<{ ro: string }>(svc.db, sql`select current_setting('transaction_read_only') as ro`).then(
        (rows) => rows[0]?.ro === "off",
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (writable) send(res, 200, { ok: true });
    else send(res, 503, { ok: false, errors: ["no writable database is reachable"] });
  });
}

/** The intake API's routes. Bolt's HTTPReceiver passes `:email` as `req.params.email`. */
export function apiRoutes(
  svc: Services,
  logger: Logger = pino({ name: "tierkeeper.api", level: process.env.LOG_LEVEL ?? "info" }),
  rate: KeyRate = new KeyRate(600),
): ApiRoute[] {
  return [
    { path: "/api/contacts", method: "POST", handler: postContacts(svc, logger, rate) },
    { path: "/api/contacts/:email", method: "GET", handler: getContact(svc, logger, rate) },
    { path: "/healthz", method: "GET", handler: healthz(svc, logger) },
  ];
}
