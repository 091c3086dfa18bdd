// A threshold alert in the account's language (`settings language sv|nl`), posted to the alert
// channel over the real Slack client: Swedish and Dutch words, numbers and dates, the notice's
// branch without pending contacts (Swedish) and with them (Dutch). Polish is language.test.ts.

import type { KnownBlock } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverAll } from "../../src/jobs/run-once.ts";
import { checkTierAlerts } from "../../src/services/alerts.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;

const NBSP = "\u00a0";

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2000 } });
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user = "UADMIN1") =>
  (await (await app.command(text, user)).response()) as Record<string, unknown>;

/** Queues the alert the count now calls for, delivers it, and returns what reached the alert channel. */
async function alertPosted(): Promise<{ text: string; blocks: string }> {
  const before = app.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "CALERTS").length;
  expect((await checkTierAlerts(app.env.svc, app.accountId)).map((q) => q.notice.kind)).toEqual(["threshold"]);
  await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
  const posts = app.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === "CALERTS");
  expect(posts).toHaveLength(before + 1);
  const body = posts.at(-1)?.body ?? {};
  const text = String(body.text);
  const blocks = (body.blocks ?? []) as KnownBlock[];
  expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const m of mrkdwnOf(blocks)) {
    expect(m.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(unsafeMarkup(m), m).toBeNull();
  }
  return { text, blocks: JSON.stringify(blocks) };
}

describe("threshold alerts in the account's language", { timeout: 60_000 }, () => {
  it("Swedish: 90 % of the tier, no pending contacts, Swedish numbers and the update date in Swedish", async () => {
    expect(String((await say("settings alert-channel CALERTS language sv")).text)).toContain(
      "`language` is now sv (was en).",
    );
    await seedContacts(app.env, app.accountId, 1_850, { marketing: true, prefix: "m" });
    const { text, blocks } = await alertPosted();
    expect(text).toBe(
      `:warning: Marknadsföringskontakterna har nått 90${NBSP}% av paketet: 1${NBSP}850 av 2${NBSP}000 (92,5${NBSP}%). Fler än 2${NBSP}000 uppgraderar paketet automatiskt; kontakter som ändras till icke-marknadsföring räknas ändå fram till mån 1 juni 2026 kl. 12:00 GMT−4 (America/New_York).`,
    );
    expect(blocks).toContain(`:warning: Marknadsföringskontakterna har nått 90${NBSP}% av paketet`);
    expect(`${text}${blocks}`).not.toMatch(/Marketing contacts|1,850|tier|Jun/);
  });

  it("Dutch: 98 % of the tier, with pending contacts, Dutch numbers and the update date in Dutch", async () => {
    await say("settings language nl");
    await seedContacts(app.env, app.accountId, 120, {
      marketing: true,
      prefix: "p",
      pendingSince: new Date("2026-05-14T12:00:00Z"),
    });
    const { text, blocks } = await alertPosted();
    expect(text).toBe(
      ":warning: De marketingcontacten hebben 98% van het pakket bereikt: 1.970 van 2.000 (98,5%). 120 wachtende contacten zijn vanaf de volgende updatedatum, ma 1 juni 2026 om 12:00 EDT (America/New_York), geen marketingcontact meer.",
    );
    expect(blocks).toContain(":warning: De marketingcontacten hebben 98% van het pakket bereikt: 1.970 van 2.000");
    expect(`${text}${blocks}`).not.toMatch(/Marketing contacts|1,970|tier|pending|Jun /);
  });
});
