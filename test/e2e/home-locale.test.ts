// App Home in the user's Slack language: a Swedish, Dutch or Polish user opening the Home tab gets
// views.publish in their language, with its numbers (5 402, 5.402), money and month names, within
// Block Kit's limits, and a selector someone typed stays inert text. English stays as it was
// (test/e2e/home-manage.test.ts).
import type { KnownBlock } from "@slack/types";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, users } from "../../src/db/schema.ts";
import { requestBulkChange } from "../../src/services/bulk/index.ts";
import { HOME_ACTIONS } from "../../src/slack/home.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits, mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;

const USERS = { sv: "USWEDE", nl: "UDUTCH", pl: "UPOLE" } as const;
const NBSP = "\u00a0";
const HOSTILE = "email contains n0001 <!channel> <@U0BAD> *bold* & <https://evil.example|click>";

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 7_000, directLimit: 10 } });
  for (const [user, locale, zone] of [
    ["USWEDE", "sv-SE", "Europe/Stockholm"],
    ["UDUTCH", "nl-NL", "Europe/Amsterdam"],
    ["UPOLE", "pl-PL", "Europe/Warsaw"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  // The Swede is an admin (the setup and settings buttons), the others members.
  await app.env.svc.db.insert(users).values({ accountId: app.accountId, userId: USERS.sv, role: "admin" });
  await seedContacts(app.env, app.accountId, 5_399, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 3, { pendingSince: new Date("2026-05-10T10:00:00Z"), prefix: "p" });
  await seedContacts(app.env, app.accountId, 100, { prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

interface View {
  type: string;
  blocks: KnownBlock[];
}

async function openHome(user: string): Promise<{ view: View; all: string; mrkdwn: string[] }> {
  const before = app.fake.callsTo("views.publish").length;
  const res = await app.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home", event_ts: "1.2" });
  expect(res.status).toBe(200);
  const publish = await eventually(() => app.fake.callsTo("views.publish")[before]);
  expect(publish.body.user_id).toBe(user);
  const view = publish.body.view as View;
  expect(view.type).toBe("home");
  expectWithinSlackLimits(null, view.blocks, "view");
  const mrkdwn = mrkdwnOf(view.blocks);
  for (const text of mrkdwn) expect(unsafeMarkup(text)).toBeNull();
  return { view, all: JSON.stringify(view.blocks), mrkdwn };
}

type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { type: string; text?: { text: string } | string }[];
};

const headers = (view: View): string[] =>
  (view.blocks as AnyBlock[]).filter((b) => b.type === "header").map((b) => b.text?.text ?? "");

const buttonLabels = (view: View): string[] =>
  (view.blocks as AnyBlock[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => (typeof e.text === "object" ? e.text.text : ""));

describe("App Home in the user's language", { timeout: 60_000 }, () => {
  it("before setup: the welcome in Swedish for an admin, in Polish with whom to ask for a member", async () => {
    const sv = await openHome(USERS.sv);
    expect(headers(sv.view)).toContain("Välkommen till tierkeeper");
    expect(buttonLabels(sv.view)).toContain("Konfigurera tierkeeper");
    expect(sv.all).toContain("Det tar en minut.");
    expect(sv.all).not.toContain("Welcome to tierkeeper");

    const pl = await openHome(USERS.pl);
    expect(headers(pl.view)).toContain("tierkeeper nie jest jeszcze skonfigurowany");
    expect(pl.all).toContain("Poproś administratora o konfigurację: <@UADMIN1>, <@UADMIN2>, <@USWEDE>");
    expect(buttonLabels(pl.view)).not.toContain("Skonfiguruj tierkeeper");
  });

  it("a configured account: headings, labels, buttons, numbers, money and dates in sv, nl and pl", async () => {
    await app.env.svc.db
      .update(accounts)
      .set({ configuredAt: new Date("2026-05-01T10:00:00Z"), alertChannel: "CALERTS", reminderDays: [3, 1] })
      .where(eq(accounts.id, app.accountId));
    // More open requests than the Home shows, one with a selector full of markup.
    for (let i = 0; i < 12; i++) {
      await requestBulkChange(
        app.env.svc,
        { accountId: app.accountId, userId: "UMEMBER1" },
        {
          action: "marketing",
          selector: {
            type: "filter",
            filter: {
              conditions: [{ field: "email", op: "contains", value: `n000${i % 10}` }],
              text: i === 0 ? HOSTILE : `email contains n000${i % 10}`,
            },
          },
          at: null,
        },
      );
    }

    const sv = await openHome(USERS.sv);
    expect(headers(sv.view)).toEqual(
      expect.arrayContaining(["Marknadsföringskontakter", "Öppna massbegäranden (12)", "Senaste händelser"]),
    );
    expect(sv.all).toContain(`*5${NBSP}402* av *7${NBSP}000*`);
    expect(sv.all).toContain("*Nästa uppdatering*");
    expect(sv.all).toContain(`3 blir icke-marknadsföring → 5${NBSP}399`);
    expect(sv.all).toContain("*Plan och paket*");
    expect(sv.all).toMatch(/professional, 7\u00a0000 kontakter, [\d\u00a0,]+\u00a0US\$\/månad/);
    expect(sv.all).toContain("årsvis, från tors 15 januari 2026 (America/New_York)");
    expect(sv.all).toContain("3 dagar och 1 dag före varje uppdateringsdatum");
    expect(sv.all).toContain("<#CALERTS>");
    expect(sv.all).toContain("…och 4 till: `/contacts requests`");
    expect(sv.all).toContain("15 maj 2026");
    expect(sv.all).toContain("Godkänn");
    expect(buttonLabels(sv.view)).toEqual(
      expect.arrayContaining(["Rensa kontakter", "Visa paketet", "Ändra inställningar"]),
    );
    expect(sv.all).toContain(HOME_ACTIONS.manage);
    // The markup typed into the selector is shown escaped, never obeyed.
    expect(sv.all).toContain("&lt;!channel&gt;");
    expect(sv.all).not.toMatch(/Marketing contacts|Next update|Open requests|Recent activity|Clean up contacts/);

    const nl = await openHome(USERS.nl);
    expect(headers(nl.view)).toEqual(
      expect.arrayContaining(["Marketingcontacten", "Openstaande verzoeken (12)", "Recente activiteit"]),
    );
    expect(nl.all).toContain("*5.402* van *7.000*");
    expect(nl.all).toContain("3 worden niet-marketing → 5.399");
    expect(nl.all).toContain("5.502 (waarvan 100 niet-marketing)");
    expect(nl.all).toMatch(/professional, 7\.000 contacten, US\$\u00a0[\d.,]+\/maand/);
    expect(nl.all).toContain("jaarlijks, vanaf do 15 januari 2026");
    expect(nl.all).toContain("15 mei 2026");
    expect(buttonLabels(nl.view)).toEqual(expect.arrayContaining(["Contacten opschonen", "Pakket tonen"]));
    // A member: no settings button.
    expect(buttonLabels(nl.view)).not.toContain("Instellingen wijzigen");

    const pl = await openHome(USERS.pl);
    expect(headers(pl.view)).toEqual(
      expect.arrayContaining(["Kontakty marketingowe", "Otwarte wnioski (12)", "Ostatnie zdarzenia"]),
    );
    expect(pl.all).toContain(`*5${NBSP}402* z *7${NBSP}000*`);
    expect(pl.all).toContain(`3 staną się niemarketingowe → 5${NBSP}399`);
    expect(pl.all).toMatch(/professional, 7\u00a0000 kontaktów, [\d\u00a0,]+\u00a0USD\/miesiąc/);
    expect(pl.all).toContain("roczny, od czw., 15 stycznia 2026");
    expect(pl.all).toContain("15 maja 2026");
    expect(pl.all).toContain("3 dni i 1 dzień przed każdą datą aktualizacji");
    expect(buttonLabels(pl.view)).toEqual(expect.arrayContaining(["Uporządkuj kontakty", "Pokaż pakiet", "Zatwierdź"]));
    expect(pl.all).not.toMatch(/Marketing contacts|Next update|Open requests|Recent activity|Clean up contacts/);
  });

  it("the Home tab's tier button DMs the tier in the user's language", async () => {
    await app.click(HOME_ACTIONS.tier, "tier", USERS.nl, { container: "home" });
    const dm = await eventually(() =>
      app.fake.callsTo("chat.postMessage").find((c) => c.body.channel === `D${USERS.nl}`),
    );
    expect(String(dm.body.text)).toContain("Marketingcontacten: 5.402 van 7.000");
    expect(String(dm.body.text)).not.toContain("Marketing contacts");
  });
});
