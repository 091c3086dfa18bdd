import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { runDueWork } from "../../src/jobs/run-once.ts";
import { makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("automation rules on the scheduler tick (R16)", () => {
  it("run once an hour, whatever the number of ticks, and pick up contacts changed since", async () => {
    const { accountId, member } = await makeAccount(env, { createdAt: "2026-05-15T00:00:00Z" });
    await seedContacts(env, accountId, 8, { marketing: true, bounced: true });
    const added = await runCommand(env.svc, {
      actor: member,
      timeZone: "America/New_York",
      text: "rules add bounced when bounced = true then non-marketing",
    });
    expect(added.ok).toBe(true);
    const first = await runDueWork(env.svc, { slack: null });
    expect(first.errors).toEqual([]);
    expect(first.lines.join("\n")).toMatch(/Automation rules \(account \d+\): 8 contacts changed/);
    expect(await recount(env, accountId)).toEqual({ m: 8, p: 8, t: 8 });

    await seedContacts(env, accountId, 3, { prefix: "late", marketing: true, bounced: true });
    env.clock.advance(10 * 60_000); // same hour: the rule does not run again
    const second = await runDueWork(env.svc, { slack: null });
    expect(second.lines.join("\n")).not.toMatch(/Automation rules/);
    expect((await recount(env, accountId)).p).toBe(8);

    env.clock.advance(60 * 60_000); // the next hour
    const third = await runDueWork(env.svc, { slack: null });
    expect(third.lines.join("\n")).toMatch(/3 contacts changed/);
    expect((await recount(env, accountId)).p).toBe(11);
  });
});
