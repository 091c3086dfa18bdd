// Messages of the catalogs (ICU MessageFormat, through intl-messageformat) as rich text. Numbers
// go in as numbers (plurals pick by the language's rules; `{x, number}` and `#` group thousands
// always), text as strings and rich text (code, mentions, channels) as objects: none of it is
// ever parsed as a pattern, and marks come back out as marks. `<b>…</b>` in a pattern is strong.
import IntlMessageFormat from "intl-messageformat";
import { type Mark, type Rich, type Span, strong } from "../rich.ts";
import { INTL_LOCALE, type Locale, numberFormat } from "./format.ts";
import { type Catalog, en, type MessageKey } from "./locales/en/index.ts";
import { nl } from "./locales/nl/index.ts";
import { pl } from "./locales/pl/index.ts";
import { sv } from "./locales/sv/index.ts";

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, sv, nl, pl };

/** What a message takes: a number (plurals, `{x, number}`), a string (a select, or text as it is), rich text or a mark. */
export type MessageArg = number | string | Rich | Mark;

/** Rich text boxed, so the formatter hands it back as an object part. */
interface Boxed {
  rich: Rich;
}

/**
 * Intl formatters are costly to make and every formatted number or plural asks for one: each is
 * made once per locale and options (the catalogs use a handful).
 */
function once<O, F>(make: (locales: string | string[], options?: O) => F) {
  const made = new Map<string, F>();
  return (locales: string | string[], options?: O): F => {
    const key = `${String(locales)}|${JSON.stringify(options ?? {})}`;
    let f = made.get(key);
    if (!f) {
      f = make(locales, options);
      made.set(key, f);
    }
    return f;
  };
}

const formatters = {
  getNumberFormat: once<Intl.NumberFormatOptions, Intl.NumberFormat>(numberFormat),
  getDateTimeFormat: once<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>(
    (locales, options) => new Intl.DateTimeFormat(locales, options),
  ),
  getPluralRules: once<Intl.PluralRulesOptions, Intl.PluralRules>(
    (locales, options) => new Intl.PluralRules(locales, options),
  ),
};

const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}:${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(CATALOGS[locale][key], INTL_LOCALE[locale], undefined, { formatters });
    compiled.set(id, message);
  }
  return message;
}

const box = (rich: Rich): Boxed => ({ rich });

function boxed(value: MessageArg): number | string | Boxed {
  if (typeof value === "number" || typeof value === "string") return value;
  return box(Array.isArray(value) ? (value as Rich) : [value as Mark]);
}

function unbox(parts: readonly (string | Boxed)[]): Rich {
  const out: Span[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      if (part !== "") out.push(part);
    } else out.push(...part.rich);
  }
  return out;
}

/** Names the patterns' tags take: no argument may have one (`<b>` would stop being bold, or throw). */
export const TAG_NAMES: readonly string[] = ["b"];

/** The message `key` of the locale's catalog, with `args`, as rich text. */
export function message(locale: Locale, key: MessageKey, args: Record<string, MessageArg> = {}): Rich {
  const values: Record<string, number | string | Boxed | ((chunks: (string | Boxed)[]) => Boxed)> = {};
  for (const [name, value] of Object.entries(args)) {
    if (TAG_NAMES.includes(name)) throw new Error(`message ${key}: an argument may not be named ${name} (a tag)`);
    values[name] = boxed(value);
  }
  values.b = (chunks) => box([strong(unbox(chunks))]);
  const parts = compile(locale, key).formatToParts<Boxed>(values);
  return unbox(parts.map((p) => (typeof p.value === "string" ? p.value : (p.value as Boxed))));
}
