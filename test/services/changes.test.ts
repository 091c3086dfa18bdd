// The changes feed: every audited change of contacts, the tier and requests, read page by page in
// order, exactly once, however small the pages; a bulk change of thousands of contacts split across
// pages; the cursor refused when it is not one the feed gave out; `types` filters.
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { type Filter, parseFilter } from "../../src/domain/filter.ts";
import { checkTierAlerts } from "../../src/services/alerts.ts";
import { approveRequest, rejectRequest, requestBulkChange } from "../../src/services/bulk/index.ts";
import { type ChangeEvent, type ChangeType, INVALID_CURSOR, readChanges } from "../../src/services/changes/index.ts";
import { deleteContacts, setStatus } from "../../src/services/contacts.ts";
import { Refusal } from "../../src/services/context.ts";
import { importCsv } from "../../src/services/import/index.ts";
import { processDueDowngrades } from "../../src/services/renewals.ts";
import { processDueRollovers } from "../../src/services/rollover.ts";
import { scheduleDowngrade } from "../../src/services/settings.ts";
import { changeSetting, feedCaughtUp, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

const filter = (text: string): Filter => {
  const parsed = parseFilter(text, { now: env.clock.now(), timeZone: "America/New_York" });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.filter;
};

/** Every event after `after`, `limit` at a time, until a page says there is no more. */
async function readAll(accountId: number, limit: number, opts: { after?: string | null; types?: ChangeType[] } = {}) {
  const events: ChangeEvent[] = [];
  let after = opts.after ?? null;
  let pages = 0;
  await feedCaughtUp(env, accountId);
  for (;;) {
    const page = await readChanges(env.svc, accountId, { after, limit, types: opts.types });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    events.push(...page.events);
    pages += 1;
    after = page.next;
    if (!page.hasMore) return { events, pages, next: after };
  }
}

/** One audited change: its events, in order, as a type and the sorted emails (or what it says). */
interface Group {
  type: ChangeType;
  emails?: string[];
  status?: string;
  pending?: boolean;
  fields?: Record<string, unknown>;
}

/** The events grouped by the audit row they come from, checking that each row's positions run 1, 2, 3, … */
function groupsOf(events: ChangeEvent[]): Group[] {
  const groups: { audit: string; events: ChangeEvent[] }[] = [];
  for (const e of events) {
    const [audit = "", pos] = e.id.split("-");
    const last = groups.at(-1);
    if (last && last.audit === audit) last.events.push(e);
    else groups.push({ audit, events: [e] });
    expect(Number(pos)).toBe(groups.at(-1)!.events.length);
  }
  return groups.map(({ events: es }) => {
    const first = es[0]!;
    const g: Group = { type: first.type };
    if ("contact" in first)
      g.emails = es.map((e) => ("contact" in e ? (e.contact.email ?? `#${e.contact.id}`) : "")).sort();
    if (first.type === "contact.status_changed") {
      g.status = first.status;
      g.pending = first.pending;
    }
    return g;
  });
}

const emails = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(5, "0")}@test.io`);

describe("the changes feed", () => {
  let accountId: number;
  let upgradeRequest = "";
  let bulkRequest = "";
  const expected: Group[] = [];

  beforeAll(async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const made = await makeAccount(env, { tierLimit: 2000, createdAt: "2026-05-01T00:00:00Z" });
    accountId = made.accountId;
    const { member, admin } = made;
    const admin2 = { accountId, userId: "UADMIN2" };
    await seedContacts(env, accountId, 1990, { prefix: "m", marketing: true });
    await seedContacts(env, accountId, 30, { prefix: "n" });
    await seedContacts(env, accountId, 5, { prefix: "d" });

    // Direct sets: marketing at once, non-marketing pending until the update date.
    await setStatus(env.svc, member, "marketing", emails("d", 1, 2));
    expected.push({ type: "contact.status_changed", emails: emails("d", 1, 2), status: "marketing", pending: false });
    await setStatus(env.svc, member, "non-marketing", emails("m", 1, 3));
    expected.push({
      type: "contact.status_changed",
      emails: emails("m", 1, 3),
      status: "non-marketing",
      pending: true,
    });

    // A request that upgrades the tier, approved with the typed count.
    const up = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: filter("email contains n0") },
      at: null,
    });
    upgradeRequest = up.request!.id;
    expected.push({ type: "request.created" });
    await approveRequest(env.svc, admin, upgradeRequest, 30);
    expected.push({ type: "request.approved" });
    expected.push({ type: "contact.status_changed", emails: emails("n", 1, 30), status: "marketing", pending: false });
    expected.push({ type: "tier.changed" });

    // Imports: new contacts, then an existing one changed (the import's other audit rows are read past).
    const csv = (rows: string[]) => Readable.from([Buffer.from(`Email,First Name\n${rows.join("\n")}\n`)]);
    await importCsv(env.svc, member, csv(["new1@test.io,Ann", "new2@test.io,Bob"]), { fileName: "a.csv" });
    expected.push({ type: "contact.created", emails: ["new1@test.io", "new2@test.io"] });
    await importCsv(env.svc, member, csv(["d00003@test.io,Renamed"]), { fileName: "b.csv" });
    expected.push({ type: "contact.updated", emails: ["d00003@test.io"] });

    // A rejected request, and a deleted contact (whose email is gone with it).
    const rejected = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: filter("email contains d0000") },
      at: null,
    });
    expected.push({ type: "request.created" });
    await rejectRequest(env.svc, admin, rejected.request!.id, "not now");
    expected.push({ type: "request.rejected" });
    const [d5] = await rowsOf<{ id: number }>(
      env.svc.db,
      sql`select id::float8 as id from contacts where account_id = ${accountId} and email = 'd00005@test.io'`,
    );
    await deleteContacts(env.svc, admin, ["d00005@test.io"]);
    expected.push({ type: "contact.deleted", emails: [`#${d5!.id}`] });

    // A bulk non-marketing change of every other marketing contact, approved; then the update date.
    await seedContacts(env, accountId, 600, { prefix: "q", marketing: true });
    const bulk = await requestBulkChange(env.svc, member, {
      action: "non-marketing",
      selector: { type: "filter", filter: filter("email contains @test.io") },
      at: null,
    });
    bulkRequest = bulk.request!.id;
    expected.push({ type: "request.created" });
    await approveRequest(env.svc, admin2, bulkRequest, null);
    expected.push({ type: "request.approved" });
    const flagged = [...emails("m", 4, 1990), ...emails("n", 1, 30), ...emails("d", 1, 2), ...emails("q", 1, 600)];
    expected.push({ type: "contact.status_changed", emails: flagged.sort(), status: "non-marketing", pending: true });
    env.clock.set("2026-06-01T16:00:00Z");
    await processDueRollovers(env.svc);
    const rolled = [...flagged, ...emails("m", 1, 3)].sort();
    expect(rolled).toHaveLength(2622);
    expected.push({ type: "contact.status_changed", emails: rolled, status: "non-marketing", pending: false });
  }, 120_000);

  it("reads every change once, in order, 1,000 at a time and 7 at a time", async () => {
    const big = await readAll(accountId, 1000);
    expect(groupsOf(big.events)).toEqual(expected);
    const total = expected.reduce((n, g) => n + (g.emails?.length ?? 1), 0);
    expect(big.events).toHaveLength(total);
    expect(new Set(big.events.map((e) => e.id)).size).toBe(total);
    expect(big.pages).toBe(Math.ceil(total / 1000));

    const small = await readAll(accountId, 7);
    expect(small.events).toEqual(big.events);
    expect(small.next).toBe(big.next);

    // Nothing new: the same cursor back, no events, no more.
    const again = await readChanges(env.svc, accountId, { after: big.next, limit: 1000 });
    expect(again).toEqual({ events: [], next: big.next, hasMore: false });
  }, 120_000);

  it("says what each change was", async () => {
    const { events } = await readAll(accountId, 1000, {
      types: ["tier.changed", "request.created", "request.approved", "request.rejected"],
    });
    expect(events.map((e) => e.type)).toEqual([
      "request.created",
      "request.approved",
      "tier.changed",
      "request.created",
      "request.rejected",
      "request.created",
      "request.approved",
    ]);
    expect(events[0]).toMatchObject({
      actor: "UMEMBER1",
      at: "2026-05-15T14:00:00.000Z",
      request: { id: upgradeRequest, action: "marketing", contactCount: 30 },
    });
    expect(events[1]).toMatchObject({ actor: "UADMIN1", request: { id: upgradeRequest } });
    expect(events[2]).toMatchObject({
      type: "tier.changed",
      from: 2000,
      to: 7000,
      reason: "upgrade",
      actor: "system",
      effectiveAt: "2026-05-15T14:00:00.000Z",
      charge: { cents: expect.any(Number), due: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    });
    expect(events[6]).toMatchObject({ request: { id: bulkRequest, action: "non-marketing", contactCount: 2619 } });

    const status = (await readAll(accountId, 1000, { types: ["contact.status_changed"] })).events;
    expect(status.every((e) => e.type === "contact.status_changed")).toBe(true);
    expect(status).toHaveLength(2 + 3 + 30 + 2619 + 2622);
    const first = status.find((e) => e.type === "contact.status_changed" && e.contact.email === "m00001@test.io");
    expect(first).toMatchObject({
      status: "non-marketing",
      pending: true,
      at: "2026-05-15T14:00:00.000Z",
      effectiveAt: "2026-06-01T16:00:00.000Z",
      actor: "UMEMBER1",
      requestId: null,
    });
    const byRequest = status.find((e) => e.type === "contact.status_changed" && e.contact.email === "n00001@test.io");
    expect(byRequest).toMatchObject({ status: "marketing", pending: false, requestId: upgradeRequest });
    const rolled = status.at(-1);
    expect(rolled).toMatchObject({
      status: "non-marketing",
      pending: false,
      actor: "system",
      at: "2026-06-01T16:00:00.000Z",
      effectiveAt: "2026-06-01T16:00:00.000Z",
    });
  });

  it("a filtered read moves its cursor past the other events: the next read starts after them", async () => {
    const requests = await readAll(accountId, 1000, { types: ["request.approved"] });
    expect(requests.events).toHaveLength(2);
    const everything = await readAll(accountId, 1000);
    expect(requests.next).toBe(everything.next);
  });

  it("refuses a cursor it did not give out, with a clear sentence", async () => {
    const { next } = await readChanges(env.svc, accountId, { after: null, limit: 3 });
    // The last character carries 2 bits past the 20 bytes: another spelling of the same bytes is refused too.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respelt = next.slice(0, -1) + alphabet[alphabet.indexOf(next.at(-1)!) ^ 1];
    for (const bad of [
      "",
      "garbage",
      next.slice(0, -1),
      `${next}A`,
      `2${next.slice(1)}`,
      next.replace(/.$/, "/"),
      respelt,
    ]) {
      const err = await readChanges(env.svc, accountId, { after: bad, limit: 3 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Refusal);
      expect(err).toMatchObject({ kind: "invalid", message: INVALID_CURSOR });
    }
    expect(INVALID_CURSOR).toMatch(/^That cursor .*\.$/);
    await expect(readChanges(env.svc, accountId, { after: null, limit: 0 })).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      readChanges(env.svc, accountId, { after: null, limit: 5, types: ["contact.renamed" as ChangeType] }),
    ).rejects.toThrow(/Unknown event type contact.renamed/);
  });

  it("a tier set by an admin and a downgrade at renewal are tier changes; scheduling one is not", async () => {
    env.clock.set("2026-06-01T12:00:00Z");
    const { accountId: other, admin } = await makeAccount(env, {
      term: "monthly",
      contractStart: "2026-01-15",
      tierLimit: 2000,
      createdAt: "2026-01-15T17:00:00Z",
    });
    await seedContacts(env, other, 1500, { marketing: true });
    await changeSetting(env.svc, admin, { key: "tier", value: 7000 });
    await changeSetting(env.svc, admin, { key: "direct-limit", value: 20 });
    await scheduleDowngrade(env.svc, admin, 2000);
    env.clock.set("2026-06-15T16:00:30Z"); // the renewal: 15 June 12:00 EDT
    await processDueDowngrades(env.svc);
    const { events } = await readAll(other, 1000);
    expect(events).toEqual([
      expect.objectContaining({ type: "tier.changed", from: 2000, to: 7000, reason: "setting", actor: "UADMIN1" }),
      expect.objectContaining({
        type: "tier.changed",
        from: 7000,
        to: 2000,
        reason: "downgrade",
        actor: "system",
        at: "2026-06-15T16:00:30.000Z",
        effectiveAt: "2026-06-15T16:00:00.000Z",
        charge: null,
      }),
    ]);
  });

  it("a threshold reached is an event, once, with the alert", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 1000 });
    await seedContacts(env, accountId, 800, { prefix: "th", marketing: true });
    await checkTierAlerts(env.svc, accountId);
    await checkTierAlerts(env.svc, accountId);
    const { events } = await readAll(accountId, 1000, { types: ["tier.threshold_reached"] });
    expect(events).toEqual([
      expect.objectContaining({
        type: "tier.threshold_reached",
        percent: 75,
        marketingCount: 800,
        tierLimit: 1000,
        actor: "system",
      }),
    ]);
  });

  it("reads one audit row of 100,000 contacts as 100 pages of 1,000, nothing repeated or dropped", async () => {
    const { accountId: other } = await makeAccount(env);
    await rowsOf(
      env.svc.db,
      sql`insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids)
          select ${other}, now(), now(), 'system', 'status.became-non-marketing', '', 100000, array_agg(i::bigint order by i)
          from generate_series(1, 100000) i`,
    );
    const { events, pages } = await readAll(other, 1000);
    expect(pages).toBe(100);
    expect(events.map((e) => ("contact" in e ? e.contact.id : 0))).toEqual(
      Array.from({ length: 100_000 }, (_, i) => i + 1),
    );
  }, 120_000);
});
