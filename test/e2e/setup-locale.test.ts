// The setup modal in the user's Slack language over signed HTTP: a Swedish, a Dutch and a Polish
// admin open `/contacts setup`, get every label, option, hint and placeholder in their language
// (numbers and money the language's way, within Slack's modal limits), see a bad value's error in
// place in their language, and after saving read the answer in it. Then a few settings, rules,
// webhook and API-key refusals, and the usage shown with a parse error, in those languages.
// English is setup.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/commands/i18n/format.ts";
import { CATALOGS, message } from "../../src/commands/i18n/messages.ts";
import { plain } from "../../src/commands/rich.ts";
import { users } from "../../src/db/schema.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { SETUP_VIEW } from "../../src/slack/setup.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { MODAL_LIMITS, modalProblems, viewTexts } from "../helpers/modal-limits.ts";
import { seedContacts } from "../helpers/services.ts";
import { blockOf, setupValues, type View } from "../helpers/setup-modal.ts";
import { unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;
const NBSP = "\u00a0";
/** Intl groups Polish and Swedish thousands with a no-break space (narrow in some ICU versions). */
const SPACE = `[${NBSP}\u202f]`;

beforeAll(async () => {
  app = await startTestApp({
    now: "2026-05-15T14:00:00Z",
    approvalsChannel: null,
    account: { createdAt: "2026-05-15T13:00:00Z" },
  });
  await app.env.svc.db.insert(users).values({
    accountId: app.accountId,
    userId: "UADMIN3",
    role: "admin",
    createdAt: new Date("2026-05-01T00:00:00Z"),
  });
  for (const [user, locale, zone] of [
    ["UADMIN1", "sv-SE", "Europe/Stockholm"],
    ["UADMIN2", "nl-NL", "Europe/Amsterdam"],
    ["UADMIN3", "pl-PL", "Europe/Warsaw"],
    ["UMEMBER1", "sv-SE", "Europe/Stockholm"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  await seedContacts(app.env, app.accountId, 1500, { marketing: true, prefix: "m" });
});

afterAll(async () => {
  await app?.close();
});

/** A submission with a bad value in every field a user can get wrong. */
const BAD = {
  plan: "enterprise",
  tier: "15000",
  term: "monthly",
  start: "2026-02-30",
  timezone: "Mars/<!here>",
  alerts: null,
  approvals: "CAPPROVALS",
  billing: ["UBILL1", "not-a-user"],
  reminders: [3, 1],
};

const GOOD = {
  plan: "enterprise",
  tier: "20000",
  term: "monthly",
  start: "2026-03-15",
  timezone: "Europe/Berlin",
  alerts: "CALERTS",
  approvals: "CAPPROVALS",
  billing: ["UBILL1"],
  reminders: [7, 2],
};

/** English the modal must not show in another language (its labels, hints, options and buttons). */
const ENGLISH_VIEW =
  /Contact tier|Billing term|Contract start|Billing time zone|Channel for|Billing contacts|Reminders before|Choose a|Choose people|days? before|Save\b|Cancel|contacts —|\/month|Saving applies|Tell tierkeeper|These are tierkeeper|Monthly|Annual|None\b/;
/** English the errors beside the fields must not show. */
const ENGLISH_ERRORS = /is not a tier|isn't|Choose the|couldn't|real calendar|Give the/;

async function openSetup(user: string): Promise<{ view: View; response: () => Promise<Record<string, unknown>> }> {
  const before = app.fake.callsTo("views.open").length;
  const cmd = await app.command("setup", user);
  const view = (await eventually(() => app.fake.callsTo("views.open")[before])).body.view as View;
  return { view, response: cmd.response };
}

function checkView(view: View): string {
  expect(view.callback_id).toBe(SETUP_VIEW);
  expect(modalProblems(view as unknown as Record<string, unknown>)).toEqual([]);
  const texts = viewTexts(view as unknown as Record<string, unknown>).join("\n");
  expect(texts).not.toMatch(ENGLISH_VIEW);
  return texts;
}

function checkErrors(errors: Record<string, string>): string {
  for (const [block, text] of Object.entries(errors)) {
    expect(text, block).not.toMatch(ENGLISH_ERRORS);
    expect(text, block).not.toMatch(/[{}]|undefined|NaN/);
    expect(text.length, block).toBeLessThanOrEqual(LIMITS.sectionText);
  }
  expect(Object.keys(errors).sort()).toEqual(
    ["alert_channel", "billing_contacts", "start", "tier_enterprise", "timezone"].sort(),
  );
  return Object.values(errors).join("\n");
}

describe("the setup modal's short words fit Slack's limits in every language", () => {
  // Where each short message goes; the longer ones (sections, hints, errors) are checked in the views below.
  const PLACE = {
    "setupModal.title": MODAL_LIMITS.title,
    "setupModal.save": MODAL_LIMITS.submit,
    "setupModal.cancel": MODAL_LIMITS.close,
    "setupModal.close": MODAL_LIMITS.close,
    "setupModal.termAnnual": MODAL_LIMITS.optionText,
    "setupModal.termAnnualHint": MODAL_LIMITS.optionText,
    "setupModal.termMonthly": MODAL_LIMITS.optionText,
    "setupModal.termMonthlyHint": MODAL_LIMITS.optionText,
    "setupModal.reminderDay": MODAL_LIMITS.optionText,
    "setupModal.tierOption": MODAL_LIMITS.optionText,
    "setupModal.tierChoose": MODAL_LIMITS.placeholder,
    "setupModal.channelChoose": MODAL_LIMITS.placeholder,
    "setupModal.billingChoose": MODAL_LIMITS.placeholder,
    "setupModal.remindersNone": MODAL_LIMITS.placeholder,
  } as const;

  it.each(Object.keys(CATALOGS) as Locale[])("%s: every short message at its place's limit", (locale) => {
    const over: string[] = [];
    for (const [key, max] of Object.entries(PLACE) as [keyof typeof PLACE, number][]) {
      for (const args of [
        { configured: "yes", days: 28, limit: 10_000_000, monthly: "$123,456,789.00" },
        { configured: "no", days: 1, limit: 1000, monthly: "$1.00" },
      ]) {
        const text = plain(message(locale, key, args));
        if (text.length > max) over.push(`${key} (${text.length} > ${max}): ${text}`);
      }
    }
    expect(over).toEqual([]);
  });
});

describe("the setup modal in Swedish, Dutch and Polish", { timeout: 90_000 }, () => {
  it("a Swedish admin: the modal, its errors in place and the answer after the first setup", async () => {
    const { view, response } = await openSetup("UADMIN1");
    expect(view.title?.text).toBe("Konfigurera tierkeeper");
    const texts = checkView(view);
    expect(texts).toContain("Kontaktpaket: de marknadsföringskontakter ni betalar för");
    expect(texts).toContain("Påminnelser före varje uppdateringsdatum");
    expect(texts).toContain("Välj en kanal");
    expect(texts).toMatch(new RegExp(`1${SPACE}500 marknadsföringskontakter`));
    const tier = blockOf(view, "tier_professional");
    expect(tier.element.options[0].text.text).toMatch(
      new RegExp(`^2${SPACE}000 kontakter – 800,00${SPACE}US\\$/månad$`),
    );
    expect(blockOf(view, "reminders").element.options[0].text.text).toBe("1 dag före");
    expect(blockOf(view, "reminders").element.options[6].text.text).toBe("7 dagar före");
    expect(blockOf(view, "term").element.options.map((o: { text: { text: string } }) => o.text.text)).toEqual([
      "Månadsvis",
      "Årsvis",
    ]);
    expect(view.blocks.at(-1)?.type).toBe("context");
    expect(JSON.stringify(view.blocks.at(-1))).toContain("godkännandekanalen");

    const bad = await app.submit(SETUP_VIEW, view.private_metadata ?? "", setupValues(BAD), "UADMIN1");
    expect(bad.json).toMatchObject({ response_action: "errors" });
    const errors = (bad.json as { errors: Record<string, string> }).errors;
    const all = checkErrors(errors);
    expect(errors.tier_enterprise).toMatch(new RegExp(`^15${SPACE}000 är inget paket i planen enterprise\\.`));
    expect(errors.tier_enterprise).toContain(`Dess paket som rymmer era 1${NBSP}500 marknadsföringskontakter är`);
    expect(errors.timezone).toBe(
      "”Mars/<!here>” är ingen tidszon jag känner till; använd ett IANA-namn som America/New_York.",
    );
    expect(errors.alert_channel).toBe("Välj kanalen för paketvarningar.");
    expect(errors.billing_contacts).toContain("”not-a-user” är ingen Slack-användare");
    expect(errors.start).toBe("Det är inget datum jag kan läsa; välj avtalets start i kalendern.");
    // Errors are plain text in Slack (never mrkdwn): the typed mention is shown, not parsed.
    expect(all).toContain("<!here>");

    const good = await app.submit(SETUP_VIEW, view.private_metadata ?? "", setupValues(GOOD), "UADMIN1");
    expect(good.json).toBeNull();
    const answer = String((await response()).text);
    expect(answer).toContain("tierkeeper är konfigurerat.");
    expect(answer).toMatch(
      new RegExp(`Paketet är nu 20${SPACE}000 kontakter i planen enterprise, 3${SPACE}700,00${SPACE}US\\$/månad`),
    );
    expect(answer).toContain("`reminders` är nu 7d,2d (var 3d,1d).");
    expect(answer).toContain("En anteckning om vad tierkeeper kommer att göra är på väg till <#CAPPROVALS>.");
    expect(answer).not.toMatch(/is set up|Settings saved|on its way|is now/);
    expect(unsafeMarkup(answer)).toBeNull();
  });

  it("a Dutch admin: the settings modal, the same bad values and the answer after saving again", async () => {
    const { view, response } = await openSetup("UADMIN2");
    expect(view.title?.text).toBe("Instellingen tierkeeper");
    const texts = checkView(view);
    expect(texts).toContain("Dit zijn de instellingen van tierkeeper.");
    expect(texts).toContain("Kanaal voor goedkeuringen");
    expect(texts).toContain("Meldingen bij 75%, 90% en 98% van het pakket");
    const tier = blockOf(view, "tier_enterprise");
    expect(tier.element.initial_option.text.text).toMatch(/^20\.000 contacten – US\$\s?3\.700,00\/maand$/);

    const bad = await app.submit(SETUP_VIEW, view.private_metadata ?? "", setupValues(BAD), "UADMIN2");
    const errors = (bad.json as { errors: Record<string, string> }).errors;
    checkErrors(errors);
    expect(errors.tier_enterprise).toMatch(/^15\.000 is geen pakket van het enterprise-abonnement\./);
    expect(errors.tier_enterprise).toContain("10.000, 20.000, 30.000, 40.000, …");
    expect(errors.alert_channel).toBe("Kies het kanaal voor pakketmeldingen.");
    expect(errors.billing_contacts).toContain("‘not-a-user’ is geen Slack-gebruiker");

    const good = await app.submit(
      SETUP_VIEW,
      view.private_metadata ?? "",
      setupValues({ ...GOOD, reminders: [3], timezone: "Europe/Amsterdam" }),
      "UADMIN2",
    );
    expect(good.json).toBeNull();
    const answer = String((await response()).text);
    expect(answer).toContain("Instellingen opgeslagen.");
    expect(answer).toContain("`timezone` is nu Europe/Amsterdam (was Europe/Berlin).");
    expect(answer).not.toContain("onderweg naar");
    expect(answer).not.toMatch(/Settings saved|is now/);
  });

  it("a Polish admin: Polish plurals and numbers, a tier below the count refused in Polish", async () => {
    const { view, response } = await openSetup("UADMIN3");
    expect(view.title?.text).toBe("Ustawienia tierkeeper");
    const texts = checkView(view);
    expect(texts).toMatch(new RegExp(`Masz dziś \\*1${SPACE}500 kontaktów marketingowych\\*`));
    expect(blockOf(view, "reminders").element.options.map((o: { text: { text: string } }) => o.text.text)).toEqual(
      expect.arrayContaining(["1 dzień przed", "2 dni przed", "5 dni przed", "22 dni przed"]),
    );
    expect(blockOf(view, "billing_contacts").element.placeholder.text).toBe("Wybierz osoby");

    const bad = await app.submit(SETUP_VIEW, view.private_metadata ?? "", setupValues(BAD), "UADMIN3");
    const errors = (bad.json as { errors: Record<string, string> }).errors;
    checkErrors(errors);
    expect(errors.tier_enterprise).toMatch(new RegExp(`^15${SPACE}000 nie jest pakietem planu enterprise\\.`));
    expect(errors.alert_channel).toBe("Wybierz kanał alertów o pakiecie.");

    // A tier that no longer holds today's count, refused beside the tier.
    const small = await app.submit(
      SETUP_VIEW,
      view.private_metadata ?? "",
      setupValues({ ...GOOD, plan: "starter", tier: "1000" }),
      "UADMIN3",
    );
    expect((small.json as { errors: Record<string, string> }).errors.tier_starter).toMatch(
      new RegExp(
        `^Konto ma 1${SPACE}500 kontaktów marketingowych, więcej niż 1${SPACE}000\\. Najmniejszy pakiet planu starter`,
      ),
    );

    const good = await app.submit(SETUP_VIEW, view.private_metadata ?? "", setupValues(GOOD), "UADMIN3");
    expect(good.json).toBeNull();
    const answer = String((await response()).text);
    expect(answer.startsWith("Ustawienia zapisane.\n")).toBe(true);
    expect(answer).toContain("Europe/Berlin");
    expect(answer).not.toMatch(/Settings saved|is now|was /);
  });

  it("a Swedish member is told in Swedish that only admins set tierkeeper up", async () => {
    const { view } = await openSetup("UMEMBER1");
    expect(view.callback_id).toBeUndefined();
    expect(modalProblems(view as unknown as Record<string, unknown>)).toEqual([]);
    expect(view.title?.text).toBe("tierkeeper-inställningar");
    const texts = viewTexts(view as unknown as Record<string, unknown>).join("\n");
    expect(texts).toContain("Bara administratörer kan konfigurera tierkeeper");
    expect(texts).toContain("Stäng");
    expect(texts).not.toMatch(/Only admins|Close/);
  });
});

describe("settings, rules, webhook and API-key refusals, and the usage with a parse error", { timeout: 90_000 }, () => {
  const say = async (text: string, user: string) => {
    const r = await app.command(text, user);
    const body = await r.response();
    return String(body.text);
  };

  it("Swedish: a tier that isn't the plan's and a time zone that doesn't exist, with the usage in Swedish", async () => {
    const tier = await say("settings tier 15000", "UADMIN1");
    expect(tier).toMatch(new RegExp(`15${SPACE}000 är inget paket i planen enterprise\\.`));
    const zone = await say("settings timezone Mars/Olympus", "UADMIN1");
    expect(zone).toContain("”Mars/Olympus” är ingen tidszon jag känner till");
    // The usage shown with it is the settings help in Swedish, commands as typed in English.
    expect(zone).toContain("Inställningar (administratörer)");
    expect(zone).toContain("`/contacts settings");
    expect(zone).not.toMatch(/isn't a time zone|Usage|Settings \(admins\)/);
  });

  it("Dutch: a rule named twice, a webhook URL that isn't https and a scope that doesn't exist", async () => {
    await say('rules add "Oud" when email contains old then non-marketing', "UADMIN2");
    const twice = await say('rules add "Oud" when email contains older then non-marketing', "UADMIN2");
    expect(twice).toContain("Er bestaat al een regel met de naam ‘Oud’; verwijder die eerst of kies een andere naam.");
    const hook = await say("settings webhook add ftp://hooks.example.com/x", "UADMIN2");
    expect(hook).toContain("Webhook-URL's moeten met https:// beginnen.");
    const scope = await say("settings api-key create contacts:delete", "UADMIN2");
    expect(scope).toContain("contacts:delete is geen bevoegdheid.");
    expect(scope).toContain("Instellingen (beheerders)");
    expect(`${twice}\n${hook}\n${scope}`).not.toMatch(/already exists|must start|is not a scope/);
  });

  it("Polish: a value given twice and an unknown event; a command the grammar can't read keeps its error but the usage is Polish", async () => {
    const twice = await say("settings spike-min 10 spike-min 20", "UADMIN3");
    expect(twice).toContain("`spike-min` podano dwa razy; podaj każde ustawienie raz.");
    const event = await say("settings webhook add https://hooks.example.com/x contact.exploded", "UADMIN3");
    expect(event).toMatch(/contact\.exploded nie jest zdarzeniem\. Zdarzenia: /);
    const days = await say("settings reminders 40d", "UADMIN3");
    expect(days).toContain(
      "Przypomnienia przypadają od 1 do 28 dni przed datą aktualizacji; 40 jest poza tym zakresem.",
    );
    expect(days).toContain("Ustawienia (administratorzy)");
  });
});
