// `set`, `bulk` run directly, `requests`, the list commands and refusals answer a Swedish, Dutch or
// Polish Slack user in their language, with that language's numbers (5 414, 5.416) and dates,
// within Slack's limits, with list names people typed shown and never obeyed; English users get
// the English answers as before, and `--json` data is the same in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { APPROVE_ACTION } from "../../src/commands/requests-view.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits, mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;

const USERS = { sv: "USWEDE", nl: "UDUTCH", pl: "UPOLE" } as const;
const NBSP = "\u00a0";
const HOSTILE_LIST = "<!channel> <https://evil.example|Approve here>";
/** Text as Slack sends what people type in a slash command: `&`, `<`, `>` escaped. */
const asTyped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 10_000, directLimit: 10 } });
  for (const [user, locale, zone] of [
    ["USWEDE", "sv-SE", "Europe/Stockholm"],
    ["UDUTCH", "nl-NL", "Europe/Amsterdam"],
    ["UPOLE", "pl-PL", "Europe/Warsaw"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  await seedContacts(app.env, app.accountId, 5_399, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 15, { marketing: true, bounced: true, prefix: "b" });
  await seedContacts(app.env, app.accountId, 100, { prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string }[];
}

interface Said {
  text: string;
  blocks: Block[];
  /** The blocks as JSON, and the text: everything the user sees. */
  all: string;
}

function within(body: { text?: unknown; blocks?: unknown }): Said {
  const text = String(body.text);
  const blocks = (body.blocks ?? []) as Block[];
  expectWithinSlackLimits(text, blocks, "message");
  // Nothing a user typed became markup: only our mentions and channels are left in `<…>`.
  for (const t of [text, ...mrkdwnOf(blocks as Parameters<typeof mrkdwnOf>[0])]) expect(unsafeMarkup(t), t).toBeNull();
  return { text, blocks, all: `${text}\n${JSON.stringify(blocks)}` };
}

const ask = async (text: string, user: string): Promise<Said> =>
  within((await (await app.command(text, user)).response()) as { text?: unknown; blocks?: unknown });

/** What `tierkeeper run … --json --locale <locale>` prints as data. */
async function jsonData(text: string, locale: string): Promise<unknown> {
  const out: string[] = [];
  const ctx: CliContext = {
    io: { out: (t) => out.push(t), err: () => {}, isTTY: false },
    cwd: process.cwd(),
    withServices: (fn) => fn(app.env.svc),
    setExitCode: () => {},
  };
  await runProgram(["run", text, "--user", "UADMIN1", "--json", "--locale", locale], ctx);
  return (JSON.parse(out.join("\n")) as { data: unknown }).data;
}

const ENGLISH =
  /Marketing contacts|stays marketing|nothing changed|Open requests|contacts access|Only admins|No contact/;

describe("commands in the user's language", { timeout: 60_000 }, () => {
  it("a direct `set` of a few contacts, in Swedish, Dutch and Polish", async () => {
    const sv = await ask("set non-marketing m00001@test.io m00002@test.io n00001@test.io", USERS.sv);
    expect(sv.all).toContain(
      "m00001@test.io: förblir marknadsföringskontakt till nästa uppdateringsdatum och blir sedan icke-marknadsföring:",
    );
    expect(sv.all).toContain("n00001@test.io: redan icke-marknadsföring; inget ändrades.");
    expect(sv.all).toContain(`Marknadsföringskontakter: 5${NBSP}414 av 10${NBSP}000.`);
    // The update date in Swedish: "mån 1 juni 2026 …".
    expect(sv.all).toMatch(/icke-marknadsföring: (mån|tis|ons|tors|fre|lör|sön) \d{1,2} (maj|juni) 2026/);

    const nl = await ask("set marketing n00002@test.io n00003@test.io m00003@test.io", USERS.nl);
    expect(nl.all).toContain("n00002@test.io: nu een marketingcontact.");
    expect(nl.all).toContain("m00003@test.io: al een marketingcontact; er is niets gewijzigd.");
    expect(nl.all).toContain("Marketingcontacten: 5.416 van 10.000.");

    const pl = await ask("set non-marketing m00001@test.io", USERS.pl);
    expect(pl.all).toContain("m00001@test.io: już ma stać się niemarketingowy");
    expect(pl.all).toContain("nic się nie zmieniło.");
    expect(pl.all).toContain(`Kontakty marketingowe: 5${NBSP}416 z 10${NBSP}000.`);

    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(ENGLISH);
  });

  it("`set` past the direct-change limit becomes a request, said in Polish with its plural", async () => {
    const emails = Array.from({ length: 12 }, (_, i) => `n${String(i + 10).padStart(5, "0")}@test.io`).join(" ");
    const pl = await ask(`set marketing ${emails}`, USERS.pl);
    expect(pl.all).toMatch(
      /12 kontaktów to więcej niż limit zmian bezpośrednich, więc wymaga to zatwierdzenia: wniosek R/,
    );
    expect(pl.all).toContain("*Liczba kontaktów marketingowych*");
    expect(pl.all).not.toMatch(ENGLISH);
  });

  it("`bulk` that runs at once (within the limit) answers in Swedish", async () => {
    const sv = await ask("bulk non-marketing m00010@test.io m00011@test.io", USERS.sv);
    expect(sv.all).toMatch(
      /2 kontakter ändrades till icke-marknadsföring: de förblir marknadsföringskontakter till (mån|tis|ons|tors|fre|lör|sön) /,
    );
    const nl = await ask("bulk non-marketing m00012@test.io", USERS.nl);
    expect(nl.all).toContain("1 contact niet-marketing gemaakt: ze blijven marketing tot");
  });

  it("list commands in Polish, Dutch and Swedish, a hostile list name shown and never obeyed", async () => {
    const created = await ask(`list create "${asTyped(HOSTILE_LIST)}"`, USERS.pl);
    expect(created.all).toContain("Utworzono listę „&lt;!channel&gt; &lt;https://evil.example|Approve here&gt;”.");

    const added = await ask(
      `list add "${asTyped(HOSTILE_LIST)}" n00030@test.io n00031@test.io n00032@test.io`,
      USERS.pl,
    );
    expect(added.all).toContain("Dodano 3 kontakty do listy „&lt;!channel&gt;");

    const nl = await ask("lists", USERS.nl);
    expect(nl.all).toContain('"text":"Lijsten"');
    expect(nl.all).toContain("• &lt;!channel&gt; &lt;https://evil.example|Approve here&gt; — 3 contacten");

    const none = await ask("lists Wiosna", USERS.sv);
    expect(none.all).toContain("Ingen lista har ”Wiosna” i namnet.");

    const twice = await ask(`list create "${asTyped(HOSTILE_LIST)}"`, USERS.sv);
    expect(twice.all).toContain("Det finns redan en lista som heter ”&lt;!channel&gt;");
    const missing = await ask('list add "Höst" m00001@test.io', USERS.sv);
    expect(missing.all).toContain('Det finns ingen lista ”Höst”. Skapa den med `list create "Höst"`.');

    for (const a of [created, added, nl, none, twice, missing]) expect(a.all).not.toMatch(ENGLISH);
  });

  it("`requests` lists the open requests in Swedish, Dutch and Polish, the typed selector inert", async () => {
    await ask("bulk non-marketing unengaged", "UADMIN1");
    await ask(`bulk marketing list:"${asTyped(HOSTILE_LIST)}"`, USERS.nl);

    const sv = await ask("requests", USERS.sv);
    expect(sv.all).toContain('"text":"Öppna begäranden"');
    expect(sv.all).toMatch(/ändra 15 kontakter till icke-marknadsföring \(.*?\) — öppen, begärd av <@UADMIN1>/);
    expect(sv.all).toMatch(/ändra 12 kontakter till marknadsföring \(.*?\) — öppen, begärd av <@UPOLE>/);
    expect(sv.all).toContain("&lt;!channel&gt; &lt;https://evil.example|Approve here&gt;");

    const nl = await ask("requests", USERS.nl);
    expect(nl.all).toContain('"text":"Openstaande verzoeken"');
    expect(nl.all).toMatch(/15 contacten niet-marketing maken \(.*?\) — open, aangevraagd door <@UADMIN1>/);

    const pl = await ask("requests", USERS.pl);
    expect(pl.all).toContain('"text":"Otwarte wnioski"');
    expect(pl.all).toMatch(/zmiana 3 kontaktów na marketingowe \(.*?\) — otwarty, złożony przez <@UDUTCH>/);

    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(ENGLISH);
    expect((await ask("requests", "UADMIN1")).all).toContain('"text":"Open requests"');
  });

  it("a non-admin approving is refused in their language, typed or clicked; English as before", async () => {
    const en = await ask("requests", "UADMIN1");
    const id = /\*(R[A-Z0-9]{4,})\* — set 15 contacts non-marketing/.exec(en.text)?.[1] as string;
    expect(id).toBeDefined();

    const pl = await ask(`approve ${id}`, USERS.pl);
    expect(pl.all).toContain(":warning: Tylko administratorzy mogą zatwierdzać lub odrzucać zmiany zbiorcze.");

    const sv = await ask(`reject ${id}`, USERS.sv);
    expect(sv.all).toContain("Bara en administratör eller den som gjorde begäran kan avslå den.");

    const clicked = (await (await app.click(APPROVE_ACTION, id, USERS.nl)).response()) as { text?: unknown };
    expect(String(clicked.text)).toContain(
      ":no_entry: Alleen beheerders kunnen bulkwijzigingen goedkeuren of afwijzen.",
    );

    const member = await ask(`approve ${id}`, "UMEMBER1");
    expect(member.all).toContain("Only admins can approve or reject bulk changes.");

    const pld = await ask("tier downgrade 5000", USERS.pl);
    expect(pld.all).toContain("Tylko administratorzy mogą to zrobić. Poproś administratora tego obszaru roboczego.");
  });

  it("an unknown email is refused in the user's language, with the count of the rest", async () => {
    const sv = await ask("status nobody@nowhere.io", USERS.sv);
    expect(sv.all).toContain(
      "Det finns ingen kontakt med e-postadressen nobody@nowhere.io i det här kontot, så inget ändrades.",
    );
    const unknown = Array.from({ length: 7 }, (_, i) => `x${i}@nowhere.io`).join(" ");
    const nl = await ask(`set non-marketing ${unknown}`, USERS.nl);
    expect(nl.all).toContain(
      "Er is geen contact met het e-mailadres x0@nowhere.io, x1@nowhere.io, x2@nowhere.io, x3@nowhere.io, x4@nowhere.io en nog 2 in dit account",
    );
    const pl = await ask("can-market nobody@nowhere.io", USERS.pl);
    expect(pl.all).toContain("Na tym koncie nie ma kontaktu z adresem e-mail nobody@nowhere.io");
    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(ENGLISH);

    const en = await ask("status nobody@nowhere.io", "UADMIN1");
    expect(en.all).toContain(
      "No contact with the email nobody@nowhere.io in this account, so nothing was changed. Check the spelling, or import the contact first.",
    );
  });

  it("a filter the user got wrong is explained in their language, the usage after it", async () => {
    const nl = await ask('bulk non-marketing where colour = "<!here>"', USERS.nl);
    expect(nl.all).toContain("‘colour’ is geen veld waarop ik kan filteren; de velden zijn");
    const sv = await ask("bulk non-marketing where domain = acme.com and", USERS.sv);
    expect(sv.all).toContain("Filtret slutar med `and`; lägg till ett villkor till.");
    const pl = await ask("bulk non-marketing where domain = a or domain = b", USERS.pl);
    expect(pl.all).toContain("Warunki można łączyć tylko przez `and`; `or` nie jest jeszcze obsługiwane.");
    const en = await ask("bulk non-marketing where colour = red", "UADMIN1");
    expect(en.all).toContain('"colour" isn\'t a field I can filter on; fields are');
  });

  it("`--json` data is the same in every language", async () => {
    for (const text of [
      "requests",
      "lists",
      "status nobody@nowhere.io",
      "approve RNOPE1",
      "bulk marketing where x = 1",
    ]) {
      const en = await jsonData(text, "en");
      for (const locale of ["sv", "nl", "pl"]) expect(await jsonData(text, locale), `${text} ${locale}`).toEqual(en);
    }
    expect(JSON.stringify(await jsonData("status nobody@nowhere.io", "pl"))).toContain("No contact with the email");
  });
});
