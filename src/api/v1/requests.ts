// /api/v1/requests: bulk change requests. An API key may ask for one (and read them); only people
// decide them, in Slack or the CLI: a key is not an admin.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { parseFilter } from "../../domain/filter.ts";
import { getAccount } from "../../services/accounts.ts";
import { type BulkRequestView, getRequest, listRequests, requestBulkChange } from "../../services/bulk/index.ts";
import type { Selector } from "../../services/selectors.ts";
import { type ApiDeps, type ApiEnv, ApiError, actorOf, errorResponses, notFound, requireScope } from "./common.ts";
import { UpgradeSchema, upgradeJson } from "./schemas.ts";

const tags = ["requests"];
const STATUSES = ["open", "approved", "executed", "rejected", "expired"] as const;

const ImpactSchema = z.object({
  action: z.enum(["marketing", "non-marketing"]),
  count: z.number().int(),
  effectiveAt: z.string(),
  marketingCountBefore: z.number().int(),
  marketingCountAfter: z.number().int(),
  tierLimit: z.number().int(),
  upgrade: UpgradeSchema.nullable(),
  lowestTierAfter: z.number().int(),
  monthlySavingCents: z.number().int(),
});

const RequestSchema = z
  .object({
    id: z.string().openapi({ example: "R7KQ2M" }),
    action: z.enum(["marketing", "non-marketing"]),
    status: z.string().openapi({ description: `One of ${STATUSES.join(", ")}` }),
    selector: z.string().openapi({ description: "Which contacts, in words" }),
    count: z.number().int(),
    requestedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    scheduledAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    executedAt: z.string().nullable(),
    impact: ImpactSchema.openapi({ description: "What it does to the tier, as the approver sees it" }),
  })
  .openapi("Request");

function requestJson(r: BulkRequestView): z.infer<typeof RequestSchema> {
  const i = r.impact;
  return {
    id: r.id,
    action: r.action,
    status: r.status,
    selector: r.selectorText,
    count: r.count,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
    executedAt: r.executedAt?.toISOString() ?? null,
    impact: {
      action: i.action,
      count: i.count,
      effectiveAt: i.effectiveAt,
      marketingCountBefore: i.marketingCountBefore,
      marketingCountAfter: i.marketingCountAfter,
      tierLimit: i.tierLimit,
      upgrade: upgradeJson(i.upgrade),
      lowestTierAfter: i.lowestTierAfter,
      monthlySavingCents: i.monthlySavingCents,
    },
  };
}

const SelectorSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("filter"),
      filter: z.string().min(1).max(2000).openapi({ example: "lifecycle = lead" }),
    }),
    z.object({ type: z.literal("list"), name: z.string().min(1).max(200) }),
    z.object({ type: z.literal("emails"), emails: z.array(z.string().email().max(254)).min(1).max(10_000) }),
    z.object({ type: z.literal("unengaged") }),
  ])
  .openapi("Selector");

const CreateSchema = z
  .strictObject({
    action: z.enum(["marketing", "non-marketing"]),
    selector: SelectorSchema,
    at: z
      .string()
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "Carry it out at this instant once approved" }),
  })
  .openapi("RequestCreate");

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function requestRoutes(app: OpenAPIHono<ApiEnv>, { svc }: ApiDeps): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests",
      tags,
      summary: "The latest bulk change requests (at most 100)",
      description: "Open and approved ones unless `status` says otherwise. Needs `contacts:read`.",
      request: { query: z.strictObject({ status: z.enum(STATUSES).optional() }) },
      responses: {
        200: json(z.object({ requests: z.array(RequestSchema) }), "The requests, newest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireScope(c, "contacts:read");
      const status = c.req.valid("query").status;
      const rows = await listRequests(svc, actorOf(c), status ? [status] : undefined);
      return c.json({ requests: rows.map(requestJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}",
      tags,
      summary: "One request",
      description: "Needs `contacts:read`.",
      request: {
        params: z.object({
          id: z
            .string()
            .max(20)
            .openapi({ param: { name: "id", in: "path" } }),
        }),
      },
      responses: { 200: json(RequestSchema, "The request"), ...errorResponses, ...notFound },
    }),
    async (c) => {
      requireScope(c, "contacts:read");
      const id = c.req.valid("param").id.trim().toUpperCase();
      try {
        return c.json(requestJson(await getRequest(svc, c.get("auth").accountId, id)), 200);
      } catch {
        throw new ApiError(404, "not_found", [`no request ${id.slice(0, 20)} in this account`]);
      }
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/requests",
      tags,
      summary: "Ask for a bulk change",
      description:
        "Selects the contacts now and makes a request that another admin approves in Slack or the CLI (202), or, when no approval is needed (non-marketing up to the direct-change limit), applies it at once (200). Answers 200 with `request: null` when no contact would change. Needs `status:write`.",
      request: { body: { content: { "application/json": { schema: CreateSchema } }, required: true } },
      responses: {
        200: json(
          z.object({ request: RequestSchema.nullable(), executed: z.boolean() }),
          "Applied at once, or nothing to change",
        ),
        202: json(z.object({ request: RequestSchema, executed: z.boolean() }), "Waiting for an admin's approval"),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireScope(c, "status:write");
      const body = c.req.valid("json");
      const actor = actorOf(c);
      const selector = await toSelector(svc, actor.accountId, body.selector);
      const at = body.at ? new Date(body.at) : null;
      const now = svc.clock.now().getTime();
      if (at && (at.getTime() <= now || at.getTime() > now + 366 * 86_400_000)) {
        throw new ApiError(400, "invalid_request", ["at: must be in the future, and at most a year ahead"]);
      }
      const r = await requestBulkChange(svc, actor, {
        action: body.action,
        selector,
        at,
        origin: `api:${c.get("auth").keyId}`,
      });
      if (!r.request) return c.json({ request: null, executed: false }, 200);
      if (r.executed) return c.json({ request: requestJson(r.request), executed: true }, 200);
      return c.json({ request: requestJson(r.request), executed: false }, 202);
    },
  );
}

async function toSelector(
  svc: ApiDeps["svc"],
  accountId: number,
  s: z.infer<typeof SelectorSchema>,
): Promise<Selector> {
  switch (s.type) {
    case "filter": {
      const account = await getAccount(svc.db, accountId);
      const parsed = parseFilter(s.filter, { now: svc.clock.now(), timeZone: account.timeZone });
      if (!parsed.ok) throw new ApiError(400, "invalid_request", [`selector.filter: ${parsed.error}`]);
      return { type: "filter", filter: parsed.filter };
    }
    case "list":
      return { type: "list", name: s.name };
    case "emails":
      return { type: "emails", emails: [...new Set(s.emails.map((e) => e.trim().toLowerCase()))] };
    case "unengaged":
      return { type: "unengaged" };
  }
}
