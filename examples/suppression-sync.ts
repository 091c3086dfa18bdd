// A consumer of tierkeeper's integration surface, in about 50 lines: keeps a suppression list (the
// emails marketing email must not go to) in sync from the changes feed, and verifies webhooks.
// Run: TIERKEEPER_URL=http://127.0.0.1:3000 TIERKEEPER_KEY=tk_… WEBHOOK_SECRET=whsec_… npx tsx examples/suppression-sync.ts
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";

type Change = { id: string; type: string; contact?: { email: string | null }; status?: string; pending?: boolean };
const base = `${process.env.TIERKEEPER_URL ?? "http://127.0.0.1:3000"}/api/v1`;
const headers = { authorization: `Bearer ${process.env.TIERKEEPER_KEY ?? ""}` };
const suppressed = new Set<string>(); // a real consumer keeps this, and `after`, in its own database
const seen = new Set<string>(); // event ids already applied: deliveries are at least once
let after: string | null = null;

function apply(events: Change[]) {
  for (const e of events) {
    if (seen.has(e.id) || e.type !== "contact.status_changed" || !e.contact?.email) continue;
    seen.add(e.id);
    // Pending non-marketing contacts stay marketing until the update date: suppress only when it took effect.
    if (e.status === "non-marketing" && !e.pending) suppressed.add(e.contact.email);
    if (e.status === "marketing") suppressed.delete(e.contact.email);
  }
}

/** Reads the feed from where it stopped until nothing more is readable now. */
async function poll() {
  for (;;) {
    const url = `${base}/changes?limit=1000${after ? `&after=${after}` : ""}`;
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`changes feed: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { events: Change[]; next: string; hasMore: boolean };
    apply(page.events);
    after = page.next;
    if (!page.hasMore) return;
  }
}

// Webhooks say at once that something changed; the feed stays the record (a missed webhook is read there).
const verifier = new Webhook(process.env.WEBHOOK_SECRET ?? "");
createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    try {
      const msg = verifier.verify(body, req.headers as Record<string, string>) as { data: { events?: Change[] } };
      apply(msg.data.events ?? []);
      res.writeHead(204).end();
    } catch {
      res.writeHead(400).end("bad signature");
    }
  });
}).listen(8787, () => console.log("webhooks on :8787"));

setInterval(() => poll().then(() => console.log(`${suppressed.size} suppressed`), console.error), 60_000);
await poll();
console.log(`${suppressed.size} suppressed`);
