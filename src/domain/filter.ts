// The filter grammar of SPEC §2: `field op value` joined by `and`, with quoted values and
// natural-language dates.

import { DateTime } from "luxon";
import { z } from "zod";
import { type DateContext, parseDate } from "./dates.ts";
import { isKeyword, lex, normalizeQuotes, type Token } from "./lexer.ts";
import { CREATION_SOURCES } from "./types.ts";
import { type Wording, wording } from "./wording.ts";

export type FilterField =
  | "email"
  | "domain"
  | "source"
  | "lifecycle"
  | "created"
  | "last_engaged"
  | "bounced"
  | "unsubscribed"
  | "marketing"
  | "list";
type FilterOp = "=" | "!=" | "<" | ">" | "contains";
export type FilterCondition =
  | { field: "email" | "domain" | "source" | "lifecycle" | "list"; op: FilterOp; value: string }
  | { field: "created" | "last_engaged"; op: FilterOp; value: Date }
  | { field: "bounced" | "unsubscribed" | "marketing"; op: "=" | "!="; value: boolean };
export interface Filter {
  conditions: FilterCondition[];
  /** Normalized, for display; parsing it again gives the same filter (dates stay in words). */
  text: string;
}
export type FilterResult = { ok: true; filter: Filter } | { ok: false; error: string; wording?: Wording };

export const FILTER_FIELDS: readonly FilterField[] = [
  "email",
  "domain",
  "source",
  "lifecycle",
  "created",
  "last_engaged",
  "bounced",
  "unsubscribed",
  "marketing",
  "list",
];

type StringField = "email" | "domain" | "source" | "lifecycle" | "list";
type DateField = "created" | "last_engaged";
type BooleanField = "bounced" | "unsubscribed" | "marketing";

const STRING_FIELDS: readonly string[] = ["email", "domain", "source", "lifecycle", "list"];
const DATE_FIELDS: readonly string[] = ["created", "last_engaged"];

export const FILTER_EXAMPLE = `created > "6 months ago" and bounced = false`;

/** Most conditions in one filter: every date in one costs a chrono-node call. */
const MAX_FILTER_CONDITIONS = 10;
/**
 * Longest filter text. Twice the longest command, so that a rule's stored filter (normalized:
 * spaces around operators, quotes around values) always reads back.
 */
const MAX_FILTER_LENGTH = 8_000;

const emailSchema = z.email();

/** User text quoted in an error, cut so the sentence stays readable (and fits a Slack block). */
function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function fieldList(): string {
  return FILTER_FIELDS.map((field) => `\`${field}\``).join(", ");
}

function sourceList(): string {
  return `${CREATION_SOURCES.join(", ")} or integration:<app>`;
}

function readField(token: Token): FilterField | null {
  if (token.quoted || token.operator) return null;
  const name = token.value.toLowerCase().replace(/-/g, "_");
  const aliases: Record<string, FilterField> = { lastengaged: "last_engaged", lists: "list" };
  const field = aliases[name] ?? name;
  return (FILTER_FIELDS as readonly string[]).includes(field) ? (field as FilterField) : null;
}

/** Reads the operator at `tokens[i]`; returns it and how many tokens it took. */
function readOp(tokens: Token[], i: number): { op: FilterOp; used: number } | { error: string } | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (token.operator) {
    switch (token.value) {
      case "=":
      case "==":
        return { op: "=", used: 1 };
      case "!=":
      case "<>":
        return { op: "!=", used: 1 };
      case "<":
      case ">":
        return { op: token.value, used: 1 };
      default:
        return { error: `\`${token.value}\` isn't supported; use =, !=, <, > or contains.` };
    }
  }
  if (isKeyword(token, "contains")) return { op: "contains", used: 1 };
  if (isKeyword(token, "is")) {
    return isKeyword(tokens[i + 1], "not") ? { op: "!=", used: 2 } : { op: "=", used: 1 };
  }
  return null;
}

