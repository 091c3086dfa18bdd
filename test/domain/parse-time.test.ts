// Hostile command text: every parser over user text runs in linear time, so any input up to the
// command cap is read or refused within a time bound, and longer text is refused before parsing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_COMMAND_LENGTH, parseCommand } from "../../src/domain/command/index.ts";
import { MAX_DATE_LENGTH, parseDate, parseRange } from "../../src/domain/dates.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import { lex } from "../../src/domain/lexer.ts";
import { plainCommandText } from "../../src/slack/command-text.ts";

const NY = { now: new Date("2026-03-09T15:30:00Z"), timeZone: "America/New_York" };
// A linear parse of these inputs takes a few milliseconds; a super-linear one takes seconds on the
// 99k-character inputs and far more than this on 4,000 characters. The bound leaves room for a
// machine busy with other tests.
const BOUND_MS = 100;

/**
 * Milliseconds `run` takes, the fastest of up to five tries: a pause of the garbage collector
 * or of a busy machine may slow one try, a super-linear parser slows every one.
 */
function fastestMs(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5 && best >= BOUND_MS; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function parseMs(text: string): number {
  return fastestMs(() => parseCommand(text, NY));
}

/** Subcommand openings that lead user text into each parser. */
const PREFIXES = [
  "",
  "bulk marketing where email = ",
  "bulk non-marketing where list = ",
  "bulk non-marketing where created < ",
  "bulk marketing list:",
  "bulk marketing a@b.co at ",
  "usage from ",
  "usage from x",
  "usage since ",
  "history since ",
  "history a@b.co since ",
  "set marketing ",
  "delete ",
  "status ",
  "list add ",
  "list create ",
  "rules add x when ",
  "rules add x when email = a@b.co then ",
  "settings reminders ",
  "settings timezone ",
  "settings start ",
  "settings tier ",
  "settings alert-channel ",
  "settings defaults ",
  "access grant ",
  "approve R1 confirm ",
  "reject R1 ",
  "import ",
  "tier downgrade ",
  "help ",
];

/** Pieces that make regexes and scanners backtrack or rescan when repeated. */
const UNITS = [
  "'",
  '"',
  " ",
  "  ",
  "<",
  ">",
  "|",
  "http://",
  "<http://",
  "<http://a",
  "<http://a|",
  "<mailto:a",
  "<mailto:a|",
  "<@U",
  "<@U1|",
  "<#C",
  "<#C1|",
  "&lt;",
  "&amp;",
  "'x ",
  "x'",
  ":'",
  "list:'",
  "(",
  ")",
  ";",
  ".",
  ",",
  "=",
  "!=",
  "<=",
  "a",
  "1",
  "1 ",
  "3d ",
  "3 days ",
  "a@",
  "@b.",
  "a@b.co ",
  "and ",
  " and",
  "to ",
  " to ",
  "from ",
  "- ",
  "at ",
  "on the ",
  "contains ",
  "\u201c",
  "\u2019",
  "\u00a0",
  "\t",
  "\n",
];

const prefix = fc.constantFrom(...PREFIXES);
const unit = fc.constantFrom(...UNITS);

/** A prefix, one unit repeated up to the cap, and a tail. */
const repeated = fc
  .tuple(prefix, unit, fc.integer({ min: 1, max: MAX_COMMAND_LENGTH }), fc.constantFrom("", "x", "'", '"', ">", " y"))
  .map(
    ([head, piece, count, tail]) => `${head}${piece.repeat(count)}`.slice(0, MAX_COMMAND_LENGTH - tail.length) + tail,
  );

/** A prefix and a long mix of units, filled up to the cap. */
const mixed = fc
  .tuple(prefix, fc.array(unit, { minLength: 1, maxLength: 40 }), fc.integer({ min: 100, max: MAX_COMMAND_LENGTH }))
  .map(([head, pieces, length]) => {
    const body = pieces.join("");
    return (head + body.repeat(Math.ceil(length / body.length))).slice(0, MAX_COMMAND_LENGTH);
  });

/** Nested parentheses and quotes around a long token. */
const nested = fc
  .tuple(prefix, fc.integer({ min: 1, max: 1_900 }), fc.constantFrom("()", "\"'", "<>", "''", '""'))
  .map(([head, depth, [open, close]]) => `${head}${(open ?? "").repeat(depth)}${(close ?? "").repeat(depth)}`)
  .map((text) => text.slice(0, MAX_COMMAND_LENGTH));

/** Filters with many date conditions that chrono reads, then one long repetitive date phrase. */
const dateFilters = fc
  .tuple(
    fc.constantFrom(
      "2026-03-01T09:00:00-05:00",
      "the first of march 2025 at 9:30 in the morning",
      "6 months ago",
      "last friday at 17:30",
      "3 weeks 2 days 5 hours ago",
    ),
    fc.constantFrom("3d ", "1 1 ", "5 min ", "1-", "in 3 days ", "12/1 ", "1:", "1 year 2 months "),
    fc.integer({ min: 1, max: MAX_DATE_LENGTH + 5 }),
    fc.integer({ min: 0, max: 40 }),
  )
  .map(([valid, piece, length, count]) => {
    const date = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
    const conditions = Array.from({ length: count }, (_, i) => `${i % 2 ? "created" : "last_engaged"} < "${valid}"`);
    conditions.push(`created > "${date}"`);
    return `bulk non-marketing where ${conditions.join(" and ")}`.slice(0, MAX_COMMAND_LENGTH);
  });

/** Long tokens of any characters. */
const longTokens = fc
  .tuple(prefix, fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: MAX_COMMAND_LENGTH }))
  .map(([head, piece, count]) => `${head}${piece.repeat(count)}`.slice(0, MAX_COMMAND_LENGTH));

