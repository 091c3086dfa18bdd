// `settings language pl`: the account's channels read their notices in Polish. A threshold alert
// queued in English-neutral data is worded at send time, in the account's language, with Polish
// numbers; `settings` shows the language and who set it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverAll } from "../../src/jobs/run-once.ts";
import { checkTierAlerts } from "../../src/services/alerts.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { accountRow, seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2000 } });
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user = "UADMIN1") =>
  (await (await app.command(text, user)).response()) as Record<string, unknown>;

describe("the account's language", { timeout: 60_000 }, () => {
  it("is set with `settings language pl`, audited and shown", async () => {
    const changed = await say("settings alert-channel CALERTS language pl");
    expect(String(changed.text)).toContain("`language` is now pl (was en).");
    expect((await accountRow(app.env, app.accountId)).language).toBe("pl");
    const shown = JSON.stringify((await say("settings", "UMEMBER1")).blocks);
    expect(shown).toContain("*language*\\npl (polski) — _changed by <@UADMIN1>");
    const refused = await say("settings language klingon");
    expect(String(refused.text)).toContain("use en, sv, nl or pl");
    expect((await accountRow(app.env, app.accountId)).language).toBe("pl");
  });

  it("posts a threshold alert to the alert channel in Polish, with Polish numbers", async () => {
    await seedContacts(app.env, app.accountId, 1_850, { marketing: true, prefix: "m" });
    const queued = await checkTierAlerts(app.env.svc, app.accountId);
    expect(queued.map((q) => q.notice.kind)).toEqual(["threshold"]);
    await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
    const post = app.fake.callsTo("chat.postMessage").find((c) => c.body.channel === "CALERTS");
    const text = String(post?.body.text);
    expect(text).toContain("Kontakty marketingowe osiągnęły 90% pakietu: 1\u00a0850 z 2\u00a0000 (92,5%).");
    expect(text).toContain("Powyżej 2\u00a0000 pakiet zostanie automatycznie podwyższony");
    expect(text).not.toMatch(/Marketing contacts|1,850/);
    expect(JSON.stringify(post?.body.blocks)).toContain(":warning: Kontakty marketingowe osiągnęły 90% pakietu");
  });

  it("applies to notices already queued: they are worded when they are sent", async () => {
    await say("settings language sv");
    await seedContacts(app.env, app.accountId, 110, { marketing: true, prefix: "n" });
    expect((await checkTierAlerts(app.env.svc, app.accountId)).map((q) => q.notice.kind)).toEqual(["threshold"]);
    await say("settings language nl");
    await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
    const posts = app.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "CALERTS");
    expect(String(posts.at(-1)?.body.text)).toContain(
      "De marketingcontacten hebben 98% van het pakket bereikt: 1.960 van 2.000",
    );
  });
});
