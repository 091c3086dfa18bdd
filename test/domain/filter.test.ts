import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FilterCondition, parseFilter } from "../../src/domain/filter.ts";
import { lex } from "../../src/domain/lexer.ts";

// Monday 9 March 2026, 11:30 in New York (EDT since the day before).
const now = new Date("2026-03-09T15:30:00Z");
const NY = { now, timeZone: "America/New_York" };

function conditions(text: string, ctx = NY): FilterCondition[] {
  const result = parseFilter(text, ctx);
  if (!result.ok) throw new Error(result.error);
  return result.filter.conditions;
}

function errorOf(text: string, ctx = NY): string {
  const result = parseFilter(text, ctx);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return result.error;
}

describe("parseFilter", () => {
  it("reads one condition per field type", () => {
    expect(conditions("domain = acme.com")).toEqual([{ field: "domain", op: "=", value: "acme.com" }]);
    expect(conditions("bounced = true")).toEqual([{ field: "bounced", op: "=", value: true }]);
    expect(conditions('created > "6 months ago"')).toEqual([
      { field: "created", op: ">", value: new Date("2025-09-09T15:30:00Z") },
    ]);
  });

  it("joins conditions with and, case-insensitively", () => {
    expect(conditions("lifecycle = lead AND unsubscribed != no and email contains acme")).toEqual([
      { field: "lifecycle", op: "=", value: "lead" },
      { field: "unsubscribed", op: "!=", value: false },
      { field: "email", op: "contains", value: "acme" },
    ]);
  });

  it("reads dates in the user's zone: before a day is before it starts, after a day is after it ends", () => {
    expect(conditions('last_engaged < "1 March"')).toEqual([
      { field: "last_engaged", op: "<", value: new Date("2026-03-01T05:00:00Z") },
    ]);
    expect(conditions("created > yesterday")).toEqual([
      { field: "created", op: ">", value: new Date("2026-03-09T03:59:59.999Z") },
    ]);
    expect(conditions("created > yesterday", { now, timeZone: "Pacific/Auckland" })).toEqual([
      { field: "created", op: ">", value: new Date("2026-03-09T10:59:59.999Z") },
    ]);
  });

  it("reads = on a date as that local day, given by its start", () => {
    expect(conditions("created = yesterday")).toEqual([
      { field: "created", op: "=", value: new Date("2026-03-08T05:00:00Z") },
    ]);
    expect(conditions('created != "3 days ago"')).toEqual([
      { field: "created", op: "!=", value: new Date("2026-03-06T05:00:00Z") },
    ]);
  });

  it("accepts unquoted multi-word values up to the next and", () => {
    expect(conditions("last_engaged < 6 months ago and list = Spring webinar")).toEqual([
      { field: "last_engaged", op: "<", value: new Date("2025-09-09T15:30:00Z") },
      { field: "list", op: "=", value: "Spring webinar" },
    ]);
  });

  it("keeps and inside quotes as part of the value", () => {
    expect(conditions('list = "Leads and prospects"')).toEqual([
      { field: "list", op: "=", value: "Leads and prospects" },
    ]);
  });

  it("reads operators without spaces and smart quotes", () => {
    expect(conditions("domain=acme.com and created>“6 months ago”")).toEqual([
      { field: "domain", op: "=", value: "acme.com" },
      { field: "created", op: ">", value: new Date("2025-09-09T15:30:00Z") },
    ]);
    expect(conditions("created>'1 March'")).toEqual([
      { field: "created", op: ">", value: new Date("2026-03-02T04:59:59.999Z") },
    ]);
  });

  it("lower-cases emails, domains and sources, and drops @ before a domain", () => {
    expect(conditions("email = Ana@Example.COM and domain = @ACME.com and source = Integration:Salesforce")).toEqual([
      { field: "email", op: "=", value: "ana@example.com" },
      { field: "domain", op: "=", value: "acme.com" },
      { field: "source", op: "=", value: "integration:salesforce" },
    ]);
    expect(conditions("lifecycle = Lead")).toEqual([{ field: "lifecycle", op: "=", value: "Lead" }]);
  });

  it("reads booleans as true/false/yes/no and marketing also as marketing/non-marketing", () => {
    expect(conditions("bounced = yes and unsubscribed = No")).toEqual([
      { field: "bounced", op: "=", value: true },
      { field: "unsubscribed", op: "=", value: false },
    ]);
    expect(conditions("marketing = non-marketing")).toEqual([{ field: "marketing", op: "=", value: false }]);
    expect(conditions("marketing != marketing")).toEqual([{ field: "marketing", op: "!=", value: true }]);
  });

  it("accepts field names in any case and with hyphens", () => {
    expect(conditions("LAST-ENGAGED < yesterday")).toEqual([
      { field: "last_engaged", op: "<", value: new Date("2026-03-08T05:00:00Z") },
    ]);
  });

  it("gives normalized text that keeps dates in words and parses back to the same filter", () => {
    const result = parseFilter('Created>"6 months ago" AND list = Spring webinar and Bounced = YES', NY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filter.text).toBe('created > "6 months ago" and list = "Spring webinar" and bounced = true');
    expect(parseFilter(result.filter.text, NY)).toEqual(result);
  });

  it("refuses an unknown field, listing the known ones", () => {
    expect(errorOf("colour = red")).toBe(
      '"colour" isn\'t a field I can filter on; fields are `email`, `domain`, `source`, `lifecycle`, `created`, `last_engaged`, `bounced`, `unsubscribed`, `marketing`, `list`.',
    );
  });

  it("refuses operators that make no sense for the field", () => {
    expect(errorOf("created contains 2026")).toContain("`created` is a date");
    expect(errorOf("bounced < true")).toContain("`bounced` is yes or no: use = or !=");
    expect(errorOf("domain > acme.com")).toContain("`domain` is text: use =, != or contains");
    expect(errorOf("created >= yesterday")).toContain("`>=` isn't supported");
  });

  it("refuses values that do not fit the field", () => {
    expect(errorOf("bounced = maybe")).toBe('`bounced` takes true, false, yes or no, not "maybe".');
    expect(errorOf("marketing = maybe")).toContain("marketing or non-marketing");
    expect(errorOf("email = ana")).toContain("`email contains ana`");
    expect(errorOf("source = fax")).toContain("sources are form, external-form");
    expect(errorOf("created > blorp")).toContain(`I couldn't read "blorp" as a date`);
  });

  it("says what is missing", () => {
    expect(errorOf("")).toContain("The filter is empty");
    expect(errorOf("bounced")).toContain("needs an operator and a value");
    expect(errorOf("bounced =")).toContain("needs a value");
    expect(errorOf("domain ~ acme.com")).toContain(`"~" isn't an operator`);
    expect(errorOf("domain = acme.com and")).toContain("ends with `and`");
    expect(errorOf('list = "Spring webinar')).toContain("never closed");
  });

  it("explains that only and joins conditions", () => {
    expect(errorOf("domain = a.com or domain = b.com")).toContain("`or` isn't supported");
    expect(errorOf("domain = a.com bounced = true")).toContain("Join conditions with `and`");
    expect(errorOf('list = "A" bounced = true')).toContain("Join conditions with `and`");
  });

  it("takes at most 10 conditions and quotes at most 60 characters of a value in an error", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `domain = d${i}.com`).join(" and ");
    expect(conditions(ten)).toHaveLength(10);
    expect(errorOf(`${ten} and bounced = true`)).toBe(
      'A filter takes at most 10 conditions; narrow it with a list instead (`list = "Name"`).',
    );
    const long = errorOf(`email = ${"x".repeat(5_000)}`);
    expect(long).toContain(`"${"x".repeat(57)}..." isn't an email address`);
    expect(long.length).toBeLessThan(200);
    expect(errorOf("x".repeat(9_000))).toBe("That filter is 9,000 characters long; a filter takes at most 8,000.");
  });

  it("never throws, and normalized text always parses back to the same conditions", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/);
    const condition = fc.oneof(
      fc.tuple(fc.constantFrom("domain", "lifecycle", "list"), fc.constantFrom("=", "!=", "contains"), word),
      fc.tuple(
        fc.constantFrom("created", "last_engaged"),
        fc.constantFrom("<", ">", "="),
        fc.constantFrom("yesterday", '"1 March"', '"6 months ago"'),
      ),
      fc.tuple(
        fc.constantFrom("bounced", "unsubscribed", "marketing"),
        fc.constantFrom("=", "!="),
        fc.constantFrom("true", "no"),
      ),
    );
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.map((part) => part.join(" ")).join(" and ");
        const first = parseFilter(text, NY);
        if (!first.ok) {
          // Only words the grammar keeps for itself may be refused.
          expect(parts.some((part) => ["and", "or", "contains", "is", "not"].includes(part[2]))).toBe(true);
          return;
        }
        expect(parseFilter(first.filter.text, NY)).toEqual(first);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = parseFilter(text, NY);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});

describe("lex", () => {
  it("groups quoted words and keeps apostrophes inside words", () => {
    const lexed = lex(`list:"Spring webinar" O'Brien 'two words'`);
    expect(lexed.ok).toBe(true);
    if (!lexed.ok) return;
    expect(lexed.tokens.map((token) => token.value)).toEqual(["list:Spring webinar", "O'Brien", "two words"]);
    expect(lexed.tokens.map((token) => token.quoted)).toEqual([true, false, true]);
  });
});
