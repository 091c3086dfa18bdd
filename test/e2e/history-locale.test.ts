// `history` and App Home's recent activity in the user's Slack language: after real changes (a
// `set`, a bulk request approved, a settings change), a Swedish and a Polish user read each event
// worded in their language, with their dates, over signed HTTP; an English user reads the stored
// English summaries as before.
import type { KnownBlock } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits, mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;
let requestId = "";
const NBSP = "\u00a0";
const USERS = { sv: "USWEDE", pl: "UPOLE" } as const;
/** A list name someone typed, with Slack markup in it. */
const HOSTILE = "Vår <!channel> *fet*";
/** What Slack sends of what was typed: `&`, `<` and `>` escaped. */
const asTyped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 10_000, directLimit: 10 } });
  app.fake.userLocales.set(USERS.sv, "sv-SE");
  app.fake.userZones.set(USERS.sv, "Europe/Stockholm");
  app.fake.userLocales.set(USERS.pl, "pl-PL");
  app.fake.userZones.set(USERS.pl, "Europe/Warsaw");
  await seedContacts(app.env, app.accountId, 5_399, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 100, { prefix: "n" });

  // Real changes, made in English by the admins: each is audited as it always was.
  const said = async (text: string, user = "UADMIN1") =>
    String(((await (await app.command(text, user)).response()) as { text?: unknown }).text);
  expect(await said("set marketing n00100@test.io")).toContain("n00100@test.io");
  await said(`list create "${asTyped(HOSTILE)}"`);
  expect(await said(`list add "${asTyped(HOSTILE)}" n00100@test.io`)).toContain("1");
  const asked = await said("bulk marketing where email contains n000");
  requestId = /R[A-Z0-9]{5,}/.exec(asked)?.[0] ?? "";
  expect(requestId, asked).not.toBe("");
  expect(await said(`approve ${requestId}`, "UADMIN2")).toContain(requestId);
  expect(await said("settings direct-limit 5000")).toContain("direct-limit");
});

afterAll(async () => {
  await app?.close();
});

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string }[];
}

async function history(user: string): Promise<{ text: string; all: string }> {
  const r = (await (await app.command("history", user)).response()) as { text: unknown; blocks?: Block[] };
  const text = String(r.text);
  const blocks = r.blocks ?? [];
  expectWithinSlackLimits(text, blocks, "message");
  for (const t of mrkdwnOf(blocks as KnownBlock[])) expect(unsafeMarkup(t)).toBeNull();
  return { text, all: JSON.stringify(blocks) };
}

/** English words of the stored summaries: none may reach a Swedish or Polish reader. */
const ENGLISH = /Set marketing|Requested|Approved request|Setting direct-limit|Added to list|contacts\b| by <@/;

describe("history in the user's language", { timeout: 60_000 }, () => {
  it("Swedish: each event in Swedish, with Swedish dates and numbers", async () => {
    const sv = await history(USERS.sv);
    expect(sv.all).toContain('"text":"Historik"');
    expect(sv.text).toContain("Markerade som marknadsföring av <@UADMIN1>");
    expect(sv.text).toContain("Lade till i listan ”Vår &lt;!channel&gt; *fet*” av <@UADMIN1>");
    expect(sv.text).toContain(
      `Begärde marknadsföring för 99 kontakter (kontakter där email contains n000), begäran ${requestId} (99 kontakter) av <@UADMIN1>`,
    );
    expect(sv.text).toContain(`Godkände begäran ${requestId} av <@UADMIN2>`);
    expect(sv.text).toContain(`Markerade som marknadsföring genom begäran ${requestId} (99 kontakter) av <@UADMIN2>`);
    expect(sv.text).toContain(`Inställningen direct-limit ändrades från 10 till 5${NBSP}000 av <@UADMIN1>`);
    expect(sv.text).toMatch(/fre 15 maj 2026 kl\. 16:00 CEST — /);
    expect(sv.text).not.toMatch(ENGLISH);
    expect(sv.text).not.toContain("<!channel>");
  });

  it("Polish: each event in Polish, with Polish dates and numbers", async () => {
    const pl = await history(USERS.pl);
    expect(pl.all).toContain('"text":"Historia"');
    expect(pl.text).toContain("Oznaczono jako marketingowe");
    expect(pl.text).toContain("Dodano do listy „Vår &lt;!channel&gt; *fet*”");
    expect(pl.text).toContain(
      `Złożono wniosek ${requestId} o oznaczenie 99 kontaktów jako marketingowe (kontakty, dla których email contains n000)`,
    );
    expect(pl.text).toContain(`Zatwierdzono wniosek ${requestId}`);
    expect(pl.text).toContain(`Oznaczono jako marketingowe na podstawie wniosku ${requestId}`);
    expect(pl.text).toContain(`Ustawienie direct-limit zmieniono z 10 na 5${NBSP}000`);
    expect(pl.text).toMatch(/pt\., 15 maja 2026 16:00 CEST — /);
    expect(pl.text).not.toMatch(ENGLISH);
  });

  it("English: the stored summaries, word for word as before", async () => {
    const en = await history("UADMIN1");
    expect(en.text).toContain(`Approved request ${requestId} by <@UADMIN2>`);
    expect(en.text).toContain(
      `Requested marketing for 99 contacts (contacts where email contains n000), request ${requestId} (99 contacts) by <@UADMIN1>`,
    );
    expect(en.text).toContain("Setting direct-limit changed from 10 to 5,000 by <@UADMIN1>");
    expect(en.text).toContain('Added to list "Vår &lt;!channel&gt; *fet*" by <@UADMIN1>');
  });

  it("Polish App Home: recent activity in Polish", async () => {
    const before = app.fake.callsTo("views.publish").length;
    const res = await app.event({
      type: "app_home_opened",
      user: USERS.pl,
      channel: `D${USERS.pl}`,
      tab: "home",
      event_ts: "1.2",
    });
    expect(res.status).toBe(200);
    const publish = await eventually(() => app.fake.callsTo("views.publish")[before]);
    expect(publish.body.user_id).toBe(USERS.pl);
    const blocks = (publish.body.view as { blocks: KnownBlock[] }).blocks;
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerView);
    const mrkdwn = mrkdwnOf(blocks);
    for (const t of mrkdwn) expect(unsafeMarkup(t)).toBeNull();
    const all = mrkdwn.join("\n");
    expect(all).toContain(`Zatwierdzono wniosek ${requestId}`);
    expect(all).toContain(`Ustawienie direct-limit zmieniono z 10 na 5${NBSP}000`);
    expect(all).toContain("Dodano do listy „Vår &lt;!channel&gt; *fet*”");
    expect(all).toMatch(/pt\., 15 maja 2026 16:00 CEST — Oznaczono jako marketingowe/);
    const activity = all.split("\n").filter((line) => /^pt\., 15 maja 2026 16:00 CEST — /.test(line));
    expect(activity).toHaveLength(6);
    expect(activity.join("\n")).not.toMatch(ENGLISH);
  });
});
