// A model-based property test of the approval guard (R13, R14, R16): random sequences of commands
// by several users and roles, rules, scheduled requests, API keys and the clock. After every step:
// - the tier never rose without an approval confirmed by an admin other than the requester (or with
//   self-approval on);
// - no rule run and no direct change changed more contacts than the direct-change limit without an
//   approved request;
// - nobody without marketing contacts access caused a contact to become marketing (directly, by a
//   request, a rule they own or an API key they made);
// - the maintained counters equal a recount.
import { and, eq, gt, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { accounts, auditEvents, automationRules, bulkRequests, tierChanges, users } from "../../src/db/schema.ts";
import { runDueWork } from "../../src/jobs/run-once.ts";
import { createApiKey } from "../../src/services/api-keys.ts";
import { intakeContacts } from "../../src/services/intake/index.ts";
import { accountRow, makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  // A tiny ladder (10, 15, 20 … contacts) so a handful of contacts crosses tiers.
  env.svc.pricing = {
    ...env.svc.pricing,
    starter: { included: 10, step: 5, basePriceCents: 1_500, stepPriceCents: 500, maxLimit: 10_000 },
  };
});
afterAll(async () => {
  await env?.close();
});

const USERS = ["UADMIN1", "UADMIN2", "UMEMBER1"] as const;
const user = fc.constantFrom(...USERS);
const contact = fc.integer({ min: 1, max: 16 }).map((i) => `c${String(i).padStart(5, "0")}@test.io`);
const filter = fc.constantFrom(
  "email contains c0000",
  "email contains c0001",
  "email contains test.io",
  "bounced = true",
);
const status = fc.constantFrom("marketing", "non-marketing");

const admin = fc.constantFrom("UADMIN1", "UADMIN2");
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      by: user,
      to: status,
      emails: fc.uniqueArray(contact, { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("bulk" as const),
      by: user,
      to: status,
      filter,
      inDays: fc.constantFrom(0, 0, 1, 2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("approve" as const), by: admin, pick: fc.nat(), confirm: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reject" as const), by: user, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("rule-add" as const),
      by: user,
      name: fc.constantFrom("r1", "r2", "r3"),
      filter,
      to: status,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("rule-op" as const),
      by: user,
      name: fc.constantFrom("r1", "r2", "r3"),
      op: fc.constantFrom("enable", "disable", "remove"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("rule-change" as const),
      by: user,
      name: fc.constantFrom("r1", "r2", "r3"),
      filter,
      to: status,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("access" as const),
      by: admin,
      op: fc.constantFrom("grant", "revoke"),
      who: user,
    }),
  },
  {
    // Standing credentials: the owner of a rule loses marketing access while the rule stays enabled.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("revoke-owner" as const),
      by: admin,
      name: fc.constantFrom("r1", "r2", "r3"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("self-approval" as const), by: admin, on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("intake" as const),
      key: fc.constantFrom(0, 1),
      emails: fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 6 }),
      source: fc.constantFrom("form", "api"),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("time" as const), hours: fc.constantFrom(1, 2, 25, 24 * 8) }) },
);

/** The account's state that the invariants compare against. */
async function rightsNow(accountId: number) {
  const rows = await env.svc.db.select().from(users).where(eq(users.accountId, accountId));
  return new Map(rows.map((u) => [u.userId, u]));
}

