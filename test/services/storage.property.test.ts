// Random sequences of status changes, bulk changes (approved), update-date rollovers and imports,
// checked after every step against a naive in-memory model of R2, R3 and R6: every contact's
// status and pending flag, the counters, and each contact's history of status events.
import { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { accounts } from "../../src/db/schema.ts";
import { type Filter, parseFilter } from "../../src/domain/filter.ts";
import { updateInstantsBetween } from "../../src/domain/update-dates.ts";
import { approveRequest, requestBulkChange } from "../../src/services/bulk/index.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { importCsv } from "../../src/services/import/index.ts";
import { processDueRollovers } from "../../src/services/rollover.ts";
import { accountRow, makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

/** The naive model: one record per contact, changed one contact at a time. */
interface ModelContact {
  marketing: boolean;
  pendingSince: Date | null;
  /** Status events in order, named as the audit names them. */
  history: string[];
}

const EMAILS = Array.from({ length: 12 }, (_, i) => `p${i + 1}@model.io`);
const email = fc.constantFrom(...EMAILS);
const filterText = fc.constantFrom("email contains 1", "email contains p", "email contains 2", "email contains 3");

const step = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    to: fc.constantFrom("marketing" as const, "non-marketing" as const),
    emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("bulk" as const),
    to: fc.constantFrom("marketing" as const, "non-marketing" as const),
    filter: filterText,
  }),
  fc.record({ kind: fc.constant("time" as const), days: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ kind: fc.constant("import" as const), emails: fc.uniqueArray(email, { minLength: 1, maxLength: 5 }) }),
);

describe("contact statuses against a naive model", () => {
  it("status, pending flag, counters and each contact's history match after every step", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(email, { minLength: 4, maxLength: 12 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        async (first, rest) => {
          // Every sequence starts by importing some contacts, so the steps after it have contacts to change.
          const steps = [{ kind: "import" as const, emails: first }, ...rest];
          const start = new Date(Date.UTC(2026, 4, 15, 14) + runs++ * 200 * 86_400_000);
          env.clock.set(start);
          const { accountId, member } = await makeAccount(env, {
            tierLimit: 10_000_000,
            plan: "enterprise",
            directLimit: 3,
            createdAt: start.toISOString(),
          });
          const admin2 = { accountId, userId: "UADMIN2" };
          const account = await accountRow(env, accountId);
          const terms = {
            term: account.term as "annual",
            contractStart: account.contractStart,
            timeZone: account.timeZone,
          };
          const model = new Map<string, ModelContact>();
          let rolledUpTo = start;

          const apply = (e: string, to: "marketing" | "non-marketing", at: Date, viaRequest: boolean) => {
            const c = model.get(e);
            if (!c) return;
            if (to === "marketing") {
              if (!c.marketing) c.history.push("status.made-marketing");
              else if (c.pendingSince)
                c.history.push(viaRequest ? "status.made-marketing" : "status.cancelled-pending");
              else return;
              c.marketing = true;
              c.pendingSince = null;
            } else if (c.marketing && !c.pendingSince) {
              c.pendingSince = at;
              c.history.push("status.flagged-pending");
            }
          };

          for (const s of steps) {
            const now = env.clock.now();
            if (s.kind === "set") {
              const known = s.emails.filter((e) => model.has(e));
              if (known.length === 0) continue;
              const r = await setStatus(env.svc, member, s.to, known);
              expect(r.requestId).toBeNull();
              for (const e of known) apply(e, s.to, now, false);
            } else if (s.kind === "bulk") {
              const parsed = parseFilter(s.filter, { now, timeZone: "UTC" });
              if (!parsed.ok) throw new Error(parsed.error);
              const filter: Filter = parsed.filter;
              const { request, executed } = await requestBulkChange(env.svc, member, {
                action: s.to,
                selector: { type: "filter", filter },
                at: null,
              });
              const needle = s.filter.replace("email contains ", "");
              const chosen = [...model.entries()].filter(([e]) => e.includes(needle));
              if (request && !executed) await approveRequest(env.svc, admin2, request.id, request.count);
              for (const [e] of chosen) apply(e, s.to, now, true);
            } else if (s.kind === "time") {
              const later = new Date(now.getTime() + s.days * 86_400_000);
              env.clock.set(later);
              await processDueRollovers(env.svc, later);
              for (const u of updateInstantsBetween(terms, rolledUpTo, later)) {
                for (const c of model.values()) {
                  if (c.pendingSince && c.pendingSince.getTime() <= u.getTime()) {
                    c.marketing = false;
                    c.pendingSince = null;
                    c.history.push("status.became-non-marketing");
                  }
                }
              }
              rolledUpTo = later;
            } else {
              const text = `Email,First Name\n${s.emails.map((e) => `${e},Imported`).join("\n")}\n`;
              await importCsv(env.svc, member, Readable.from([Buffer.from(text)]), { fileName: "model.csv" });
              for (const e of s.emails) {
                if (!model.has(e)) model.set(e, { marketing: false, pendingSince: null, history: ["contact.created"] });
              }
            }

            // Every contact's status and flag.
            const stored = await rowsOf<{
              email: string;
              marketing: boolean;
              pending_since: string | null;
              id: number;
            }>(
              env.svc.db,
              sql`select c.email, s.marketing, s.pending_since::text, c.id::float8 as id
                from contacts c join contact_status s on s.contact_id = c.id where c.account_id = ${accountId}`,
            );
            expect(new Set(stored.map((r) => r.email))).toEqual(new Set(model.keys()));
            for (const r of stored) {
              const m = model.get(r.email);
              expect({ email: r.email, marketing: r.marketing, pending: r.pending_since !== null }).toEqual({
                email: r.email,
                marketing: m?.marketing,
                pending: m?.pendingSince !== null,
              });
              if (m?.pendingSince && r.pending_since) {
                expect(new Date(r.pending_since).getTime()).toBe(m.pendingSince.getTime());
              }
            }
            // The counters.
            const a = await accountRow(env, accountId);
            const all = [...model.values()];
            expect({ m: a.marketingCount, p: a.pendingCount, t: a.totalCount }).toEqual({
              m: all.filter((c) => c.marketing).length,
              p: all.filter((c) => c.pendingSince).length,
              t: all.length,
            });
            // Each contact's history of status events, in order.
            for (const r of stored) {
              const events = await rowsOf<{ kind: string }>(
                env.svc.db,
                sql`select kind from audit_events
                  where account_id = ${accountId} and ${r.id}::bigint = any(contact_ids)
                    and (kind like 'status.%' or kind = 'contact.created')
                  order by id`,
              );
              expect({ email: r.email, history: events.map((e) => e.kind) }).toEqual({
                email: r.email,
                history: model.get(r.email)?.history,
              });
            }
          }
          await env.svc.db.delete(accounts).where(and(eq(accounts.id, accountId)));
        },
      ),
      {
        numRuns: 40,
        endOnFailure: true,
        examples: [
          // Marketing, then pending, then a bulk change to marketing over the pending ones, then the update date.
          [
            ["p1@model.io", "p2@model.io", "p3@model.io", "p4@model.io"],
            [
              { kind: "bulk", to: "marketing", filter: "email contains p" },
              { kind: "set", to: "non-marketing", emails: ["p1@model.io", "p2@model.io"] },
              { kind: "bulk", to: "marketing", filter: "email contains 1" },
              { kind: "bulk", to: "non-marketing", filter: "email contains p" },
              { kind: "time", days: 20 },
            ],
          ],
        ],
      },
    );
  }, 240_000);
});
