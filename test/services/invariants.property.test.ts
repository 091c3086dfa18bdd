import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveRequest, requestBulkChange } from "../../src/services/bulk/index.ts";
import { deleteContacts, setStatus } from "../../src/services/contacts.ts";
import { Refusal } from "../../src/services/context.ts";
import { processDueRollovers } from "../../src/services/rollover.ts";
import { accountRow, makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  // A tiny ladder (3, 5, 7 … contacts) so eight contacts can cross tiers and trigger upgrades (R9).
  env.svc.pricing = {
    ...env.svc.pricing,
    starter: { included: 3, step: 2, basePriceCents: 1_500, stepPriceCents: 500, maxLimit: 1_000 },
  };
});
afterAll(async () => {
  await env?.close();
});

const email = fc.integer({ min: 1, max: 8 }).map((i) => `c${String(i).padStart(5, "0")}@test.io`);
const op = fc.oneof(
  fc.record({ kind: fc.constant("marketing" as const), emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant("non-marketing" as const),
    emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), emails: fc.uniqueArray(email, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    kind: fc.constant("bulk" as const),
    to: fc.constantFrom("marketing" as const, "non-marketing" as const),
    clicks: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 40 }) }),
);

describe("invariants over any sequence of changes", () => {
  it("the maintained counts always equal a recount, never go negative, and the tier never drops", async () => {
    let upgradesSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        env.clock.set("2026-05-15T14:00:00Z");
        const { accountId, admin, member } = await makeAccount(env, {
          tierLimit: 3,
          plan: "starter",
          directLimit: 2,
          createdAt: "2026-05-01T00:00:00Z",
        });
        await seedContacts(env, accountId, 8);
        let tier = 3;
        for (const o of ops) {
          try {
            if (o.kind === "marketing" || o.kind === "non-marketing")
              await setStatus(env.svc, member, o.kind, o.emails);
            else if (o.kind === "delete") await deleteContacts(env.svc, admin, o.emails);
            else if (o.kind === "bulk") {
              const r = await requestBulkChange(env.svc, member, {
                action: o.to,
                selector: { type: "filter", filter: { conditions: [], text: "" } },
                at: null,
              });
              if (r.request && r.request.status === "open") {
                const approver = { accountId, userId: "UADMIN2" };
                const results = await Promise.all(
                  Array.from({ length: o.clicks }, () =>
                    approveRequest(env.svc, approver, r.request!.id, r.request!.count),
                  ),
                );
                // Approval executes once, however often it is clicked (R14).
                expect(results.filter((x) => x.decided !== null)).toHaveLength(1);
              }
            } else {
              env.clock.advance(o.days * 86_400_000);
              await processDueRollovers(env.svc);
            }
          } catch (e) {
            // Unknown emails (already deleted) are refused with no change: still a valid step.
            if (!(e instanceof Refusal)) throw e;
          }
          const a = await accountRow(env, accountId);
          const real = await recount(env, accountId);
          expect({ m: a.marketingCount, p: a.pendingCount, t: a.totalCount }).toEqual(real);
          expect(a.marketingCount).toBeGreaterThanOrEqual(0);
          expect(a.pendingCount).toBeLessThanOrEqual(a.marketingCount);
          expect(a.tierLimit).toBeGreaterThanOrEqual(tier);
          expect(a.marketingCount).toBeLessThanOrEqual(a.tierLimit);
          tier = a.tierLimit;
        }
        upgradesSeen += tier > 3 ? 1 : 0;
      }),
      { numRuns: 20 },
    );
    // The sequences must reach upgrades for the tier part of the property to mean anything.
    expect(upgradesSeen).toBeGreaterThan(0);
  }, 120_000);
});
