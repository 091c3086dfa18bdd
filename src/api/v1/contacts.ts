// /api/v1/contacts: read, list, create or update, set the status of, and delete contacts, each
// following the rules the slash command follows (the services are the same).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { contactByEmail, contactReader } from "../../services/contact-pages.ts";
import { deleteContacts, setStatus } from "../../services/contacts.ts";
import { intakeContacts, MAX_BATCH, parseLookupEmail, validateContact } from "../../services/intake/index.ts";
import { type ApiDeps, type ApiEnv, ApiError, actorOf, errorResponses, notFound, requireScope } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import {
  ContactInputSchema,
  ContactSchema,
  contactJson,
  EmailParam,
  ListQuery,
  StatusBodySchema,
  StatusManyBodySchema,
  StatusResultSchema,
  UpsertResultSchema,
  unknownFieldErrors,
  upgradeJson,
} from "./schemas.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const tags = ["contacts"];

const list = createRoute({
  method: "get",
  path: "/contacts",
  tags,
  summary: "List contacts, filtered, a page at a time",
  description: "Pages follow the contacts' ids; pass `next` as `cursor` until it is null. Needs `contacts:read`.",
  request: { query: ListQuery },
  responses: {
    200: json(
      z.object({ contacts: z.array(ContactSchema), next: z.string().nullable() }).openapi("ContactPage"),
      "A page of contacts",
    ),
    ...errorResponses,
  },
});

const read = createRoute({
  method: "get",
  path: "/contacts/{email}",
  tags,
  summary: "Read one contact",
  description:
    "Answers with an ETag; send it back as If-None-Match to get 304 while nothing changed. Needs `contacts:read`.",
  request: { params: EmailParam },
  responses: {
    200: json(ContactSchema, "The contact"),
    304: { description: "Not changed since the ETag" },
    ...errorResponses,
    ...notFound,
  },
});

const upsert = createRoute({
  method: "post",
  path: "/contacts",
  tags,
  summary: "Create a contact, or update the fields of an existing one (by email)",
  description:
    "A new contact starts with its source's default status; the key's maker's rights, the direct-change limit and the tier check apply as for the intake. Fields sent empty never clear stored ones; properties merge. Needs `contacts:write`.",
  request: { body: { content: { "application/json": { schema: ContactInputSchema } }, required: true } },
  responses: {
    200: json(UpsertResultSchema, "Updated (or unchanged)"),
    201: json(UpsertResultSchema, "Created"),
    ...errorResponses,
  },
});

const BatchResult = z
  .object({
    results: z.array(
      UpsertResultSchema.partial({ status: true, pending: true, created: true }).extend({
        index: z.number().int(),
        ok: z.boolean(),
        errors: z.array(z.string()).optional(),
      }),
    ),
  })
  .openapi("BatchResult");

const batch = createRoute({
  method: "post",
  path: "/contacts/batch",
  tags,
  summary: `Create or update up to ${MAX_BATCH.toLocaleString("en-US")} contacts`,
  description:
    "Valid items are written, invalid ones reported by index (207 when some failed). Needs `contacts:write`.",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ contacts: z.array(z.unknown()).min(1).max(MAX_BATCH) }).openapi("ContactBatch"),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(BatchResult, "Every item written"),
    207: json(BatchResult, "Some items written, the others reported"),
    ...errorResponses,
  },
});

const UpdateBody = ContactInputSchema.omit({ email: true, source: true }).openapi("ContactUpdate");

const update = createRoute({
  method: "patch",
  path: "/contacts/{email}",
  tags,
  summary: "Update a contact's fields and properties",
  description: "Never changes its status (see PUT …/status). Needs `contacts:write`.",
  request: { params: EmailParam, body: { content: { "application/json": { schema: UpdateBody } }, required: true } },
  responses: { 200: json(ContactSchema, "The contact as it is now"), ...errorResponses, ...notFound },
});

