// `settings`, a settings change, automation rules, `forecast`, `usage`, `next-update`, `history`
// and webhooks answer a Swedish, Dutch or Polish Slack user in their language (signed HTTP, the
// fake Slack gives their locale and zone), with that language's numbers, money and dates, within
// Slack's limits; a hostile rule name stays plain text; English answers and `--json` data do not change.
import type { KnownBlock } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageSnapshots, users, webhookEndpoints } from "../../src/db/schema.ts";
import { deliverAll } from "../../src/jobs/run-once.ts";
import { runRules } from "../../src/services/rules/index.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { tierkeeperIn } from "../helpers/cli.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits, mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;

const USERS = { sv: "USWEDE", nl: "UDUTCH", pl: "UPOLE" } as const;
const NBSP = "\u00a0";
/** A rule name as someone might type it: markup that must stay text. */
const HOSTILE = "<!everyone> *stale* <@UADMIN2>";
/** What Slack sends for it in a slash command (it escapes <, > and &). */
const asTyped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2_000 } });
  for (const [user, locale, zone] of [
    [USERS.sv, "sv-SE", "Europe/Stockholm"],
    [USERS.nl, "nl-NL", "Europe/Amsterdam"],
    [USERS.pl, "pl-PL", "Europe/Warsaw"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
    await app.env.svc.db.insert(users).values({ accountId: app.accountId, userId: user, role: "admin" });
  }
  await seedContacts(app.env, app.accountId, 1_234, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 3, { prefix: "x" });
  // Ten days of growth, 50 marketing contacts a day, up to today's 1,234.
  await app.env.svc.db.insert(usageSnapshots).values(
    Array.from({ length: 10 }, (_, i) => ({
      accountId: app.accountId,
      day: `2026-05-${String(5 + i).padStart(2, "0")}`,
      marketingCount: 734 + 50 * i,
      pendingCount: 0,
      totalCount: 800 + 50 * i,
      tierLimit: 2_000,
      takenAt: new Date(`2026-05-${String(5 + i).padStart(2, "0")}T23:00:00Z`),
    })),
  );
});

afterAll(async () => {
  await app?.close();
});

interface Answer {
  text: string;
  blocks: KnownBlock[];
  all: string;
  mrkdwn: string[];
}

async function ask(text: string, user: string): Promise<Answer> {
  const r = (await (await app.command(text, user)).response()) as { text: unknown; blocks?: KnownBlock[] };
  const blocks = r.blocks ?? [];
  expectWithinSlackLimits(String(r.text), blocks, "message");
  return { text: String(r.text), blocks, all: JSON.stringify(blocks), mrkdwn: mrkdwnOf(blocks) };
}

const noEnglish = /Settings|changed by|Automation rules|Usage forecast|marketing contacts|already reached|Rule "/;

