// The catalogs of the notices' languages: every language has every message, with the same
// arguments as English (each message parsed by intl-messageformat), plurals that cover every form
// the language has (Polish one/few/many), and every notice's branches worded without a gap.
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { isTranslated } from "../../src/commands/i18n/answers.ts";
import { INTL_LOCALE, type Locale, localFormat } from "../../src/commands/i18n/format.ts";
import { en, type MessageKey } from "../../src/commands/i18n/locales/en/index.ts";
import { CATALOGS, message, TAG_NAMES } from "../../src/commands/i18n/messages.ts";
import { localStatusLine } from "../../src/commands/i18n/requests.ts";
import { noticeAnswer } from "../../src/commands/notices.ts";
import { plain } from "../../src/commands/rich.ts";
import type { BulkRequestView } from "../../src/services/bulk/index.ts";
import type { Notice } from "../../src/services/notices.ts";

// intl-messageformat's AST element types.
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  pluralType?: "cardinal" | "ordinal";
  children?: Element[];
}

interface Shape {
  /** Argument names (a select's and a plural's too) and tags as `<b>`. */
  names: Set<string>;
  plurals: { name: string; ordinal: boolean; options: string[] }[];
}

function shapeOf(pattern: string, locale: Locale): Shape {
  const shape: Shape = { names: new Set(), plurals: [] };
  const walk = (els: Element[]): void => {
    for (const el of els) {
      if ([ARGUMENT, NUMBER, SELECT, PLURAL].includes(el.type) && el.value) shape.names.add(el.value);
      if (el.type === TAG) shape.names.add(`<${el.value}>`);
      if (el.type === PLURAL)
        shape.plurals.push({
          name: el.value ?? "",
          ordinal: el.pluralType === "ordinal",
          options: Object.keys(el.options ?? {}),
        });
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(pattern, INTL_LOCALE[locale]).getAst() as unknown as Element[]);
  return shape;
}

const LOCALES = Object.keys(CATALOGS) as Locale[];
const KEYS = Object.keys(en) as MessageKey[];

describe("message catalogs", () => {
  it.each(LOCALES)("%s has every message and nothing else", (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...KEYS].sort());
  });

  it.each(LOCALES)("%s messages take exactly the arguments the English ones take", (locale) => {
    const differ: string[] = [];
    for (const key of KEYS) {
      const want = [...shapeOf(en[key], "en").names].sort();
      const got = [...shapeOf(CATALOGS[locale][key], locale).names].sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) differ.push(`${key}: ${got.join(",")} ≠ ${want.join(",")}`);
    }
    expect(differ).toEqual([]);
  });

  it.each(LOCALES)("%s arguments are never named like a tag (an argument `b` would undo `<b>`)", (locale) => {
    const clash: string[] = [];
    for (const key of KEYS)
      for (const name of shapeOf(CATALOGS[locale][key], locale).names)
        if (TAG_NAMES.includes(name)) clash.push(`${key}: {${name}}`);
    expect(clash).toEqual([]);
    expect(() => message(locale, "help.settings.7", { b: "x" } as never)).toThrow(/may not be named b/);
  });

  it.each(LOCALES)("%s plurals cover every form the language has", (locale) => {
    const missing: string[] = [];
    for (const key of KEYS) {
      for (const plural of shapeOf(CATALOGS[locale][key], locale).plurals) {
        const rules = new Intl.PluralRules(INTL_LOCALE[locale], { type: plural.ordinal ? "ordinal" : "cardinal" });
        for (const form of rules.resolvedOptions().pluralCategories) {
          const covered = plural.options.includes(form) || (form === "one" && plural.options.includes("=1"));
          if (!covered) missing.push(`${key} {${plural.name}}: ${form}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("formats numbers, money and dates the language's way", () => {
    const [sv, nl, pl] = (["sv", "nl", "pl"] as const).map(localFormat);
    expect([sv?.n(7000), nl?.n(7000), pl?.n(7000)]).toEqual(["7\u00a0000", "7.000", "7\u00a0000"]);
    expect(pl?.money(123_456)).toBe("1\u00a0234,56\u00a0USD");
    expect(nl?.money(123_456)).toBe("US$\u00a01.234,56");
    expect(pl?.day("2026-05-20", "America/New_York")).toBe("śr., 20 maja 2026");
    expect(sv?.at("2026-06-01T16:00:00.000Z", "America/New_York")).toMatch(
      /^mån 1 juni 2026 kl. 12:00 .+ \(America\/New_York\)$/,
    );
  });
});

const ZONE = "America/New_York";
const standing = { marketingCount: 1_002, tierLimit: 2_000, timeZone: ZONE };

/** Branches the hostile-text test (test/slack/render-notices.test.ts) does not take. */
const branches: Notice[] = [
  {
    kind: "upgrade",
    payload: {
      marketingCount: 2_001,
      oldLimit: 2_000,
      newLimit: 3_000,
      oldMonthlyCents: 80_000,
      newMonthlyCents: 105_000,
      chargeCents: 500,
      chargeDue: null,
      timeZone: ZONE,
    },
  },
  {
    kind: "threshold",
    payload: { ...standing, level: "exceeded", pendingCount: 0, nextUpdate: "2026-06-01T16:00:00Z" },
  },
  { kind: "threshold", payload: { ...standing, level: 75, pendingCount: 0, nextUpdate: "2026-06-01T16:00:00Z" } },
  { kind: "spike", payload: { ...standing, growth: 22, baseline: 0, sources: [] } },
  {
    kind: "update-reminder",
    payload: { ...standing, lead: 3, instant: "2026-06-01T16:00:00Z", pendingCount: 22, after: 5 },
  },
  ...[null, 1_000, 500].map(
    (downgradeTo): Notice => ({
      kind: "renewal-reminder",
      payload: { ...standing, renewal: "2026-06-01T16:00:00Z", after: 900, lowest: 2_000, savingCents: 0, downgradeTo },
    }),
  ),
  {
    kind: "setup",
    payload: {
      ...standing,
      plan: "starter",
      monthlyCents: 2_000,
      term: "annual",
      startDay: 2,
      nextUpdate: "2026-06-01T16:00:00Z",
      renewal: "2027-01-15",
      alertChannel: null,
      approvalsChannel: null,
      billingContacts: [],
      thresholds: [{ percent: 90, count: 1_800 }],
      reminderDays: [],
      renewalReminderDays: 1,
      directLimit: 1,
    },
  },
  { kind: "request-reopened", payload: { requestId: "R1", count: 1, action: "non-marketing", reason: "gone" } },
];

describe.each(LOCALES)("every branch of the notices in %s", (locale) => {
  it("is worded without a missing argument or a stray brace", () => {
    for (const n of branches) {
      const text = noticeAnswer(n, locale).text;
      expect(text, n.kind).not.toMatch(/[{}]|undefined|NaN/);
    }
  });
});

describe("Polish", () => {
  it("picks one, few and many by the number", () => {
    const say = (count: number) =>
      noticeAnswer(
        { kind: "update-summary", payload: { ...standing, instant: "2026-06-01T16:00:00Z", changed: count } },
        "pl",
      ).text;
    expect(say(1)).toContain("1 kontakt utracił status marketingowy");
    expect(say(3)).toContain("3 kontakty utraciły");
    expect(say(5)).toContain("5 kontaktów utraciło");
    expect(say(22)).toContain("22 kontakty utraciły");
    expect(say(1_002)).toContain("1\u00a0002 kontakty utraciły");
  });
});

describe("languages from outside", () => {
  it("only the catalogs' languages are translated; anything else (a bad stored value) is English", () => {
    for (const l of ["sv", "nl", "pl"]) expect(isTranslated(l)).toBe(true);
    for (const l of ["en", "de", "", "SV", "sv-SE", undefined]) expect(isTranslated(l)).toBe(false);
  });

  it("a rejection reason quoted in a request's status is cut, however long it was typed", () => {
    const request = {
      status: "rejected",
      decidedBy: "UADMIN2",
      decidedAt: new Date("2026-05-15T14:00:00Z"),
      reason: "x".repeat(5_000),
    } as unknown as BulkRequestView;
    for (const l of ["sv", "nl", "pl"] as const) {
      const line = plain(localStatusLine(l, request, "Europe/Stockholm"));
      expect(line).toContain("x".repeat(100));
      expect(line.length, l).toBeLessThan(500);
    }
  });
});
