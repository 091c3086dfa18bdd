import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStatus } from "../../src/services/contacts.ts";
import { history } from "../../src/services/reports.ts";
import { dueUpdateInstants, processDueRollovers, rolloverInstant } from "../../src/services/rollover.ts";
import { contactRow, makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-04-30T15:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("update-date rollover (R5, R6, R7)", () => {
  it("R7 worked example: set marketing 30 April counts for May; set non-marketing 15 May counts until 1 June noon", async () => {
    env.clock.set("2026-04-30T15:00:00Z");
    const { accountId, member } = await makeAccount(env, { term: "annual", createdAt: "2026-04-01T00:00:00Z" });
    await seedContacts(env, accountId, 1);
    await setStatus(env.svc, member, "marketing", ["c00001@test.io"]);
    env.clock.set("2026-05-01T16:00:01Z");
    await processDueRollovers(env.svc);
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(true);

    env.clock.set("2026-05-15T14:00:00Z");
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    env.clock.set("2026-06-01T15:59:59Z"); // 11:59:59 EDT: not yet
    await processDueRollovers(env.svc);
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(true);
    env.clock.set("2026-06-01T16:00:00Z"); // 12:00 EDT
    const runs = await processDueRollovers(env.svc);
    expect(runs.find((r) => r.accountId === accountId)).toMatchObject({ ran: true, changed: 1 });
    const c = await contactRow(env, accountId, "c00001@test.io");
    expect(c).toMatchObject({ marketing: false, pendingSince: null });
    const h = await history(env.svc, member, { email: "c00001@test.io", since: null });
    const became = h.events.find((e) => e.kind === "status.became-non-marketing");
    expect(became?.effectiveAt?.toISOString()).toBe("2026-06-01T16:00:00.000Z");
  });

  it("runs exactly once per account and instant, however often it is called", async () => {
    env.clock.set("2026-05-20T12:00:00Z");
    const { accountId, member } = await makeAccount(env, { createdAt: "2026-05-01T00:00:00Z" });
    await seedContacts(env, accountId, 3, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io", "c00002@test.io"]);
    env.clock.set("2026-06-01T17:00:00Z");
    const u = new Date("2026-06-01T16:00:00Z");
    const results = await Promise.all([1, 2, 3].map(() => rolloverInstant(env.svc, accountId, u)));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(results.reduce((s, r) => s + r.changed, 0)).toBe(2);
    expect(await recount(env, accountId)).toEqual({ m: 1, p: 0, t: 3 });
  });

  it("a late run keeps effective time u, and a flag set after u (before the late run) waits for the next instant", async () => {
    env.clock.set("2026-06-20T12:00:00Z");
    const { accountId, member } = await makeAccount(env, { createdAt: "2026-06-15T00:00:00Z" });
    await seedContacts(env, accountId, 2, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    // The service is down over 1 July noon; a second flag is set after it, then processing catches up.
    env.clock.set("2026-07-02T09:00:00Z");
    await setStatus(env.svc, member, "non-marketing", ["c00002@test.io"]);
    env.clock.set("2026-07-02T10:00:00Z");
    const due = await dueUpdateInstants(env.svc, accountId, env.clock.now());
    expect(due.map((d) => d.toISOString())).toEqual(["2026-07-01T16:00:00.000Z"]);
    await processDueRollovers(env.svc);
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(false);
    const waiting = await contactRow(env, accountId, "c00002@test.io");
    expect(waiting?.marketing).toBe(true);
    expect(waiting?.pendingSince).not.toBeNull();
    env.clock.set("2026-08-01T16:00:00Z");
    await processDueRollovers(env.svc);
    expect((await contactRow(env, accountId, "c00002@test.io"))?.marketing).toBe(false);
  });

  it("catches up two missed update instants in order", async () => {
    env.clock.set("2026-08-10T12:00:00Z");
    const { accountId } = await makeAccount(env, { createdAt: "2026-08-05T00:00:00Z" });
    env.clock.set("2026-10-05T12:00:00Z");
    const runs = (await processDueRollovers(env.svc)).filter((r) => r.accountId === accountId);
    expect(runs.map((r) => r.instant.toISOString())).toEqual(["2026-09-01T16:00:00.000Z", "2026-10-01T16:00:00.000Z"]);
    expect(await processDueRollovers(env.svc).then((r) => r.filter((x) => x.accountId === accountId))).toEqual([]);
  });

  it("monthly term: a 31 January start rolls over on 28 February at noon in the subsidiary zone", async () => {
    env.clock.set("2027-02-10T12:00:00Z");
    const { accountId, member } = await makeAccount(env, {
      term: "monthly",
      contractStart: "2026-01-31",
      timeZone: "Europe/Berlin",
      createdAt: "2027-02-01T00:00:00Z",
    });
    await seedContacts(env, accountId, 1, { marketing: true });
    const r = await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    expect(r.outcomes[0]?.effectiveAt?.toISOString()).toBe("2027-02-28T11:00:00.000Z"); // noon CET
  });
});
