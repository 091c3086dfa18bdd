// /api/v1/exports/contacts: every contact a filter selects, as CSV or NDJSON, streamed a page at a
// time (keyset pages of 5,000): a million rows in the memory of one page, and a client that reads
// slowly slows the reading down instead of filling memory.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import Papa from "papaparse";
import { CONTACT_STATUS_FILTERS, contactReader } from "../../services/contact-pages.ts";
import { type ApiDeps, type ApiEnv, errorResponses, requireScope } from "./common.ts";
import { contactJson } from "./schemas.ts";

const PAGE = 5000;
const CSV_COLUMNS = [
  "email",
  "status",
  "pending",
  "effectiveAt",
  "firstName",
  "lastName",
  "lifecycle",
  "source",
  "sourceId",
  "bounced",
  "unsubscribed",
  "createdAt",
  "updatedAt",
] as const;

const route = createRoute({
  method: "get",
  path: "/exports/contacts",
  tags: ["contacts"],
  summary: "Export contacts as CSV or NDJSON",
  description:
    "Every contact the filter and status select, in id order, streamed. `status=marketing` gives the contacts marketing email may reach (pending ones included until the update date). CSV cells that a spreadsheet would read as a formula are quoted with a leading `'`. NDJSON lines are Contact objects. Needs `contacts:read`.",
  request: {
    query: z.object({
      format: z.enum(["csv", "ndjson"]).default("csv"),
      filter: z
        .string()
        .max(2000)
        .optional()
        .openapi({ description: "The filter language of `/contacts bulk … where`" }),
      status: z.enum(CONTACT_STATUS_FILTERS).optional(),
    }),
  },
  responses: {
    200: {
      description: "The contacts",
      content: {
        "text/csv": { schema: z.string().openapi({ description: `Columns: ${CSV_COLUMNS.join(", ")}` }) },
        "application/x-ndjson": { schema: z.string().openapi({ description: "One Contact per line" }) },
      },
    },
    ...errorResponses,
  },
});

export function exportRoutes(app: OpenAPIHono<ApiEnv>, { svc, logger }: ApiDeps): void {
  app.openapi(route, async (c) => {
    requireScope(c, "contacts:read");
    const q = c.req.valid("query");
    // The filter is checked before anything is sent, so a bad one is a 400, not a broken stream.
    const reader = await contactReader(svc, c.get("auth").accountId, {
      filter: q.filter ?? null,
      status: q.status ?? null,
    });
    const csv = q.format === "csv";
    c.header("content-type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    c.header("content-disposition", `attachment; filename="contacts.${csv ? "csv" : "ndjson"}"`);
    c.header("cache-control", "no-store");
    return stream(
      c,
      async (out) => {
        if (csv) await out.write(`${CSV_COLUMNS.join(",")}\r\n`);
        let after = 0;
        for (;;) {
          if (out.aborted) return;
          const rows = await reader.page(after, PAGE);
          if (rows.length === 0) return;
          const json = rows.map(contactJson);
          if (csv) {
            await out.write(
              `${Papa.unparse(
                json.map((r) => CSV_COLUMNS.map((k) => r[k])),
                { header: false, newline: "\r\n", escapeFormulae: true },
              )}\r\n`,
            );
          } else {
            await out.write(`${json.map((r) => JSON.stringify(r)).join("\n")}\n`);
          }
          after = rows[rows.length - 1]?.id ?? after;
          if (rows.length < PAGE) return;
        }
      },
      // A failure after the first bytes can only end the stream: the client sees it cut short.
      async (e) => {
        logger.error(
          { route: "GET /api/v1/exports/contacts", error: { name: e.name, message: e.message.slice(0, 200) } },
          "export failed",
        );
      },
    );
  });
}