const anyText = fc.string({ maxLength: MAX_COMMAND_LENGTH, unit: "binary" });

describe("parsing time", () => {
  beforeAll(() => {
    // Warm-up: the first calls compile regexes and load chrono's parsers.
    for (const head of PREFIXES) {
      for (const piece of UNITS.slice(0, 12)) parseCommand(`${head}${piece.repeat(50)}`, NY);
      parseCommand(`${head}yesterday`, NY);
    }
    for (const date of ["2026-03-01T09:00:00-05:00", "last friday at 17:30", "3 weeks 2 days 5 hours ago", "3d 1:"]) {
      parseCommand(`bulk non-marketing where created < "${date}" and last_engaged > "${date}"`, NY);
    }
  });

  it(`reads or refuses any command text up to ${MAX_COMMAND_LENGTH.toLocaleString("en-US")} characters within ${BOUND_MS} ms`, () => {
    const started = performance.now();
    fc.assert(
      fc.property(fc.oneof(repeated, mixed, nested, dateFilters, longTokens, anyText), (text) => {
        expect(text.length).toBeLessThanOrEqual(MAX_COMMAND_LENGTH);
        const result = parseCommand(text, NY);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.error.length).toBeLessThan(600);
        expect(parseMs(text)).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 600, interruptAfterTimeLimit: 20_000 },
    );
    expect(performance.now() - started).toBeLessThan(25_000);
  });

  it("refuses text over the cap with the cap in the sentence, before reading it", () => {
    const result = parseCommand(`set marketing ${"a@b.co ".repeat(1_000)}`, NY);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/^That command is 7,014 characters long; commands take at most 4,000/);
    expect(parseCommand(`status ${"x".repeat(MAX_COMMAND_LENGTH - "status ".length)}`, NY).ok).toBe(false);
  });
});

describe("the inputs that used to take seconds", () => {
  it("a filter of 99k characters of `'x ` is refused in milliseconds, and lexing it is linear", () => {
    const text = `bulk non-marketing where email = ${"'x ".repeat(33_000)}`;
    expect(text.length).toBeGreaterThan(99_000);
    expect(parseMs(text)).toBeLessThan(BOUND_MS);
    expect(parseCommand(text, NY)).toMatchObject({ ok: false });
    // The lexer itself, without the cap in front of it.
    expect(fastestMs(() => lex(text, { operators: true }))).toBeLessThan(BOUND_MS);
    expect(fastestMs(() => parseFilter(`email = ${"'x ".repeat(2_600)}`, NY))).toBeLessThan(BOUND_MS);
  });

  it("`usage from x<40k spaces>y` is refused in milliseconds, and a long period is refused before chrono", () => {
    const text = `usage from x${" ".repeat(40_000)}y`;
    expect(parseMs(text)).toBeLessThan(BOUND_MS);
    expect(parseCommand(text, NY)).toMatchObject({ ok: false });
    const period = `from x${" ".repeat(3_900)}y`;
    expect(fastestMs(() => parseRange(period, NY))).toBeLessThan(BOUND_MS);
    const result = parseRange(period, NY);
    expect(!result.ok && result.error).toMatch(
      /^That period is 3,907 characters long; each of its dates takes at most 60\./,
    );
    expect(parseRange(`from x${" ".repeat(100)}y to yesterday`, NY)).toMatchObject({ ok: false });
  });

  it("a long run of `<http://` is refused in milliseconds, and unwrapping Slack links is linear", () => {
    for (const text of [`<http://${"a".repeat(99_000)}`, "<http://a".repeat(11_000), "<mailto:a|".repeat(10_000)]) {
      expect(parseMs(text)).toBeLessThan(BOUND_MS);
      expect(parseMs(`status ${text}`)).toBeLessThan(BOUND_MS);
      expect(fastestMs(() => plainCommandText(text))).toBeLessThan(BOUND_MS);
    }
    // Links are still unwrapped as before.
    expect(
      plainCommandText("<mailto:Ana@x.io|Ana@x.io> <http://acme.com|acme.com> <https://b.io> <@U1|ana> <#C1|general>"),
    ).toBe("Ana@x.io acme.com https://b.io <@U1> <#C1>");
  });

  it("a date phrase longer than chrono is given is refused with the limit", () => {
    const long = `in 3 days ${"3d ".repeat(30)}`.trim();
    const result = parseDate(long, NY);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/is 99 characters long; a date takes at most 60\./),
    });
    const history = parseCommand(`history since ${long}`, NY);
    expect(!history.ok && history.error).toContain("a date takes at most 60");
  });
});
