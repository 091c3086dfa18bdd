// Settings over signed HTTP: no order of commands can trap an admin. A plan switch takes the
// smallest tier of the new plan that holds today's count (or the tier given with it), several
// settings apply together or not at all, and `settings` says who changed each one last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { accountRow, seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  // Professional, a 2,000 tier, 1,500 marketing contacts.
  app = await startTestApp();
  await seedContacts(app.env, app.accountId, 1500, { marketing: true, prefix: "m" });
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user = "UADMIN1") => String((await (await app.command(text, user)).response()).text);

describe("settings that can't trap", { timeout: 60_000 }, () => {
  it("switches professional → enterprise → professional in one command each, saying the tier chosen and its price", async () => {
    expect(await say("settings plan enterprise")).toContain(
      "The plan is now enterprise, and the tier 10,000 contacts: the smallest enterprise tier that holds your 1,500 marketing contacts, $3,600.00/month (was 2,000 contacts on the professional plan, $800.00/month)",
    );
    expect(await accountRow(app.env, app.accountId)).toMatchObject({ plan: "enterprise", tierLimit: 10000 });
    expect(await say("settings plan professional")).toContain(
      "The plan is now professional, and the tier 2,000 contacts",
    );
    expect(await accountRow(app.env, app.accountId)).toMatchObject({ plan: "professional", tierLimit: 2000 });
  });

  it("takes the plan, tier, term and start in one command, all together", async () => {
    const text = await say("settings plan enterprise tier 400000 term monthly start 2026-03-15");
    expect(text).toContain("The tier is now 400,000 contacts on the enterprise plan, $7,500.00/month");
    expect(text).toContain("`term` is now monthly (was annual).");
    expect(text).toContain("`start` is now 2026-03-15 (was 2026-01-15).");
    expect(await accountRow(app.env, app.accountId)).toMatchObject({
      plan: "enterprise",
      tierLimit: 400000,
      term: "monthly",
      contractStart: "2026-03-15",
    });
    // Refused as a whole: the term stays, and the answer says where 400,000 is a tier.
    await say("settings plan professional");
    const refused = await say("settings term annual tier 400000");
    expect(refused).toContain("400,000 is not a tier of the professional plan");
    expect(refused).toContain("`settings plan enterprise tier 400,000`");
    expect((await accountRow(app.env, app.accountId)).term).toBe("monthly");
  });

  it("shows every setting, its value and who changed it last", async () => {
    const shown = await (await app.command("settings", "UMEMBER1")).response();
    const blocks = JSON.stringify(shown.blocks);
    expect(blocks).toContain("*plan*\\nprofessional — _changed by <@UADMIN1>");
    expect(blocks).toContain("*term*\\nmonthly — _changed by <@UADMIN1>");
    expect(blocks).toContain("*direct-limit*\\n10 — _default_");
    expect(blocks).toContain("*billing-contacts*\\nnone — _default_");
    expect(String(shown.text)).toContain("tierkeeper isn't set up yet");
  });
});
