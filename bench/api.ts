// The integration surface at N contacts: the export over HTTP against `COPY … TO STDOUT` of the same
// rows (the physical limit of getting them out), its memory, and webhook throughput for an update date.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import pino from "pino";
import { serveApi } from "../src/api/server.ts";
import { API_BASE, apiV1Listener } from "../src/api/v1/app.ts";
import { deliverWebhooks } from "../src/jobs/webhooks.ts";
import { createApiKey } from "../src/services/api-keys.ts";
import type { Services } from "../src/services/context.ts";
import { rolloverInstant } from "../src/services/rollover.ts";
import { addWebhook } from "../src/services/webhooks/index.ts";
import type { ManualClock } from "../test/helpers/clock.ts";
import type { BenchDatabase } from "./db.ts";
import { ms, type Row } from "./suite.ts";

const logger = pino({ level: "silent" });

/** The first export's live-heap growth per database, to compare the larger N with. */
const heapGrowth = new Map<string, { n: number; grew: number }>();

/** A full garbage collection (V8's gc(), exposed at run time for the bench). */
function liveHeapGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** Every contact as NDJSON through GET /api/v1/exports/contacts, read to the end, against COPY TO STDOUT. */
export async function benchExport(handle: BenchDatabase, svc: Services, accountId: number, n: number): Promise<Row[]> {
  const api = await serveApi(svc, 0, "127.0.0.1", [], {
    logger,
    mount: { prefix: API_BASE, handler: apiV1Listener({ svc, logger }) },
  });
  try {
    const { apiKey } = await createApiKey(svc, { accountId, userId: "UADMIN" }, ["contacts:read"]);
    const copyQuery = `select c.id, c.email, c.first_name, c.last_name, c.lifecycle, c.source, c.source_id, s.marketing,
      s.pending_since, c.bounced, c.unsubscribed, c.properties, c.created_at, c.updated_at
      from contacts c join contact_status s on s.contact_id = c.id where c.account_id = ${accountId} order by c.id`;
    const copyStart = performance.now();
    const copyBytes = await handle.copyOut(copyQuery);
    const copyMs = performance.now() - copyStart;
    // The live heap, sampled after a full collection every 250 ms (garbage not yet collected is
    // not memory the export holds): flat means the 1M export peaks where the 100k one does.
    const gc = liveHeapGc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 250);
    const start = performance.now();
    const res = await fetch(`${api.url}${API_BASE}/exports/contacts?format=ndjson`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const exportMs = performance.now() - start;
    clearInterval(sampler);
    if (lines !== n) throw new Error(`the export gave ${lines} lines for ${n} contacts`);
    const ratio = exportMs / copyMs;
    const grew = peak - heapBefore;
    const first = heapGrowth.get(handle.kind);
    if (!first) heapGrowth.set(handle.kind, { n, grew });
    return [
      {
        what: "export of every contact over HTTP (`GET /api/v1/exports/contacts`, NDJSON, read to the end)",
        n,
        figure: `${ms(exportMs)} (${(bytes / 1024 / 1024).toFixed(0)} MB; live heap +${(grew / 1024 / 1024).toFixed(1)} MB at its peak${first ? `, ${(Math.max(grew, 1) / Math.max(first.grew, 1024 * 1024)).toFixed(2)}× the peak at N = ${first.n.toLocaleString("en-US")}` : ""})`,
        baseline: `${ms(copyMs)} (\`COPY … TO STDOUT\` of the same rows, ${(copyBytes / 1024 / 1024).toFixed(0)} MB of CSV)`,
        ratio: `${ratio.toFixed(2)}×`,
        target: "(printed)",
        ok: null,
      },
    ];
  } finally {
    await api.close();
  }
}

/** Webhook messages for an update date of N contacts, to a receiver on this machine that answers at once. */
export async function benchWebhooks(svc: Services, clock: ManualClock, accountId: number, n: number): Promise<Row[]> {
  let events = 0;
  let messages = 0;
  const receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      messages++;
      events += (JSON.parse(body) as { data: { events: unknown[] } }).data.events.length;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  try {
    const port = (receiver.address() as AddressInfo).port;
    await addWebhook(
      { ...svc, webhookAllowLocal: true },
      { accountId, userId: "UADMIN" },
      {
        url: `http://127.0.0.1:${port}/`,
        events: ["contact.status_changed"],
      },
    );
    const u = new Date(Date.UTC(2027, 0, 1, 17));
    await svc.db.execute(
      sql`update contact_status set marketing = true, pending_since = ${new Date(u.getTime() - 86_400_000).toISOString()}::timestamptz
          where account_id = ${accountId}`,
    );
    clock.set(new Date(u.getTime() + 60_000));
    await rolloverInstant(svc, accountId, u);
    const start = performance.now();
    while (events < n) {
      const r = await deliverWebhooks({ ...svc, webhookAllowLocal: true }, { logger, budgetMs: 600_000 });
      if (r.sent === 0) clock.advance(10_000);
    }
    const took = performance.now() - start;
    await svc.db.execute(sql`delete from webhook_endpoints where account_id = ${accountId}`);
    return [
      {
        what: "webhooks for an update date of every contact (signed messages of up to 1,000 events, to a receiver on this machine)",
        n,
        figure: `${ms(took)}: ${Math.round(events / (took / 1000)).toLocaleString("en-US")} events/s in ${messages} messages`,
        baseline: "—",
        ratio: "—",
        target: "(printed)",
        ok: null,
      },
    ];
  } finally {
    receiver.close();
  }
}
