// /api/v1/changes: every status change, tier change and request decision of the account, in
// commit order, with a cursor that never skips or repeats (see services/changes).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { CHANGE_TYPES, type ChangeType, MAX_CHANGES_LIMIT, readChanges } from "../../services/changes/index.ts";
import { type ApiDeps, type ApiEnv, errorResponses, requireScope } from "./common.ts";

const base = {
  id: z.string().openapi({ description: "Unique in the account and the same on every read: de-duplicate by it" }),
  at: z.string().openapi({ format: "date-time" }),
  actor: z.string().openapi({ description: "A Slack user id, `system`, `cli` or `api:<key id>`" }),
};
const contact = z.object({ id: z.number().int(), email: z.string().nullable() });
const request = z.object({
  id: z.string(),
  action: z.enum(["marketing", "non-marketing"]),
  contactCount: z.number().int(),
});
const requestEvent = (type: ChangeType) => z.object({ ...base, type: z.literal(type), request });

export const ChangeEventSchema = z
  .discriminatedUnion("type", [
    z.object({
      ...base,
      type: z.literal("contact.status_changed"),
      contact,
      status: z.enum(["marketing", "non-marketing"]),
      pending: z.boolean().openapi({
        description: "true: non-marketing from `effectiveAt` (the next update date); until then still marketing",
      }),
      effectiveAt: z.string(),
      requestId: z.string().nullable(),
    }),
    z.object({ ...base, type: z.literal("contact.created"), contact }),
    z.object({ ...base, type: z.literal("contact.updated"), contact }),
    z.object({ ...base, type: z.literal("contact.deleted"), contact }),
    z.object({
      ...base,
      type: z.literal("tier.changed"),
      from: z.number().int(),
      to: z.number().int(),
      reason: z.enum(["upgrade", "downgrade", "setting"]),
      effectiveAt: z.string(),
      charge: z.object({ cents: z.number().int(), due: z.string() }).nullable(),
    }),
    z.object({
      ...base,
      type: z.literal("tier.threshold_reached"),
      percent: z.number().int().openapi({ description: "75, 90 or 98: the share of the tier reached" }),
      marketingCount: z.number().int(),
      tierLimit: z.number().int(),
    }),
    requestEvent("request.created"),
    requestEvent("request.approved"),
    requestEvent("request.rejected"),
    requestEvent("request.reopened"),
    requestEvent("request.expired"),
  ])
  .openapi("ChangeEvent");

const route = createRoute({
  method: "get",
  path: "/changes",
  tags: ["changes"],
  summary: "The changes feed",
  description: `Every change in commit order. Start without \`after\`, then pass each page's \`next\` as \`after\`; read again at once while \`hasMore\`, else poll. A change of many contacts (an update date, a bulk change) is one event per contact, over as many pages as it takes. A page may hold fewer than \`limit\` events (even none) while \`hasMore\` is true. An event may be read again after a retried page: de-duplicate by \`id\`. Needs \`changes:read\`.`,
  request: {
    query: z.strictObject({
      after: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).default(100),
      types: z
        .string()
        .max(500)
        .optional()
        .openapi({ description: `Comma-separated event types (all when absent): ${CHANGE_TYPES.join(", ")}` }),
    }),
  },
  responses: {
    200: {
      description: "A page of events",
      content: {
        "application/json": {
          schema: z
            .object({ events: z.array(ChangeEventSchema), next: z.string(), hasMore: z.boolean() })
            .openapi("ChangesPage"),
        },
      },
    },
    ...errorResponses,
  },
});

export function changeRoutes(app: OpenAPIHono<ApiEnv>, { svc }: ApiDeps): void {
  app.openapi(route, async (c) => {
    requireScope(c, "changes:read");
    const q = c.req.valid("query");
    const types = q.types
      ? (q.types
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean) as ChangeType[])
      : undefined;
    const page = await readChanges(svc, c.get("auth").accountId, { after: q.after ?? null, limit: q.limit, types });
    return c.json(page, 200);
  });
}