describe("settings, rules and reports in the user's language", { timeout: 120_000 }, () => {
  it("`settings` in Swedish, Dutch and Polish, with their money and numbers", async () => {
    const sv = await ask("settings", USERS.sv);
    expect(sv.all).toContain('"text":"Inställningar"');
    // The tier with its price in Swedish money format; the setting names stay the grammar.
    expect(sv.all).toMatch(
      new RegExp(`\\*tier\\*\\\\n2${NBSP}000 kontakter \\([\\d${NBSP} ]+,\\d\\d${NBSP}US\\$/månad\\)`),
    );
    expect(sv.all).toContain("*alert-channel*\\ninte angiven — _standard_");
    expect(sv.all).toContain("inom en timme, det som är minst");
    expect(sv.all).toContain("Administratörer ändrar en eller flera på en gång");

    const nl = await ask("settings", USERS.nl);
    expect(nl.all).toContain('"text":"Instellingen"');
    expect(nl.all).toMatch(/\*tier\*\\n2\.000 contacten \(US\$\s[\d.]+,\d\d\/maand\)/);
    expect(nl.all).toContain("*billing-contacts*\\ngeen");

    const pl = await ask("settings", USERS.pl);
    expect(pl.all).toContain('"text":"Ustawienia"');
    expect(pl.all).toMatch(
      new RegExp(`\\*tier\\*\\\\n2${NBSP}000 kontaktów \\([\\d${NBSP}]+,\\d\\d${NBSP}USD/miesiąc\\)`),
    );
    expect(pl.all).toContain("nie ustawiono — _domyślne_");

    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(noEnglish);
  });

  it("a settings change is answered in the language, and `settings` then says who changed it, when", async () => {
    const sv = await ask("settings direct-limit 2500 alert-channel CALERTS", USERS.sv);
    expect(sv.text).toContain(`\`direct-limit\` är nu 2${NBSP}500 (var`);
    expect(sv.text).toContain("`alert-channel` är nu <#CALERTS> (var inte angiven).");

    const nl = await ask("settings direct-limit 3000", USERS.nl);
    expect(nl.text).toContain("`direct-limit` is nu 3.000 (was 2.500).");
    const pl = await ask("settings direct-limit 3000", USERS.pl);
    expect(pl.text).toContain("Nic się nie zmieniło: każde podane ustawienie miało już tę wartość.");

    const shown = await ask("settings", USERS.pl);
    // Changed by the Dutch admin, on a Polish date ("pt., 15 maja 2026 16:00 CEST" or as Intl writes it).
    expect(shown.all).toMatch(/\*direct-limit\*\\n3\u00a0000 — _zmienił\(a\) <@UDUTCH>, [^_]*2026[^_]*_/);
    expect(shown.all).toContain("maja 2026");
  });

  it("a rule created and listed in each language; its hostile name stays text", async () => {
    const name = asTyped(HOSTILE);
    const added = await ask(`rules add "${name}" when email contains "m0000" then non-marketing`, USERS.sv);
    expect(added.text).toContain("Regeln ”");
    expect(added.text).toContain("tillagd: när email contains");
    expect(added.text).toContain("Den körs på nya och ändrade kontakter och enligt schema");
    const listedNl = await ask("rules", USERS.nl);
    expect(listedNl.all).toContain('"text":"Automatiseringsregels"');
    expect(listedNl.all).toContain("dan niet-marketing — aan");
    const listedPl = await ask("rules", USERS.pl);
    expect(listedPl.all).toContain('"text":"Reguły automatyzacji"');
    expect(listedPl.all).toContain("oznacz jako niemarketingowe — włączona");
    for (const a of [added, listedNl, listedPl]) {
      for (const m of a.mrkdwn) expect(unsafeMarkup(m)).toBeNull();
      // The name as typed, escaped: no broadcast, no mention.
      expect(a.all).toContain("&lt;!everyone&gt;");
      expect(a.all).toContain("&lt;@UADMIN2&gt;");
      expect(a.all).not.toContain("<@UADMIN2>");
      expect(a.all).not.toMatch(noEnglish);
    }

    const test = await ask(`rules test "${name}"`, USERS.pl);
    expect(test.text).toContain(
      "oznaczyłaby teraz 9 kontaktów jako niemarketingowe (pozostaną marketingowe do najbliższej daty aktualizacji).",
    );
    const off = await ask(`rules disable "${name}"`, USERS.nl);
    expect(off.text).toContain("’ uitgezet.");
  });

  it("a rule over the direct-change limit waits, and says why in the language", async () => {
    await ask("settings direct-limit 100", USERS.sv);
    const sv = await ask('rules add "Alla m" when email contains "m0" then non-marketing', USERS.sv);
    expect(sv.text).toContain("Den körs inte än: väntar på godkännande för att starta: den skulle ändra 1");
    expect(sv.text).toContain("kontakter till icke-marknadsföring, fler än gränsen för direkta ändringar på 100");
    const pl = await ask("rules", USERS.pl);
    expect(pl.all).toMatch(
      /„Alla m”: gdy [^—]+— wstrzymana \(czeka na zatwierdzenie, aby wystartować: oznaczyłaby 1\u00a0\d{3} kontakt/,
    );
    expect(pl.all).toMatch(/; żądanie R-?\w+\)/);
  });

  it("`forecast` in Swedish, Dutch and Polish, with dates in the language", async () => {
    const sv = await ask("forecast", USERS.sv);
    expect(sv.all).toContain('"text":"Användningsprognos"');
    expect(sv.text).toContain(`Nu: 1${NBSP}234 av 2${NBSP}000 marknadsföringskontakter (61,7${NBSP}%).`);
    expect(sv.text).toMatch(
      /Senaste tidens ökning: \+50 marknadsföringskontakter om dagen \(minsta kvadratmetoden över 11 dagar\)/,
    );
    expect(sv.text).toMatch(new RegExp(`75${NBSP}% \\(1${NBSP}500\\): \\S+ \\d+ maj 2026 \\(om 6 dagar\\)`));

    const nl = await ask("forecast", USERS.nl);
    expect(nl.text).toContain("Nu: 1.234 van 2.000 marketingcontacten (61,7%).");
    expect(nl.text).toMatch(/90% \(1\.800\): \S+ \d+ mei 2026 \(over 12 dagen\)/);

    const pl = await ask("forecast", USERS.pl);
    expect(pl.text).toContain(`Teraz: 1${NBSP}234 z 2${NBSP}000 kontaktów marketingowych (61,7%).`);
    expect(pl.text).toMatch(/\(za \d+ dni\)/);
    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(noEnglish);
  });

  it("`usage`, `next-update` and `history` in the language", async () => {
    const usage = await ask("usage", USERS.nl);
    expect(usage.all).toMatch(/"text":"Gebruik \d+ \S+ 2026 t\/m 15 mei 2026"/);
    expect(usage.text).toContain("nu 1.234 van 2.000 (61,7%)");
    expect(usage.text).toContain("14 mei 2026: 1.184 van 2.000 (59,2%)");

    const next = await ask("next-update", USERS.sv);
    expect(next.text).toMatch(/^Nästa uppdatering är .+: \d+ kontakt(er)? blir icke-marknadsföring, och kvar blir/);

    const history = await ask("history", USERS.pl);
    expect(history.all).toContain('"text":"Historia"');
    expect(history.all).toMatch(/ — <@U[A-Z]+>/);
    for (const m of history.mrkdwn) expect(unsafeMarkup(m)).toBeNull();
  });

  it("webhooks and API keys answer in the language", async () => {
    const none = await ask("settings webhook list", USERS.sv);
    expect(none.text).toContain(
      "Det finns inga webhooks. Lägg till en med `settings webhook add &lt;https-url&gt; [events]`; händelser: contact.status_changed,",
    );
    // A failing endpoint (one from before the error was kept as data: only its English sentence).
    await app.env.svc.db.insert(webhookEndpoints).values({
      accountId: app.accountId,
      url: "https://hooks.example.com/<!here>",
      events: [],
      secret: "whsec_test",
      createdBy: "UADMIN1",
      createdAt: new Date("2026-05-10T10:00:00Z"),
      failingSince: new Date("2026-05-14T10:00:00Z"),
      attempts: 1_234,
      lastError: "answered 503",
    });
    const listed = await ask("settings webhook list", USERS.pl);
    expect(listed.all).toContain('"text":"Webhooki"');
    expect(listed.text).toMatch(
      new RegExp(`\\(każdą zmianę\\): błędy od .+ \\(1${NBSP}234 próby; ostatni: odpowiedź 503\\); ponawiany`),
    );
    for (const m of listed.mrkdwn) expect(unsafeMarkup(m)).toBeNull();
    const keys = await ask("settings api-key list", USERS.pl);
    expect(keys.text).toContain("Nie ma kluczy API do przyjmowania kontaktów.");
  });

  it("English answers stay English, word for word", async () => {
    const settings = await ask("settings", "UADMIN1");
    expect(settings.all).toContain('"text":"Settings"');
    expect(settings.all).toContain("*tier*\\n2,000 contacts (");
    const rules = await ask("rules", "UADMIN1");
    expect(rules.all).toContain('"text":"Automation rules"');
    expect(rules.all).toContain("paused (waiting for approval to start: it would set 1,");
    const forecast = await ask("forecast", "UADMIN1");
    expect(forecast.text).toContain("Now: 1,234 of 2,000 marketing contacts (61.7 %).");
  });

  it("a rule paused because its owner lost access: the approvals channel reads why in the account's language", async () => {
    await ask("settings language pl", "UADMIN1");
    await ask('rules add "VIP" when email contains "vip" then marketing', USERS.nl);
    await ask(`access revoke ${USERS.nl}`, "UADMIN1");
    await seedContacts(app.env, app.accountId, 2, { prefix: "vip" });
    await runRules(app.env.svc);
    await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
    const post = app.fake
      .callsTo("chat.postMessage")
      .find((c) => c.body.channel === "CAPPROVALS" && String(c.body.text).includes("VIP"));
    expect(String(post?.body.text)).toContain(
      `Reguła automatyzacji „VIP” (oznacz jako marketingowe, gdy email contains vip) jest wstrzymana: jej właściciel <@${USERS.nl}> nie ma już dostępu do kontaktów marketingowych.`,
    );
    // The listing reads it in the user's language too.
    const listed = await ask("rules", USERS.sv);
    expect(listed.all).toContain(
      `pausad (dess ägare <@${USERS.nl}> har inte längre behörighet till marknadsföringskontakter)`,
    );
    await ask("settings language en", "UADMIN1");
  });

  it("`--json` data is the same in every language", async () => {
    for (const command of ["settings", "rules", "forecast", "usage", "history"]) {
      const json = async (locale: string) => {
        const out = await tierkeeperIn(app.env.svc, "run", command, "--user", "UADMIN1", "--json", "--locale", locale);
        return (JSON.parse(out.out) as { data: unknown }).data;
      };
      const en = await json("en");
      expect(await json("sv")).toEqual(en);
      expect(await json("pl")).toEqual(en);
    }
  });
});
