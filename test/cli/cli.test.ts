import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase, tierkeeper } from "../helpers/cli.ts";

let db: { url: string; close(): Promise<void> };
const NOW = "2026-05-15T14:00:00Z";
let env: Record<string, string>;

beforeAll(async () => {
  db = await cliDatabase();
  env = { DATABASE_URL: db.url, TIERKEEPER_NOW: NOW };
  const seeded = await tierkeeper(["demo"], env);
  expect(seeded.code).toBe(0);
  expect(seeded.stdout).toMatch(/Seeded "Demo company": 7,003 contacts/);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("the tierkeeper CLI", { timeout: 180_000 }, () => {
  it("tier --json prints the stable data fields", async () => {
    const r = await tierkeeper(["run", "tier", "--user", "U1", "--json"], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.data).toMatchObject({
      marketingCount: 5402,
      tierLimit: 7000,
      usagePercent: 77.2,
      totalCount: 7003,
      nonMarketingCount: 1601,
      pendingCount: 301,
      // Annual term: 1 June 2026, noon New York (EDT).
      nextUpdateAt: "2026-06-01T16:00:00.000Z",
    });
    expect(Array.isArray(out.blocks)).toBe(true);
    expect(out.blocks.length).toBeGreaterThan(0);
  });

  it("status shows the pending flag and when it takes effect, in the subsidiary zone", async () => {
    const r = await tierkeeper(["run", "status grace@example.com", "--user", "<@U1|ada>"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/grace@example.com is a marketing contact \(pending/);
    expect(r.stdout).toMatch(/Mon 1 Jun 2026, 12:00 EDT \(America\/New_York\)/);
    const json = JSON.parse(
      (await tierkeeper(["run", "status grace@example.com", "--user", "U1", "--json"], env)).stdout,
    );
    expect(json.data).toEqual(
      expect.objectContaining({
        email: "grace@example.com",
        status: "marketing",
        pending: true,
        effectiveAt: "2026-06-01T16:00:00.000Z",
        source: "import",
      }),
    );
  });

  it("bad input gets one clear sentence, exit 1, no stack trace and no change", async () => {
    for (const [text, pattern] of [
      ["status nobody@example.com", /No contact with the email nobody@example.com/],
      ["status not-an-email", /isn't a valid email address/],
      ["settings timezone Mars/Olympus", /isn't a time zone I know/],
      ["settings tier -5", /positive whole number/],
      ["settings tier 3000", /not a tier of the professional plan/],
      ["frobnicate", /isn't a subcommand I know/],
    ] as const) {
      const r = await tierkeeper(["run", text, "--user", "U1"], env);
      expect(r.code, text).toBe(1);
      expect(r.stderr, text).toMatch(pattern);
      noStackTrace(r.stderr);
    }
    const member = await tierkeeper(["run", "settings plan starter", "--user", "U2"], env);
    expect(member.code).toBe(1);
    expect(member.stderr).toMatch(/Only admins/);
    const after = JSON.parse((await tierkeeper(["run", "settings", "--user", "U1", "--json"], env)).stdout);
    expect(after.data.settings).toMatchObject({ plan: "professional", tier: 7000, timezone: "America/New_York" });
  });

  it("a malformed CLI call exits 2", async () => {
    const r = await tierkeeper(["run", "tier"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--user/);
    expect((await tierkeeper(["frobnicate"], env)).code).toBe(2);
  });

  it("a bad environment lists every problem at once and exits 1", async () => {
    const r = await tierkeeper(["run", "tier", "--user", "U1"], {
      DATABASE_URL: "mysql://nope",
      TIERKEEPER_NOW: "yesterday-ish",
      PORT: "http",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expect(r.stderr).toMatch(/TIERKEEPER_NOW/);
    expect(r.stderr).toMatch(/PORT/);
    noStackTrace(r.stderr);
  });

  it("a member's bulk request waits for an admin; the admin approves it and jobs process the update date", async () => {
    const req = JSON.parse(
      (await tierkeeper(["run", "bulk non-marketing unengaged", "--user", "U2", "--json"], env)).stdout,
    );
    expect(req.ok).toBe(true);
    expect(req.data.requestId).toMatch(/^R/);
    expect(req.data.count).toBe(251);
    const self = await tierkeeper(["run", `approve ${req.data.requestId}`, "--user", "U2"], env);
    expect(self.code).toBe(1);
    const ok = JSON.parse(
      (await tierkeeper(["run", `approve ${req.data.requestId}`, "--user", "U1", "--json"], env)).stdout,
    );
    expect(ok.data).toMatchObject({ decided: "approved", changed: 251 });
    const again = JSON.parse(
      (await tierkeeper(["run", `approve ${req.data.requestId}`, "--user", "U1", "--json"], env)).stdout,
    );
    expect(again.data).toMatchObject({ decided: null, changed: 0 });
    const tier = JSON.parse((await tierkeeper(["run", "tier", "--user", "U1", "--json"], env)).stdout);
    expect(tier.data.pendingCount).toBe(301 + 251);

    const later = { ...env, TIERKEEPER_NOW: "2026-06-01T16:05:00Z" };
    const jobs = await tierkeeper(["jobs"], later);
    expect(jobs.code).toBe(0);
    expect(jobs.stdout).toMatch(/552 contacts became non-marketing/);
    const after = JSON.parse((await tierkeeper(["run", "tier", "--user", "U1", "--json"], later)).stdout);
    expect(after.data).toMatchObject({ marketingCount: 5402 - 552, pendingCount: 0 });
  });

  it("admin grant bootstraps an admin from the command line", async () => {
    expect((await tierkeeper(["run", "settings direct-limit 25", "--user", "U7"], env)).code).toBe(1);
    const g = await tierkeeper(["admin", "grant", "U7"], env);
    expect(g.code).toBe(0);
    const r = await tierkeeper(["run", "settings direct-limit 25", "--user", "U7"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/direct-limit/);
  });
});
