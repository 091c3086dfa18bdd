// /api/v1/tier, /usage and /forecast: what `/contacts tier`, `usage` and the forecast report.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { forecastUsage } from "../../services/forecast.ts";
import { tierReport } from "../../services/reports.ts";
import { usageSeries } from "../../services/usage.ts";
import { type ApiDeps, type ApiEnv, ApiError, actorOf, errorResponses, requireScope } from "./common.ts";

const tags = ["tier and usage"];

const TierSchema = z
  .object({
    plan: z.string(),
    term: z.string(),
    tierLimit: z.number().int().openapi({ description: "Marketing contacts the current tier holds" }),
    marketingCount: z.number().int(),
    usagePercent: z.number(),
    totalCount: z.number().int(),
    nonMarketingCount: z.number().int(),
    pendingCount: z
      .number()
      .int()
      .openapi({ description: "Marketing contacts that become non-marketing at the next update date" }),
    nextUpdateAt: z.string().openapi({ format: "date-time" }),
    marketingCountAfterUpdate: z.number().int(),
    usageAfterUpdatePercent: z.number(),
    lowestTierAfterUpdate: z.number().int(),
    monthlyPriceCents: z.number().int(),
    nextRenewalAt: z.string().openapi({ format: "date-time" }),
    downgradeTo: z.number().int().nullable().openapi({ description: "A downgrade scheduled for the renewal" }),
    timeZone: z.string(),
  })
  .openapi("Tier");

const UsagePoint = z.object({ day: z.string(), marketingCount: z.number().int(), tierLimit: z.number().int() });

const UsageSchema = z
  .object({
    points: z.array(UsagePoint),
    bucketDays: z.number().int(),
    daysRecorded: z.number().int(),
    latest: UsagePoint.nullable(),
    peak: UsagePoint.nullable(),
    updateDates: z.array(z.string()),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
  })
  .openapi("Usage");

const ForecastSchema = z
  .object({
    marketingCount: z.number().int(),
    tierLimit: z.number().int(),
    perDay: z
      .number()
      .nullable()
      .openapi({ description: "Growth in marketing contacts per day; null without enough history" }),
    points: z.number().int(),
    today: z.string(),
    timeZone: z.string(),
    thresholds: z.array(
      z.object({
        level: z.union([z.string(), z.number()]),
        percent: z.number(),
        count: z.number().int(),
        reached: z.boolean(),
        date: z.string().nullable(),
        inDays: z.number().nullable(),
      }),
    ),
  })
  .openapi("Forecast");

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-01")
  .optional();

export function accountRoutes(app: OpenAPIHono<ApiEnv>, { svc }: ApiDeps): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/tier",
      tags,
      summary: "The tier, usage and the next update date",
      description: "What `/contacts tier` reports. Needs `contacts:read`.",
      responses: { 200: json(TierSchema, "The tier report"), ...errorResponses },
    }),
    async (c) => {
      requireScope(c, "contacts:read");
      const r = await tierReport(svc, actorOf(c));
      return c.json(
        {
          plan: r.plan,
          term: r.term,
          tierLimit: r.tierLimit,
          marketingCount: r.marketingCount,
          usagePercent: r.usagePercent,
          totalCount: r.totalCount,
          nonMarketingCount: r.nonMarketingCount,
          pendingCount: r.pendingCount,
          nextUpdateAt: r.nextUpdateAt.toISOString(),
          marketingCountAfterUpdate: r.marketingCountAfterUpdate,
          usageAfterUpdatePercent: r.usageAfterUpdatePercent,
          lowestTierAfterUpdate: r.lowestTierAfterUpdate,
          monthlyPriceCents: r.monthlyPriceCents,
          nextRenewalAt: r.nextRenewalAt.toISOString(),
          downgradeTo: r.downgradeTo,
          timeZone: r.timeZone,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/usage",
      tags,
      summary: "Marketing contacts per day",
      description: "Days in the billing time zone; the last 30 days when no range is given. Needs `contacts:read`.",
      request: { query: z.strictObject({ from: day, to: day }) },
      responses: { 200: json(UsageSchema, "The usage series"), ...errorResponses },
    }),
    async (c) => {
      requireScope(c, "contacts:read");
      const q = c.req.valid("query");
      const at = (d: string | undefined) => {
        if (!d) return null;
        const date = new Date(`${d}T12:00:00Z`);
        if (Number.isNaN(date.getTime())) throw new ApiError(400, "invalid_request", [`${d} is not a date`]);
        return date;
      };
      const r = await usageSeries(svc, actorOf(c), { from: at(q.from), to: at(q.to) });
      return c.json(JSON.parse(JSON.stringify(r)) as z.infer<typeof UsageSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/forecast",
      tags,
      summary: "When usage reaches 75, 90 and 98 % and the tier, at the recent growth",
      description: "Needs `contacts:read`.",
      responses: { 200: json(ForecastSchema, "The forecast"), ...errorResponses },
    }),
    async (c) => {
      requireScope(c, "contacts:read");
      const { accountId: _a, ...r } = await forecastUsage(svc, c.get("auth").accountId);
      return c.json(r, 200);
    },
  );
}
