import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TEAM, ensureAccount, resolveAccount } from "../../src/services/accounts.ts";
import { type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("which account a command means (SPEC §4)", () => {
  it("the CLI's local account becomes the Slack workspace's account, and the CLI keeps using it", async () => {
    const local = await resolveAccount(env.svc);
    expect(local.teamId).toBe(DEFAULT_TEAM);
    expect(local.createdAt.toISOString()).toBe("2026-05-15T14:00:00.000Z");
    const slack = await ensureAccount(env.svc, "T0WORKSPACE");
    expect(slack.id).toBe(local.id);
    expect(slack.teamId).toBe("T0WORKSPACE");
    expect((await resolveAccount(env.svc)).id).toBe(local.id);
    // A second workspace gets its own account; then the CLI must be told which one.
    const other = await ensureAccount(env.svc, "T0OTHER");
    expect(other.id).not.toBe(local.id);
    await expect(resolveAccount(env.svc)).rejects.toThrow(/--team/);
    expect((await resolveAccount(env.svc, "T0OTHER")).id).toBe(other.id);
  });
});
