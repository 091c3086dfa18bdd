// `tier` and `status <email>` answer a Swedish, Dutch or Polish Slack user in their language, with
// that language's numbers (5 402, 5.402), within Slack's limits; English users get the English
// answer as before, `--json` data stays language-neutral, and a terminal answers in --locale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits } from "../helpers/slack-markup.ts";

let app: TestApp;

const USERS = { sv: "USWEDE", nl: "UDUTCH", pl: "UPOLE" } as const;

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 10_000 } });
  for (const [user, locale, zone] of [
    ["USWEDE", "sv-SE", "Europe/Stockholm"],
    ["UDUTCH", "nl-NL", "Europe/Amsterdam"],
    ["UPOLE", "pl-PL", "Europe/Warsaw"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  await seedContacts(app.env, app.accountId, 5_399, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 3, { pendingSince: new Date("2026-05-10T10:00:00Z"), prefix: "p" });
  await seedContacts(app.env, app.accountId, 2, { bounced: true, prefix: "b" });
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

async function ask(text: string, user: string): Promise<{ text: string; blocks: Block[]; all: string }> {
  const r = (await (await app.command(text, user)).response()) as { text: unknown; blocks?: Block[] };
  const blocks = r.blocks ?? [];
  expectWithinSlackLimits(String(r.text), blocks, "message");
  return { text: String(r.text), blocks, all: JSON.stringify(blocks) };
}

const NBSP = "\u00a0";

describe("answers in the user's language", { timeout: 60_000 }, () => {
  it("`tier` in Swedish, Dutch and Polish, with their numbers", async () => {
    const sv = await ask("tier", USERS.sv);
    expect(sv.all).toContain('"text":"Kontaktpaket"');
    expect(sv.text).toContain(`Marknadsföringskontakter: 5${NBSP}402 av 10${NBSP}000`);
    expect(sv.all).toContain("*Nästa uppdatering*");
    expect(sv.all).toContain("*Minsta paket som räcker efteråt*");

    const nl = await ask("tier", USERS.nl);
    expect(nl.all).toContain('"text":"Contactpakket"');
    expect(nl.text).toContain("Marketingcontacten: 5.402 van 10.000");
    expect(nl.all).toContain("*Alle contacten*");

    const pl = await ask("tier", USERS.pl);
    expect(pl.all).toContain('"text":"Pakiet kontaktów"');
    expect(pl.text).toContain(`Kontakty marketingowe: 5${NBSP}402 z 10${NBSP}000`);
    expect(pl.all).toContain("*Najbliższa aktualizacja*");

    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(/Marketing contacts|Next update|5,402/);
  });

  it("`tier` stays English, word for word, for an English user", async () => {
    const en = await ask("tier", "UADMIN1");
    expect(en.text).toContain("Marketing contacts: 5,402 of 10,000");
    expect(en.all).toContain('"text":"Contact tier"');
  });

  it("`tier` notes a scheduled downgrade in the user's language", async () => {
    await ask("tier downgrade 7000", "UADMIN1");
    const pl = await ask("tier", USERS.pl);
    expect(pl.text).toMatch(
      new RegExp(`Obniżenie pakietu do 7${NBSP}000 zaplanowano na odnowienie \\S+ \\d+ \\S+ \\d{4}`),
    );
    expect((await ask("tier", USERS.nl)).text).toContain("Downgrade naar 7.000 ingepland voor de verlenging op");
    expect((await ask("tier", "UADMIN1")).text).toContain("Downgrade to 7,000 scheduled for the renewal on");
  });

  it("`status <email>` in Swedish, Dutch and Polish", async () => {
    const sv = await ask("status p00001@test.io", USERS.sv);
    expect(sv.all).toContain("*p00001@test.io* är en *marknadsföringskontakt* (_väntande:");
    expect(sv.all).toContain("blir icke-marknadsföring");
    expect(sv.all).toContain("*Källa*");
    expect(sv.all).toContain("*Skapad*");

    const nl = await ask("status b00001@test.io", USERS.nl);
    expect(nl.all).toContain("*b00001@test.io* is een *niet-marketingcontact*.");
    expect(nl.all).toContain("*Lijsten*\\ngeen");
    expect(nl.all).toContain("*Niet betrokken*\\ngebounced");

    const pl = await ask("status m00001@test.io", USERS.pl);
    expect(pl.all).toContain("*m00001@test.io* to *kontakt marketingowy*.");
    expect(pl.all).toContain("*Źródło*\\nmanual");
    expect(pl.all).toContain("*Utworzony*");

    for (const a of [sv, nl, pl]) expect(a.all).not.toMatch(/ is a |Source|Created/);
  });

  it("`can-market <email>` in the user's language", async () => {
    expect((await ask("can-market m00002@test.io", USERS.sv)).text).toContain("*Ja* — *m00002@test.io*: Det är en");
    expect((await ask("can-market b00002@test.io", USERS.pl)).text).toContain("*Nie* — *b00002@test.io*: To kontakt");
  });

  it("`--json` data is the same in every language", async () => {
    const data = async (locale: string) => {
      const out: string[] = [];
      const ctx: CliContext = {
        io: { out: (t) => out.push(t), err: () => {}, isTTY: false },
        cwd: process.cwd(),
        withServices: (fn) => fn(app.env.svc),
        setExitCode: () => {},
      };
      await runProgram(["run", "tier", "--user", "UADMIN1", "--json", "--locale", locale], ctx);
      return (JSON.parse(out.join("\n")) as { data: Record<string, unknown> }).data;
    };
    const en = await data("en");
    expect(await data("pl")).toEqual(en);
    expect(JSON.stringify(en)).toContain('"marketingCount":5402');
  });
});