function displayValue(value: string): string {
  const needsQuotes =
    value === "" || /[\s"'=<>!]/.test(value) || ["and", "or", "contains", "is", "not"].includes(value.toLowerCase());
  if (!needsQuotes) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

function readBoolean(field: BooleanField, value: string): boolean | null {
  const word = value.toLowerCase();
  if (["true", "yes"].includes(word)) return true;
  if (["false", "no"].includes(word)) return false;
  if (field === "marketing") {
    if (word === "marketing") return true;
    if (["non-marketing", "nonmarketing", "non_marketing"].includes(word)) return false;
  }
  return null;
}

type ConditionResult = { ok: true; condition: FilterCondition; display: string } | { ok: false; error: string };

function readCondition(field: FilterField, op: FilterOp, rawValue: string, ctx: DateContext): ConditionResult {
  const value = rawValue.trim();
  if (DATE_FIELDS.includes(field)) {
    const dateField = field as DateField;
    if (op === "contains") {
      return {
        ok: false,
        error: `\`${field}\` is a date: compare it with <, >, = or !=, e.g. \`${field} > "6 months ago"\`.`,
      };
    }
    // "< 1 March" means before that day starts, "> 1 March" after it ends; "= 1 March" is
    // that local day, given by its start (the query spans the day from there).
    const date = parseDate(value, ctx, op === ">" ? "end" : "start", "past");
    if (!date.ok) return { ok: false, error: `In \`${field} ${op} …\`: ${date.error}` };
    const at =
      op === "=" || op === "!="
        ? DateTime.fromJSDate(date.date, { zone: ctx.timeZone }).startOf("day").toJSDate()
        : date.date;
    return {
      ok: true,
      condition: { field: dateField, op, value: at },
      display: `${field} ${op} ${displayValue(value)}`,
    };
  }
  if (STRING_FIELDS.includes(field)) {
    const stringField = field as StringField;
    if (op === "<" || op === ">") {
      return {
        ok: false,
        error: `\`${field}\` is text: use =, != or contains (< and > only work on \`created\` and \`last_engaged\`).`,
      };
    }
    let normalized = value;
    if (stringField === "email" || stringField === "domain" || stringField === "source") {
      normalized = value.toLowerCase();
    }
    if (stringField === "domain") normalized = normalized.replace(/^@/, "");
    if (normalized === "") return { ok: false, error: `\`${field} ${op}\` needs a value.` };
    if (stringField === "email" && op !== "contains" && !emailSchema.safeParse(normalized).success) {
      return {
        ok: false,
        error: `"${shorten(value)}" isn't an email address; use \`email contains ${displayValue(shorten(value))}\` to match part of one.`,
      };
    }
    if (stringField === "source" && op !== "contains") {
      const known =
        (CREATION_SOURCES as readonly string[]).includes(normalized) || /^integration:\S+$/.test(normalized);
      if (!known) return { ok: false, error: `"${shorten(value)}" isn't a source; sources are ${sourceList()}.` };
    }
    return {
      ok: true,
      condition: { field: stringField, op, value: normalized },
      display: `${field} ${op} ${displayValue(normalized)}`,
    };
  }
  const booleanField = field as BooleanField;
  if (op !== "=" && op !== "!=") {
    return { ok: false, error: `\`${field}\` is yes or no: use = or !=, e.g. \`${field} = true\`.` };
  }
  const flag = readBoolean(booleanField, value);
  if (flag === null) {
    const allowed = booleanField === "marketing" ? "true, false, marketing or non-marketing" : "true, false, yes or no";
    return { ok: false, error: `\`${field}\` takes ${allowed}, not "${shorten(value)}".` };
  }
  return {
    ok: true,
    condition: { field: booleanField, op, value: flag },
    display: `${field} ${op} ${flag}`,
  };
}

/** Two conditions not joined by `and`: where, as the user typed it. */
const joinWithAnd = (near: string): FilterResult => ({
  ok: false,
  error: `Join conditions with \`and\` (near "${near}").`,
  wording: wording("filter.joinWithAnd", { near }),
});

/** Reads a filter such as `created > "6 months ago" and domain = acme.com and bounced = false`. */
export function parseFilter(text: string, ctx: DateContext): FilterResult {
  try {
    return parseFilterUnsafe(text, ctx);
  } catch {
    return {
      ok: false,
      error: `I couldn't read that filter. Try \`${FILTER_EXAMPLE}\`.`,
      wording: wording("filter.unreadable", { example: { code: FILTER_EXAMPLE } }),
    };
  }
}

function parseFilterUnsafe(text: string, ctx: DateContext): FilterResult {
  if (text.length > MAX_FILTER_LENGTH) {
    return {
      ok: false,
      error: `That filter is ${text.length.toLocaleString("en-US")} characters long; a filter takes at most ${MAX_FILTER_LENGTH.toLocaleString("en-US")}.`,
    };
  }
  const normalized = normalizeQuotes(text).trim();
  if (normalized === "") {
    return {
      ok: false,
      error: `The filter is empty. Try \`${FILTER_EXAMPLE}\`.`,
      wording: wording("filter.empty", { example: { code: FILTER_EXAMPLE } }),
    };
  }
  const lexed = lex(normalized, { operators: true });
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;

  const conditions: FilterCondition[] = [];
  const displays: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const fieldToken = tokens[i];
    if (fieldToken === undefined) break;
    if (conditions.length === MAX_FILTER_CONDITIONS) {
      return {
        ok: false,
        error: `A filter takes at most ${MAX_FILTER_CONDITIONS} conditions; narrow it with a list instead (\`list = "Name"\`).`,
      };
    }
    const field = readField(fieldToken);
    if (field === null) {
      return {
        ok: false,
        error: `"${shorten(fieldToken.value)}" isn't a field I can filter on; fields are ${fieldList()}.`,
        wording: wording("filter.unknownField", { field: shorten(fieldToken.value), fields: fieldList() }),
      };
    }
    i++;
    const op = readOp(tokens, i);
    if (op === null) {
      const after = tokens[i];
      const example = { code: exampleFor(field) };
      return after === undefined
        ? {
            ok: false,
            error: `\`${field}\` needs an operator and a value, e.g. \`${exampleFor(field)}\`.`,
            wording: wording("filter.needsOperator", { field: { code: field }, example }),
          }
        : {
            ok: false,
            error: `"${shorten(after.raw)}" isn't an operator; use =, !=, <, > or contains, e.g. \`${exampleFor(field)}\`.`,
            wording: wording("filter.notOperator", { op: shorten(after.raw), example }),
          };
    }
    if ("error" in op) return { ok: false, error: op.error };
    i += op.used;

    // The value: one quoted word, or the words up to the next `and`.
    const valueTokens: Token[] = [];
    while (i < tokens.length) {
      const token = tokens[i];
      if (token === undefined || isKeyword(token, "and")) break;
      if (token.operator || (valueTokens.length > 0 && isKeyword(token, "contains"))) {
        if (valueTokens.some((word) => isKeyword(word, "or"))) {
          return {
            ok: false,
            error: "Only `and` can join conditions; `or` isn't supported yet.",
            wording: wording("filter.noOr"),
          };
        }
        return joinWithAnd(shorten(normalized.slice(valueTokens[0]?.start ?? token.start)));
      }
      valueTokens.push(token);
      i++;
      if (token.quoted && valueTokens.length === 1) break;
    }
    if (valueTokens.length === 0) {
      return {
        ok: false,
        error: `\`${field} ${op.op}\` needs a value, e.g. \`${exampleFor(field)}\`.`,
        wording: wording("filter.needsValue", {
          condition: { code: `${field} ${op.op}` },
          example: { code: exampleFor(field) },
        }),
      };
    }
    const afterValue = tokens[i];
    if (afterValue !== undefined && !isKeyword(afterValue, "and")) {
      return joinWithAnd(shorten(normalized.slice(afterValue.start)));
    }
    const condition = readCondition(field, op.op, valueTokens.map((token) => token.value).join(" "), ctx);
    if (!condition.ok) return condition;
    conditions.push(condition.condition);
    displays.push(condition.display);

    if (isKeyword(tokens[i], "and")) {
      i++;
      if (i >= tokens.length) {
        return {
          ok: false,
          error: "The filter ends with `and`; add another condition.",
          wording: wording("filter.endsWithAnd"),
        };
      }
    }
  }
  return { ok: true, filter: { conditions, text: displays.join(" and ") } };
}

function exampleFor(field: FilterField): string {
  switch (field) {
    case "email":
      return "email = ana@example.com";
    case "domain":
      return "domain = example.com";
    case "source":
      return "source = form";
    case "lifecycle":
      return "lifecycle = lead";
    case "list":
      return 'list = "Spring webinar"';
    case "created":
      return 'created > "6 months ago"';
    case "last_engaged":
      return 'last_engaged < "1 March"';
    case "marketing":
      return "marketing = true";
    default:
      return `${field} = true`;
  }
}