const setOne = createRoute({
  method: "put",
  path: "/contacts/{email}/status",
  tags,
  summary: "Set a contact marketing or non-marketing",
  description:
    "Marketing takes effect at once (and may upgrade the tier: then it becomes a request, 202); non-marketing waits for the next update date (`pending`). Needs `status:write`.",
  request: {
    params: EmailParam,
    body: { content: { "application/json": { schema: StatusBodySchema } }, required: true },
  },
  responses: {
    200: json(StatusResultSchema, "Applied"),
    202: json(StatusResultSchema, "Became a request for an admin"),
    ...errorResponses,
    ...notFound,
  },
});

const setMany = createRoute({
  method: "post",
  path: "/contacts/status",
  tags,
  summary: "Set several contacts marketing or non-marketing",
  description:
    "Up to the account's direct-change limit it applies at once (200); more, or an upgrade, becomes one request for an admin (202, `requestId`). Unknown emails refuse the whole call. Needs `status:write`.",
  request: { body: { content: { "application/json": { schema: StatusManyBodySchema } }, required: true } },
  responses: {
    200: json(StatusResultSchema, "Applied"),
    202: json(StatusResultSchema, "Became a request for an admin"),
    ...errorResponses,
  },
});

const remove = createRoute({
  method: "delete",
  path: "/contacts/{email}",
  tags,
  summary: "Delete a contact",
  description:
    "Frees its place in the tier at once (the tier itself is never lowered by it). Needs `contacts:write`; the key's maker must be an admin.",
  request: { params: EmailParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses, ...notFound },
});

/** The email of a path, checked as the intake checks one; 400 otherwise. */
function pathEmail(raw: string): string {
  const parsed = parseLookupEmail(raw);
  if (!parsed.ok) throw new ApiError(400, "invalid_email", [parsed.error]);
  return parsed.email;
}

function notFoundError(email: string) {
  return new ApiError(404, "not_found", [`no contact with the email ${email} in this account`]);
}

function heldFields(held: Awaited<ReturnType<typeof intakeContacts>>["held"], email: string) {
  if (!held?.emails.includes(email)) return {};
  return { held: held.reason, requestId: held.request?.id ?? null };
}

function statusJson(r: Awaited<ReturnType<typeof setStatus>>) {
  return {
    status: r.to,
    changed: r.changed,
    unchanged: r.unchanged,
    pending: r.pending,
    requestId: r.requestId,
    requestReason: r.requestReason,
    contacts: r.outcomes.map((o) => ({
      email: o.email,
      outcome: o.outcome,
      effectiveAt: o.effectiveAt?.toISOString() ?? null,
    })),
    marketingCount: r.marketingCount,
    tierLimit: r.tierLimit,
    upgrade: upgradeJson(r.upgrade),
  };
}

