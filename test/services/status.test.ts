import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canMarket, contactStatus, deleteContacts, setStatus } from "../../src/services/contacts.ts";
import { Refusal } from "../../src/services/context.ts";
import { tierReport } from "../../src/services/reports.ts";
import { changeRole } from "../../src/services/roles.ts";
import {
  accountRow,
  contactRow,
  makeAccount,
  recount,
  seedContacts,
  type TestEnv,
  testEnv,
} from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("setting contacts marketing and non-marketing (R2, R3)", () => {
  it("set marketing takes effect immediately and counts at once", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 3);
    const r = await setStatus(env.svc, member, "marketing", ["c00001@test.io"]);
    expect(r).toMatchObject({ changed: 1, unchanged: 0, pending: 0, requestId: null, marketingCount: 1 });
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(true);
    expect((await tierReport(env.svc, member)).marketingCount).toBe(1);
  });

  it("set non-marketing keeps the contact marketing and counting until the next update date", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 2, { marketing: true });
    const r = await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    expect(r.pending).toBe(1);
    expect(r.changed).toBe(0);
    const c = await contactRow(env, accountId, "c00001@test.io");
    expect(c?.marketing).toBe(true);
    expect(c?.pendingSince?.toISOString()).toBe("2026-05-15T14:00:00.000Z");
    // Annual term: the next update date is 1 June, noon in New York (EDT, 16:00Z).
    expect(r.outcomes[0]?.effectiveAt?.toISOString()).toBe("2026-06-01T16:00:00.000Z");
    const tier = await tierReport(env.svc, member);
    expect(tier).toMatchObject({ marketingCount: 2, pendingCount: 1, marketingCountAfterUpdate: 1 });
  });

  it("set marketing on a pending contact cancels the pending change; on a marketing contact it is a no-op", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 2, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    const r = await setStatus(env.svc, member, "marketing", ["c00001@test.io", "c00002@test.io"]);
    expect(r.outcomes.map((o) => [o.email, o.outcome])).toEqual(
      expect.arrayContaining([
        ["c00001@test.io", "cancelled-pending"],
        ["c00002@test.io", "already-marketing"],
      ]),
    );
    expect((await contactRow(env, accountId, "c00001@test.io"))?.pendingSince).toBeNull();
    expect(await recount(env, accountId)).toEqual({ m: 2, p: 0, t: 2 });
  });

  it("set non-marketing on a pending or non-marketing contact is a no-op that says which", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 1, { prefix: "n" });
    await setStatus(env.svc, member, "non-marketing", ["m00001@test.io"]);
    const r = await setStatus(env.svc, member, "non-marketing", ["m00001@test.io", "n00001@test.io"]);
    const byEmail = Object.fromEntries(r.outcomes.map((o) => [o.email, o]));
    expect(byEmail["m00001@test.io"]?.outcome).toBe("already-pending");
    expect(byEmail["m00001@test.io"]?.effectiveAt?.toISOString()).toBe("2026-06-01T16:00:00.000Z");
    expect(byEmail["n00001@test.io"]?.outcome).toBe("already-non-marketing");
    expect(r.unchanged).toBe(2);
  });

  it("an unknown email refuses the whole command and changes nothing", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1);
    await expect(setStatus(env.svc, member, "marketing", ["c00001@test.io", "nobody@test.io"])).rejects.toThrow(
      /nobody@test.io/,
    );
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(false);
  });

  it("more contacts than the direct-change limit become a bulk request instead (R14)", async () => {
    const { accountId, member } = await makeAccount(env, { directLimit: 2 });
    await seedContacts(env, accountId, 3);
    const r = await setStatus(env.svc, member, "marketing", ["c00001@test.io", "c00002@test.io", "c00003@test.io"]);
    expect(r.requestId).toMatch(/^R[A-Z0-9]{6}$/);
    expect((await accountRow(env, accountId)).marketingCount).toBe(0);
  });
});

describe("marketing contacts access (R13)", () => {
  it("a user without access cannot set marketing but can set non-marketing", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    await seedContacts(env, accountId, 2, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 1, { prefix: "n" });
    await changeRole(env.svc, admin, accountId, { what: "access", op: "revoke", userId: member.userId });
    const attempt = setStatus(env.svc, member, "marketing", ["n00001@test.io"]);
    await expect(attempt).rejects.toBeInstanceOf(Refusal);
    await expect(setStatus(env.svc, member, "marketing", ["n00001@test.io"])).rejects.toThrow(
      /marketing contacts access/,
    );
    expect((await contactRow(env, accountId, "n00001@test.io"))?.marketing).toBe(false);
    const r = await setStatus(env.svc, member, "non-marketing", ["m00001@test.io"]);
    expect(r.pending).toBe(1);
  });

  it("a member cannot grant access", async () => {
    const { accountId, member } = await makeAccount(env);
    await expect(
      changeRole(env.svc, member, accountId, { what: "access", op: "grant", userId: "UOTHER" }),
    ).rejects.toThrow(/admin/i);
  });
});

describe("status, can-market and delete (R1, R4)", () => {
  it("status reports the pending flag and when it takes effect", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1, { marketing: true, source: "form" });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    const s = await contactStatus(env.svc, member, "c00001@test.io");
    expect(s).toMatchObject({ status: "marketing", pending: true, source: "form" });
    expect(s.effectiveAt?.toISOString()).toBe("2026-06-01T16:00:00.000Z");
  });

  it("only marketing contacts can receive marketing email", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 1, { prefix: "n" });
    expect((await canMarket(env.svc, member, "m00001@test.io")).yes).toBe(true);
    const no = await canMarket(env.svc, member, "n00001@test.io");
    expect(no.yes).toBe(false);
    expect(no.reason).toMatch(/transactional|1:1|sales/i);
  });

  it("deleting marketing contacts frees capacity at once but never lowers the tier", async () => {
    const { accountId, admin } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 5, { marketing: true });
    const r = await deleteContacts(env.svc, admin, ["c00001@test.io", "c00002@test.io"]);
    expect(r).toMatchObject({ deleted: 2, marketingFreed: 2, marketingCount: 3, tierLimit: 7000 });
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
    expect(await recount(env, accountId)).toEqual({ m: 3, p: 0, t: 3 });
  });
});
