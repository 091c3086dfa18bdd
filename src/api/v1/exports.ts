// /api/v1/exports/contacts: every contact a filter selects, as CSV or NDJSON, streamed a page at a
// time (keyset pages of 5,000): a million rows in the memory of one page, and a client that reads
// slowly slows the reading down instead of filling memory.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import Papa from "papaparse";
import { CONTACT_STATUS_FILTERS, contactReader } from "../../services/contact-pages.ts";
import { type ApiDeps, type ApiEnv, ApiError, errorResponses, requireScope } from "./common.ts";
import { contactJson } from "./schemas.ts";

/**
 * Rows a page: a CSV row is a few hundred bytes; an NDJSON row carries its properties (up to 64 KB),
 * so its pages are smaller and one page stays within a few tens of MB whatever the contacts hold.
 */
const PAGE = { csv: 5000, ndjson: 500 } as const;
/** Exports one account may run at once (each holds a database read and a page in memory). */
const MAX_EXPORTS_PER_ACCOUNT = 2;
/** A client that takes no bytes for this long is dropped: a stalled reader holds no page for ever. */
const STALL_MS = 30_000;
const running = new Map<number, number>();
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
    query: z.strictObject({
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
    const accountId = c.get("auth").accountId;
    // The filter is checked before anything is sent, so a bad one is a 400, not a broken stream.
    const reader = await contactReader(svc, accountId, { filter: q.filter ?? null, status: q.status ?? null });
    if ((running.get(accountId) ?? 0) >= MAX_EXPORTS_PER_ACCOUNT) {
      throw new ApiError(
        429,
        "too_many_exports",
        [`this account already runs ${MAX_EXPORTS_PER_ACCOUNT} exports; try again when one has finished`],
        {},
        { "retry-after": "10" },
      );
    }
    running.set(accountId, (running.get(accountId) ?? 0) + 1);
    const done = () => {
      const left = (running.get(accountId) ?? 1) - 1;
      if (left > 0) running.set(accountId, left);
      else running.delete(accountId);
    };
    const csv = q.format === "csv";
    const pageSize = PAGE[q.format];
    c.header("content-type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    c.header("content-disposition", `attachment; filename="contacts.${csv ? "csv" : "ndjson"}"`);
    c.header("cache-control", "no-store");
    return stream(
      c,
      async (out) => {
        // Every write waits for the client to take the bytes, at most STALL_MS.
        const write = async (text: string) => {
          let timer: NodeJS.Timeout | undefined;
          const stalled = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error("the client stopped reading")), STALL_MS);
          });
          try {
            await Promise.race([out.write(text), stalled]);
          } finally {
            clearTimeout(timer);
          }
        };
        try {
          if (csv) await write(`${CSV_COLUMNS.join(",")}\r\n`);
          for (let after = 0; !out.aborted; ) {
            const rows = await reader.page(after, pageSize, { withProperties: !csv });
            if (rows.length === 0) return;
            const json = rows.map(contactJson);
            await write(
              csv
                ? `${Papa.unparse(
                    json.map((r) => CSV_COLUMNS.map((k) => r[k])),
                    { header: false, newline: "\r\n", escapeFormulae: true },
                  )}\r\n`
                : `${json.map((r) => JSON.stringify(r)).join("\n")}\n`,
            );
            after = rows[rows.length - 1]?.id ?? after;
            if (rows.length < pageSize) return;
          }
        } finally {
          done();
        }
      },
      // A failure after the first bytes can only end the stream: the client sees it cut short.
      async (e) => {
        logger.warn(
          { route: "GET /api/v1/exports/contacts", error: { name: e.name, message: e.message.slice(0, 200) } },
          "export ended early",
        );
      },
    );
  });
}
