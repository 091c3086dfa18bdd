// A notice sent by DM reads in its reader's language (their Slack's, as tierkeeper last saw it);
// the same notice in the alert channel reads in the account's. Someone tierkeeper has not met yet
// reads the account's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverAll } from "../../src/jobs/run-once.ts";
import { checkTierAlerts } from "../../src/services/alerts.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2000 } });
  app.fake.userLocales.set("USWEDE", "sv-SE");
  app.fake.userZones.set("USWEDE", "Europe/Stockholm");
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user = "UADMIN1") =>
  (await (await app.command(text, user)).response()) as Record<string, unknown>;

describe("a notice by DM", { timeout: 60_000 }, () => {
  it("is in the billing contact's own language; the channel's copy in the account's", async () => {
    await say("settings alert-channel CALERTS language nl");
    await say("billing-contacts add <@USWEDE>");
    await say("billing-contacts add <@UNEWCOMER>");
    // The Swedish user has used tierkeeper (their Slack locale is known); the newcomer has not.
    await say("tier", "USWEDE");
    await seedContacts(app.env, app.accountId, 1_850, { marketing: true, prefix: "m" });
    expect((await checkTierAlerts(app.env.svc, app.accountId)).map((q) => q.notice.kind)).toEqual(["threshold"]);
    await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
    const posts = app.fake.callsTo("chat.postMessage");
    const to = (channel: string) => String(posts.find((c) => c.body.channel === channel)?.body.text);
    expect(to("DUSWEDE")).toContain("1\u00a0850 av 2\u00a0000");
    expect(to("DUSWEDE")).toMatch(/[Mm]arknadsföringskontakter/);
    expect(to("CALERTS")).toContain("1.850 van 2.000");
    expect(to("DUNEWCOMER")).toContain("1.850 van 2.000");
  });
});
