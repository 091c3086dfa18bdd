// `tierkeeper setup` without Slack: flags for scripts (the real CLI, non-interactive) and the
// prompts driven through a fake terminal, both checked by the same readers.
import { PassThrough, Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { promptSetup } from "../../src/cli/setup-prompts.ts";
import { notifications, users } from "../../src/db/schema.ts";
import { cliDatabase, tierkeeper } from "../helpers/cli.ts";
import { accountRow, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

describe("tierkeeper setup with flags (the real CLI, no terminal)", { timeout: 180_000 }, () => {
  let db: { url: string; close(): Promise<void> };
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await cliDatabase();
    env = { DATABASE_URL: db.url, TIERKEEPER_NOW: "2026-05-15T14:00:00Z" };
  });
  afterAll(async () => {
    await db?.close();
  });

  it("says what a first setup needs, then saves every flag at once and says what tierkeeper will do", async () => {
    const none = await tierkeeper(["setup"], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("tierkeeper isn't set up yet");
    expect(none.stderr).toContain("--plan: Choose a plan");
    expect(none.stderr).toContain("--start: Give the contract start");
    expect(none.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    const ok = await tierkeeper(
      [
        "setup",
        "--plan",
        "enterprise",
        "--tier",
        "20k",
        "--term",
        "monthly",
        "--start",
        "2026-03-15",
        "--timezone",
        "Europe/Berlin",
        "--approvals-channel",
        "C0APPROVALS",
        "--billing-contacts",
        "U0BILL1,<@U0BILL2>",
        "--reminders",
        "7d,1d",
        "--json",
      ],
      env,
    );
    expect(ok.code, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out).toMatchObject({
      ok: true,
      firstSetup: true,
      settings: { plan: "enterprise", tier: 20000, term: "monthly", start: "2026-03-15", timezone: "Europe/Berlin" },
      billingContacts: ["U0BILL1", "U0BILL2"],
      tier: { how: "given", monthlyPriceCents: 370000 },
    });
    expect(out.note).toContain("7 days and 1 day before each update date");
  });
});

/** Runs a tierkeeper command line in this process, on the test database. */
function inProcess(t: TestEnv) {
  const base: CliContext = {
    io: { out: () => {}, err: () => {}, isTTY: false },
    cwd: process.cwd(),
    withServices: (fn) => fn(t.svc),
    setExitCode: () => {},
  };
  return async (argv: string[]) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runProgram(argv, {
      ...base,
      io: { out: (s) => stdout.push(s), err: (s) => stderr.push(s), isTTY: false },
    });
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  };
}

describe("tierkeeper setup with flags (checks)", { timeout: 60_000 }, () => {
  let t: TestEnv;
  let accountId: number;
  beforeAll(async () => {
    t = await testEnv("2026-05-15T14:00:00Z");
    ({ accountId } = await makeAccount(t));
    await seedContacts(t, accountId, 1500, { marketing: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports every bad flag at once, checks the tier against the plan, and changes nothing", async () => {
    const run = inProcess(t);
    const bad = await run([
      "setup",
      "--plan",
      "gold",
      "--tier",
      "lots",
      "--term",
      "weekly",
      "--start",
      "2026-02-30",
      "--timezone",
      "Mars/Base",
      "--billing-contacts",
      "ana",
    ]);
    expect(bad.code).toBe(1);
    for (const text of [
      `--plan: "gold" isn't a plan`,
      `--tier: "lots" isn't a positive whole number`,
      `--term: "weekly" isn't a billing term`,
      "--start: ",
      "--timezone: ",
      `--billing-contacts: "ana" isn't a Slack user`,
    ]) {
      expect(bad.stderr).toContain(text);
    }
    const offLadder = await run([
      "setup",
      "--plan",
      "enterprise",
      "--tier",
      "15000",
      "--term",
      "monthly",
      "--start",
      "2026-03-15",
    ]);
    expect(offLadder.code).toBe(1);
    expect(offLadder.stderr).toContain("--tier: 15,000 is not a tier of the enterprise plan");
    const small = await run([
      "setup",
      "--plan",
      "starter",
      "--tier",
      "1000",
      "--term",
      "monthly",
      "--start",
      "2026-03-15",
    ]);
    expect(small.stderr).toContain("--tier: The account has 1,500 marketing contacts, more than 1,000");
    const account = await accountRow(t, accountId);
    expect(account).toMatchObject({ plan: "professional", tierLimit: 2000, configuredAt: null });
  });

  it("on a set-up account, a flag changes just that, and a new plan takes its smallest tier that holds the count", async () => {
    const run = inProcess(t);
    expect((await run(["setup", "--plan", "starter", "--term", "monthly", "--start", "2026-03-15"])).code).toBe(0);
    expect(await accountRow(t, accountId)).toMatchObject({ plan: "starter", tierLimit: 2000 });
    const later = await run(["setup", "--plan", "enterprise"]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain("the tier 10,000 contacts: the smallest enterprise tier that holds your 1,500");
    expect(later.stdout).not.toContain("tierkeeper is set up");
    const shown = JSON.parse((await run(["setup", "--show", "--json"])).stdout);
    expect(shown).toMatchObject({
      configured: true,
      plan: "enterprise",
      tier: 10000,
      term: "monthly",
      marketingCount: 1500,
    });
    // No flag on a set-up account shows the setup.
    expect((await run(["setup"])).stdout).toContain("plan: enterprise");
  });
});

/** A fake terminal: answers each prompt when its question shows. */
function fakeTerminal(script: [question: string, keys: string][]) {
  const input = new PassThrough();
  let screen = "";
  let step = 0;
  let seen = 0;
  const output = new Writable({
    write(chunk, _enc, done) {
      screen += chunk.toString();
      const next = script[step];
      if (next && screen.indexOf(next[0], seen) >= 0) {
        seen = screen.length;
        step++;
        setTimeout(() => input.write(next[1]), 5);
      }
      done();
    },
  });
  // Each prompt pipes into the output and ends it when done, as it would never end a real terminal's.
  output.end = (() => output) as typeof output.end;
  return { context: { input, output }, screen: () => screen, answered: () => step };
}

describe("tierkeeper setup in a terminal (prompts)", { timeout: 60_000 }, () => {
  let t: TestEnv;
  let accountId: number;
  beforeAll(async () => {
    t = await testEnv("2026-05-15T14:00:00Z");
    ({ accountId } = await makeAccount(t));
    await seedContacts(t, accountId, 1500, { marketing: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("asks each question, re-asks an invalid answer in place, and saves the answers", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliContext = {
      io: { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false },
      cwd: process.cwd(),
      withServices: (fn) => fn(t.svc),
      setExitCode: () => {},
    };
    const run = inProcess(t);
    const ENTER = "\r";
    const DOWN = "\u001b[B";
    const term = fakeTerminal([
      ["Plan", `${DOWN}${ENTER}`], // professional → enterprise
      ["Contact tier", `${DOWN}${ENTER}`], // 10,000 → 20,000
      ["Billing term", `m${ENTER}`], // typed: monthly
      ["Contract start", `2026-02-30${ENTER}`],
      ["not a real calendar date", `\u0015next friday${ENTER}`], // re-asked in place; ^U clears the line
      ["Billing time zone", `Europe/Berlin${ENTER}`],
      ["tier alerts", `#tier-alerts${ENTER}`],
      ["approvals", `C0APPROVALS${ENTER}`],
      ["Billing contacts", `\u0015U0BILL1, U0BILL2${ENTER}`],
      ["Reminders", `\u00152d${ENTER}`],
      ["Save these settings?", `y${ENTER}`],
    ]);
    const code = await promptSetup(["setup"], {
      io: cli.io,
      run,
      now: () => t.svc.clock.now(),
      context: term.context,
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(term.answered()).toBe(11);
    expect(term.screen()).toContain("20,000 contacts — $3,700.00/month");
    expect(out.join("\n")).toContain("tierkeeper is set up");
    const account = await accountRow(t, accountId);
    expect(account).toMatchObject({
      plan: "enterprise",
      tierLimit: 20000,
      term: "monthly",
      // "next friday" from Friday 15 May 2026, read in the account's zone.
      contractStart: "2026-05-22",
      timeZone: "Europe/Berlin",
      alertChannel: "#tier-alerts",
      approvalsChannel: "C0APPROVALS",
      reminderDays: [2],
    });
    expect(account.configuredAt).not.toBeNull();
    const billing = await t.svc.db
      .select({ userId: users.userId })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.billingContact, true)))
      .orderBy(users.userId);
    expect(billing.map((b) => b.userId)).toEqual(["U0BILL1", "U0BILL2"]);
    const notes = await t.svc.db.select().from(notifications).where(eq(notifications.kind, "setup"));
    expect(notes.map((r) => r.channel)).toEqual(["C0APPROVALS"]);
  });
});
