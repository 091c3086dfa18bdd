// `help` for a Swedish, Dutch or Polish user: the explanations in their language, every command as
// it is typed (the keywords are the grammar, English in every language), every example one that
// reads in that language, within Slack's limits; `--json` keeps the English usage. The refusals of
// `manage` and `import` outside Slack too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/commands/answer.ts";
import type { Locale } from "../../src/commands/i18n/format.ts";
import { runCommand } from "../../src/commands/run.ts";
import { parseCommand, USAGE, usageFor } from "../../src/domain/command/index.ts";
import { renderAnswer } from "../../src/slack/render/answer.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
let accountId: number;

beforeAll(async () => {
  env = await testEnv();
  ({ accountId } = await makeAccount(env));
});
afterAll(async () => {
  await env?.close();
});

const run = (text: string, locale: Locale): Promise<Answer> =>
  runCommand(env.svc, { actor: { accountId, userId: "UADMIN1" }, timeZone: "Europe/Stockholm", locale, text });

/** The code spans of a plain-text answer. */
const spans = (text: string): string[] => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? "");

/** A command with nothing left to fill in: an example to run. */
const isExample = (s: string) => s.startsWith("/contacts ") && !/<[a-zA-Z]|[[|…#]/.test(s);

const WORDS: Record<Exclude<Locale, "en">, { present: string[]; number: string }> = {
  sv: {
    present: [
      "Kontaktstatus",
      "ja eller nej, och varför",
      "Massändringar (kräver godkännande)",
      "Datum läses i din tidszon",
    ],
    number: "Högst 400 e-postadresser per kommando",
  },
  nl: {
    present: ["Contactstatus", "ja of nee, en waarom", "Bulkwijzigingen (goedkeuring nodig)", "Datums worden gelezen"],
    number: "Hoogstens 400 e-mailadressen per commando",
  },
  pl: {
    present: [
      "Status kontaktu",
      "tak lub nie, i dlaczego",
      "Zmiany zbiorcze (wymagają zatwierdzenia)",
      "Daty są odczytywane",
    ],
    number: "Najwyżej 400 adresów e-mail na polecenie",
  },
};

const ENGLISH_EXPLANATIONS = [
  "yes or no, and why",
  "Bulk changes (need approval)",
  "Dates are read in your time zone",
  "counts toward the tier at once",
  "keys for the HTTP API",
];

describe("help in the user's language", () => {
  it.each(["sv", "nl", "pl"] as const)(
    "%s: explanations translated, commands as typed, data in English",
    async (locale) => {
      const a = await run("help", locale);
      expect(a.ok).toBe(true);
      for (const word of WORDS[locale].present) expect(a.text).toContain(word);
      expect(a.text).toContain(WORDS[locale].number);
      for (const english of ENGLISH_EXPLANATIONS) expect(a.text).not.toContain(english);
      // Every command's syntax is the English usage's, word for word.
      const syntaxOf = (text: string) => [
        ...new Set(spans(text).filter((s) => s.startsWith("/contacts ") && !isExample(s))),
      ];
      const english = syntaxOf(USAGE);
      expect(english.length).toBeGreaterThanOrEqual(35);
      expect(syntaxOf(a.text).sort()).toEqual(english.sort());
      // --json: the usage scripts read is unchanged.
      expect(a.data).toEqual({ usage: USAGE });
      // Within Slack's limits.
      const { blocks, text } = renderAnswer(a);
      expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
      expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      for (const b of blocks as { type: string; text?: { text: string } }[]) {
        if (b.type === "section") expect(b.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      }
      expect(JSON.stringify(blocks)).toContain(WORDS[locale].present[1]);
    },
  );

  it.each(["sv", "nl", "pl"] as const)("%s: every example reads as a command in that language", async (locale) => {
    const a = await run("help", locale);
    const examples = spans(a.text).filter(isExample);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const now = env.svc.clock.now();
    const failed = examples.filter(
      (e) => !parseCommand(e.slice("/contacts ".length), { now, timeZone: "Europe/Stockholm", locale }).ok,
    );
    expect(failed).toEqual([]);
    // The date examples are the language's own words.
    const dated = examples.find((e) => e.startsWith("/contacts usage from"));
    expect(dated).toBe(
      {
        sv: "/contacts usage from 1 mars to igår",
        nl: "/contacts usage from 1 maart to gisteren",
        pl: "/contacts usage from 1 marca to wczoraj",
      }[locale],
    );
  });

  it("`help <subcommand>` shows one topic in the language, its data the English topic", async () => {
    const a = await run("help tier downgrade", "pl");
    const lines = a.text.split("\n");
    expect(lines[0]).toBe("Pakiet");
    expect(a.text).toContain(
      "`/contacts tier downgrade <limit>` — zaplanuj obniżenie pakietu przy najbliższym odnowieniu",
    );
    expect(a.text).not.toContain("Status kontaktu");
    expect(a.data).toEqual({ usage: usageFor("tier downgrade") });

    const sv = await run("help filter", "sv");
    expect(sv.text.split("\n")[0]).toBe("Filter");
    expect(sv.text).toContain('`< "1 mars"`, `> "6 månader sedan"`, `= igår` för en hel dag');
  });

  it("English help stays the usage text, line for line", async () => {
    const a = await run("help", "en");
    expect(a.text).toBe(USAGE);
  });
});

describe("commands that need Slack, refused in the user's language", () => {
  it.each([
    ["sv", "Guiden öppnas i Slack: skriv `/contacts manage` där."],
    ["nl", "De wizard opent in Slack: typ daar `/contacts manage`."],
    ["pl", "Kreator otwiera się w Slacku: wpisz tam `/contacts manage`."],
  ] as const)("manage in %s", async (locale, said) => {
    const a = await run("manage", locale);
    expect(a.ok).toBe(false);
    expect(a.slackOnly).toBe("manage");
    expect(a.text).toBe(said);
    expect(a.data).toEqual({ error: "The manage wizard opens in Slack: type `/contacts manage` there." });
  });

  it("import in Polish; English unchanged", async () => {
    const pl = await run("import", "pl");
    expect(pl.slackOnly).toBe("import");
    expect(pl.text).toContain("Import wymaga pliku CSV");
    expect(pl.text).toContain("`tierkeeper import <file.csv> [--list <name>] [--marketing]`");
    const en = await run("import", "en");
    expect(en.text).toMatch(/^An import needs a CSV file: share it with tierkeeper/);
    expect(pl.data).toEqual(en.data);
  });
});