describe("the guard holds over any sequence of commands, users, rules, keys and time", () => {
  it("no unconfirmed upgrade, no unapproved run over the limit, no marketing without access, counters exact", async () => {
    const seen = { upgrades: 0, rulePauses: 0, reopened: 0 };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        // Each sequence starts in hours no earlier sequence used: scheduled work is claimed per hour.
        env.clock.set(new Date(Date.UTC(2026, 4, 15, 14) + runs++ * 40 * 86_400_000));
        const { accountId } = await makeAccount(env, {
          plan: "starter",
          tierLimit: 10,
          directLimit: 3,
          createdAt: "2026-05-01T00:00:00Z",
        });
        // c00001…c00016; the first 8 are marketing, 2 short of the tier.
        await seedContacts(env, accountId, 16);
        await env.svc.db.execute(
          sql`update contact_status s set marketing = true from contacts c where c.id = s.contact_id and c.account_id = ${accountId} and c.email <= 'c00008@test.io'`,
        );
        const keys = [
          await createApiKey(env.svc, { accountId, userId: "UADMIN1" }),
          await createApiKey(env.svc, { accountId, userId: "UADMIN2" }),
        ];
        let lastAudit = 0;
        let lastTierChange = 0;
        const run = (by: string, text: string) =>
          runCommand(env.svc, { actor: { accountId, userId: by }, timeZone: "America/New_York", text });
        const openRequests = async () =>
          env.svc.db
            .select({ id: bulkRequests.id })
            .from(bulkRequests)
            .where(and(eq(bulkRequests.accountId, accountId), eq(bulkRequests.status, "open")))
            .orderBy(bulkRequests.id);

        for (const s of steps) {
          const rightsBefore = await rightsNow(accountId);
          const selfApprovalBefore = (await accountRow(env, accountId)).selfApproval;
          switch (s.kind) {
            case "set":
              await run(s.by, `set ${s.to} ${s.emails.join(" ")}`);
              break;
            case "bulk": {
              const at =
                s.inDays > 0
                  ? ` at ${new Date(env.clock.now().getTime() + s.inDays * 86_400_000).toISOString().slice(0, 10)} 9am`
                  : "";
              await run(s.by, `bulk ${s.to} where ${s.filter}${at}`);
              break;
            }
            case "approve":
            case "reject": {
              const open = await openRequests();
              const r = open[s.pick % Math.max(1, open.length)];
              if (!r) break;
              if (s.kind === "reject") await run(s.by, `reject ${r.id}`);
              else {
                const [row] = await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, r.id));
                // An approver who confirms types the count; one who doesn't leaves an upgrade unconfirmed.
                await run(s.by, `approve ${r.id}${s.confirm ? ` confirm ${row?.count}` : ""}`);
              }
              break;
            }
            case "rule-add":
              await run(s.by, `rules add ${s.name} when ${s.filter} then ${s.to}`);
              break;
            case "rule-op":
              await run(s.by, `rules ${s.op} ${s.name}`);
              break;
            case "rule-change":
              await run(s.by, `rules change ${s.name} when ${s.filter} then ${s.to}`);
              break;
            case "access":
              await run(s.by, `access ${s.op} ${s.who}`);
              break;
            case "revoke-owner": {
              const [r] = await env.svc.db
                .select({ owner: automationRules.ownerId })
                .from(automationRules)
                .where(and(eq(automationRules.accountId, accountId), eq(automationRules.name, s.name)));
              if (r) await run(s.by, `access revoke ${r.owner}`);
              break;
            }
            case "self-approval":
              await run(s.by, `settings self-approval ${s.on ? "on" : "off"}`);
              break;
            case "intake": {
              const key = keys[s.key]!;
              await intakeContacts(
                env.svc,
                accountId,
                { actor: `api:${key.id}`, ownerId: s.key === 0 ? "UADMIN1" : "UADMIN2" },
                s.emails.map((i) => ({ email: `in${i}@acme.io`, source: s.source as "form" | "api" })),
              );
              break;
            }
            case "time":
              env.clock.advance(s.hours * 3_600_000);
              await runDueWork(env.svc, { slack: null });
              break;
          }

          const account = await accountRow(env, accountId);
          const rights = await rightsNow(accountId);
          const hasAccess = (id: string) => (rightsBefore.get(id) ?? rights.get(id))?.marketingAccess ?? true;
          const isAdmin = (id: string) => (rightsBefore.get(id) ?? rights.get(id))?.role === "admin";

          // Counters equal a recount.
          const counted = await recount(env, accountId);
          expect({ m: account.marketingCount, p: account.pendingCount, t: account.totalCount }).toEqual(counted);

          // Every upgrade: an approval whose approver confirmed it, an admin other than the requester (or self-approval).
          const upgrades = await env.svc.db
            .select()
            .from(tierChanges)
            .where(and(eq(tierChanges.accountId, accountId), gt(tierChanges.id, lastTierChange)));
          for (const u of upgrades) {
            lastTierChange = Math.max(lastTierChange, u.id);
            if (u.kind !== "upgrade") continue;
            seen.upgrades++;
            const id = /request (R[A-Z0-9]+)/.exec(u.cause ?? "")?.[1];
            expect(id, `upgrade caused by "${u.cause}"`).toBeDefined();
            const [req] = await env.svc.db
              .select()
              .from(bulkRequests)
              .where(eq(bulkRequests.id, id ?? ""));
            expect(req?.confirmedLimit ?? 0).toBeGreaterThanOrEqual(u.newLimit);
            expect(req?.decidedBy).not.toBeNull();
            expect(req?.decidedBy).not.toBe("auto");
            expect(isAdmin(req?.decidedBy ?? "")).toBe(true);
            if (req?.decidedBy === req?.requestedBy) expect(selfApprovalBefore || account.selfApproval).toBe(true);
          }

          // Status changes made in this step.
          const changes = await env.svc.db
            .select()
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.accountId, accountId),
                gt(auditEvents.id, lastAudit),
                sql`${auditEvents.kind} like 'status.%'`,
              ),
            )
            .orderBy(auditEvents.id);
          for (const a of changes) {
            const detail = (a.detail ?? {}) as { requestId?: string; rule?: string; owner?: string };
            const request = detail.requestId
              ? (await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, detail.requestId)))[0]
              : undefined;
            const approved = request?.status === "executed";
            // No run and no direct change over the limit without an approved request.
            // (The update date carries out changes approved earlier: it is not itself a change.)
            if (
              a.count > account.directLimit &&
              !a.actor.startsWith("api:") &&
              a.kind !== "status.became-non-marketing"
            ) {
              expect(approved, `${a.summary} (${a.count} contacts by ${a.actor})`).toBe(true);
            }
            if (a.kind === "status.made-marketing" || a.kind === "status.cancelled-pending") {
              // Who caused it: the requester of the request, the rule's owner, the key's maker, or the user.
              const cause = request
                ? request.requestedBy
                : a.actor.startsWith("rule:")
                  ? (detail.owner ?? "")
                  : a.actor.startsWith("api:")
                    ? keys.find((k) => `api:${k.id}` === a.actor) === keys[0]
                      ? "UADMIN1"
                      : "UADMIN2"
                    : a.actor;
              expect(hasAccess(cause), `${a.summary} caused by ${cause}`).toBe(true);
            }
          }
          const [latest] = await env.svc.db
            .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::float8` })
            .from(auditEvents)
            .where(eq(auditEvents.accountId, accountId));
          lastAudit = Number(latest?.id ?? 0);
        }
        const pauses = await env.svc.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "rule.paused")));
        seen.rulePauses += pauses[0]?.n ?? 0;
        const reopened = await env.svc.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "request.reopened")));
        seen.reopened += reopened[0]?.n ?? 0;
        await env.svc.db.delete(accounts).where(eq(accounts.id, accountId));
      }),
      {
        numRuns: 30,
        endOnFailure: true,
        // Sequences that reached past holes in the guard, always tried first.
        examples: [
          // An approved bulk non-marketing over the limit becomes non-marketing at the update date.
          [
            [
              { kind: "bulk", by: "UADMIN1", to: "non-marketing", filter: "email contains c0000", inDays: 0 },
              { kind: "approve", by: "UADMIN2", pick: 1500863600, confirm: true },
              { kind: "revoke-owner", by: "UADMIN1", name: "r1" },
              { kind: "approve", by: "UADMIN2", pick: 552384622, confirm: true },
              { kind: "time", hours: 192 },
              { kind: "self-approval", by: "UADMIN1", on: false },
              { kind: "intake", key: 1, emails: [23, 24, 8, 15, 4], source: "api" },
            ],
          ],
          [
            [
              { kind: "rule-add", by: "UMEMBER1", name: "r1", filter: "email contains c0000", to: "marketing" },
              { kind: "revoke-owner", by: "UADMIN1", name: "r1" },
              { kind: "time", hours: 1 },
            ],
          ],
          [
            [
              {
                kind: "set",
                by: "UMEMBER1",
                to: "marketing",
                emails: ["c00009@test.io", "c00010@test.io", "c00011@test.io"],
              },
              { kind: "approve", by: "UADMIN1", pick: 0, confirm: false },
              { kind: "approve", by: "UADMIN2", pick: 0, confirm: true },
            ],
          ],
          [
            [
              { kind: "rule-add", by: "UADMIN1", name: "r2", filter: "email contains test.io", to: "non-marketing" },
              { kind: "approve", by: "UADMIN1", pick: 0, confirm: true },
              { kind: "time", hours: 25 },
            ],
          ],
        ],
      },
    );
    // The sequences reached the interesting places.
    expect(seen.upgrades).toBeGreaterThan(0);
    expect(seen.rulePauses).toBeGreaterThan(0);
  }, 240_000);
});
