import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateRuns } from "../../src/db/schema.ts";
import { runJobsOnce } from "../../src/jobs/run-once.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { contactRow, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { channelMessages, withRecipients } from "./helpers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-01-01T12:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

const jobs = () => runJobsOnce(env.svc, { slack: null });

async function runsOf(accountId: number) {
  return env.svc.db
    .select()
    .from(updateRuns)
    .where(eq(updateRuns.accountId, accountId))
    .orderBy(asc(updateRuns.instant));
}

describe("update-date processing at noon subsidiary time (R5, R6)", () => {
  it("runs at 12:00 EST in winter, not a second before", async () => {
    env.clock.set("2025-12-20T15:00:00Z");
    const { accountId, member } = await makeAccount(env, {
      term: "annual",
      contractStart: "2025-11-15",
      createdAt: "2025-12-10T12:00:00Z",
    });
    await seedContacts(env, accountId, 3, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    env.clock.set("2026-01-01T16:59:59Z"); // 11:59:59 EST
    await jobs();
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(true);
    env.clock.set("2026-01-01T17:00:00Z"); // 12:00 EST
    const lines = await jobs();
    expect(
      lines.some((l) => l.includes("2026-01-01T17:00:00.000Z") && l.includes("1 contacts became non-marketing")),
    ).toBe(true);
    expect((await contactRow(env, accountId, "c00001@test.io"))?.marketing).toBe(false);
  });

  it("runs at 12:00 EDT in summer", async () => {
    env.clock.set("2026-06-20T15:00:00Z");
    const { accountId, member } = await makeAccount(env, { term: "annual", createdAt: "2026-06-10T12:00:00Z" });
    await seedContacts(env, accountId, 3, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00002@test.io"]);
    env.clock.set("2026-07-01T15:59:59Z"); // 11:59:59 EDT
    await jobs();
    expect((await contactRow(env, accountId, "c00002@test.io"))?.marketing).toBe(true);
    env.clock.set("2026-07-01T16:00:00Z");
    await jobs();
    expect((await contactRow(env, accountId, "c00002@test.io"))?.marketing).toBe(false);
    expect((await runsOf(accountId)).map((r) => r.instant.toISOString())).toEqual(["2026-07-01T16:00:00.000Z"]);
  });

  it("catches up two missed instants in order, each with its summary; a flag set after the last one waits", async () => {
    env.clock.set("2026-04-05T15:00:00Z");
    const { accountId, member } = await makeAccount(env, {
      term: "annual",
      tierLimit: 2000,
      createdAt: "2026-04-02T12:00:00Z",
    });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 10, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io", "c00002@test.io"]); // taken 1 May
    env.clock.set("2026-05-10T15:00:00Z"); // the service is down from here on
    await setStatus(env.svc, member, "non-marketing", ["c00003@test.io"]); // taken 1 June
    env.clock.set("2026-06-03T15:00:00Z"); // after the missed 1 June instant
    await setStatus(env.svc, member, "non-marketing", ["c00004@test.io"]); // waits for 1 July
    env.clock.set("2026-06-05T09:00:00Z");
    await jobs();

    const runs = await runsOf(accountId);
    expect(runs.map((r) => [r.instant.toISOString(), r.changed])).toEqual([
      ["2026-05-01T16:00:00.000Z", 2],
      ["2026-06-01T16:00:00.000Z", 1],
    ]);
    const summaries = await channelMessages(env, accountId, "update-summary");
    expect(
      summaries.map((s) =>
        s.text.match(/(\d+) contacts? became non-marketing\. Marketing contacts now: ([\d,]+)/)?.slice(1),
      ),
    ).toEqual([
      ["2", "8"],
      ["1", "7"],
    ]);
    expect(summaries[0]?.text).toContain("Fri 1 May 2026, 12:00 EDT");
    expect(await contactRow(env, accountId, "c00004@test.io")).toMatchObject({ marketing: true });
    expect((await contactRow(env, accountId, "c00004@test.io"))?.pendingSince?.toISOString()).toBe(
      "2026-06-03T15:00:00.000Z",
    );

    await jobs();
    expect(await runsOf(accountId)).toHaveLength(2);
    expect(await channelMessages(env, accountId, "update-summary")).toHaveLength(2);
  });

  it("local mode prints queued messages once", async () => {
    env.clock.set("2026-08-10T15:00:00Z");
    const { accountId } = await makeAccount(env, {
      term: "annual",
      tierLimit: 2000,
      createdAt: "2026-08-01T12:00:00Z",
    });
    await seedContacts(env, accountId, 1900, { marketing: true });
    const lines = await jobs();
    expect(
      lines.filter((l) => l.startsWith("Queued for Slack (no alert channel") && l.includes("reached 90 %")),
    ).toHaveLength(1);
    expect((await jobs()).filter((l) => l.includes("reached 90 %"))).toHaveLength(0);
  });
});