export function contactRoutes(app: OpenAPIHono<ApiEnv>, { svc }: ApiDeps): void {
  app.openapi(list, async (c) => {
    requireScope(c, "contacts:read");
    const q = c.req.valid("query");
    const after = q.cursor ? decodeCursor(q.cursor, "contacts") : 0;
    const reader = await contactReader(svc, c.get("auth").accountId, {
      filter: q.filter ?? null,
      status: q.status ?? null,
    });
    const rows = await reader.page(after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return c.json(
      {
        contacts: page.map(contactJson),
        next: rows.length > q.limit && last ? encodeCursor("contacts", last.id) : null,
      },
      200,
    );
  });

  app.openapi(read, async (c) => {
    requireScope(c, "contacts:read");
    const email = pathEmail(c.req.valid("param").email);
    const found = await contactByEmail(svc, c.get("auth").accountId, email);
    if (!found) throw notFoundError(email);
    return c.json(contactJson(found), 200);
  });

  app.openapi(upsert, async (c) => {
    requireScope(c, "contacts:write");
    const v = validateContact(c.req.valid("json"));
    if (!v.ok) throw new ApiError(400, "invalid_contact", v.errors);
    const auth = c.get("auth");
    const { results, held } = await intakeContacts(
      svc,
      auth.accountId,
      { actor: `api:${auth.keyId}`, ownerId: auth.ownerId },
      [v.contact],
    );
    const r = results[0];
    if (!r) throw new Error("intake returned no result");
    const body = {
      email: r.email,
      status: r.status,
      pending: r.pending,
      created: r.created,
      ...heldFields(held, r.email),
    };
    return r.created ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(batch, async (c) => {
    requireScope(c, "contacts:write");
    const auth = c.get("auth");
    const items = c.req.valid("json").contacts.map((raw) => {
      const unknown = unknownFieldErrors(raw);
      const v = validateContact(raw);
      if (unknown.length === 0) return v;
      return {
        ok: false as const,
        email: v.ok ? v.contact.email : v.email,
        errors: [...unknown, ...(v.ok ? [] : v.errors)],
      };
    });
    const valid = items.flatMap((i) => (i.ok ? [i.contact] : []));
    const outcome = valid.length
      ? await intakeContacts(svc, auth.accountId, { actor: `api:${auth.keyId}`, ownerId: auth.ownerId }, valid)
      : { results: [], held: null };
    const byEmail = new Map(outcome.results.map((r) => [r.email, r]));
    const results = items.map((i, index) => {
      if (!i.ok) return { index, ok: false, email: i.email ?? "", errors: i.errors };
      const r = byEmail.get(i.contact.email);
      return {
        index,
        ok: true,
        email: i.contact.email,
        status: r?.status,
        pending: r?.pending,
        created: r?.created,
        ...heldFields(outcome.held, i.contact.email),
      };
    });
    const failed = results.filter((r) => !r.ok).length;
    if (failed === results.length)
      throw new ApiError(
        400,
        "invalid_batch",
        results.flatMap((r) => (r.errors ?? []).map((e) => `contacts.${r.index}: ${e}`)),
      );
    return failed === 0 ? c.json({ results }, 200) : c.json({ results }, 207);
  });

  app.openapi(update, async (c) => {
    requireScope(c, "contacts:write");
    const auth = c.get("auth");
    const email = pathEmail(c.req.valid("param").email);
    if (!(await contactByEmail(svc, auth.accountId, email))) throw notFoundError(email);
    // The intake's upsert, on an existing contact: fields and properties only, never its status or source.
    const v = validateContact({ ...c.req.valid("json"), email, source: "api" });
    if (!v.ok) throw new ApiError(400, "invalid_contact", v.errors);
    await intakeContacts(svc, auth.accountId, { actor: `api:${auth.keyId}`, ownerId: auth.ownerId }, [v.contact]);
    const now = await contactByEmail(svc, auth.accountId, email);
    if (!now) throw notFoundError(email);
    return c.json(contactJson(now), 200);
  });

  app.openapi(setOne, async (c) => {
    requireScope(c, "status:write");
    const email = pathEmail(c.req.valid("param").email);
    if (!(await contactByEmail(svc, c.get("auth").accountId, email))) throw notFoundError(email);
    const r = await setStatus(svc, actorOf(c), c.req.valid("json").status, [email]);
    return r.requestId ? c.json(statusJson(r), 202) : c.json(statusJson(r), 200);
  });

  app.openapi(setMany, async (c) => {
    requireScope(c, "status:write");
    const body = c.req.valid("json");
    const emails: string[] = [];
    const bad: string[] = [];
    body.emails.forEach((raw, i) => {
      const parsed = parseLookupEmail(raw);
      if (parsed.ok) emails.push(parsed.email);
      else bad.push(`emails.${i}: ${parsed.error.replace("the email in the path", "the email")}`);
    });
    if (bad.length) throw new ApiError(400, "invalid_request", bad);
    const r = await setStatus(svc, actorOf(c), body.status, emails);
    return r.requestId ? c.json(statusJson(r), 202) : c.json(statusJson(r), 200);
  });

  app.openapi(remove, async (c) => {
    requireScope(c, "contacts:write");
    const email = pathEmail(c.req.valid("param").email);
    if (!(await contactByEmail(svc, c.get("auth").accountId, email))) throw notFoundError(email);
    await deleteContacts(svc, actorOf(c), [email]);
    return c.body(null, 204);
  });
}
