// Numbers, money and dates as people read them in the account's language: Intl in the locale
// (sv-SE, nl-NL, pl-PL), thousands always grouped ("7 000", "7.000"), money in US dollars, dates
// in the subsidiary's time zone. English keeps src/domain/format.ts, which its notices use.
import { DateTime } from "luxon";
import type { DateLocale } from "../../domain/dates/locales.ts";

/** The language a channel reads notices in. */
export type Locale = DateLocale;

/** Each language's Intl locale. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: "en-US", sv: "sv-SE", nl: "nl-NL", pl: "pl-PL" };

/** Intl.NumberFormat in the locale with thousands always grouped (Polish leaves 4 digits ungrouped by default). */
export function numberFormat(locale: string | string[], options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { useGrouping: "always", ...options } as Intl.NumberFormatOptions);
}

export interface LocalFormat {
  locale: Locale;
  n(x: number): string;
  pct(x: number): string;
  money(cents: number): string;
  /** An instant in the zone, with the zone's name: "tis 2 juni 2026 12:00 GMT−4 (America/New_York)". */
  at(iso: string, zone: string): string;
  /** An instant in the zone without the zone's name: "tis 2 juni 2026 12:00 CET". */
  instant(iso: string, zone: string): string;
  /** An instant in the zone, day and time without the year: "tis 2 juni 18:00 CET". */
  short(iso: string, zone: string): string;
  /** A calendar day (ISO date or instant) in the zone: "tis 2 juni 2026". */
  day(iso: string, zone: string): string;
  /** Items joined the language's way: "a, b och c". */
  and(items: string[]): string;
}

const formats = new Map<Locale, LocalFormat>();

export function localFormat(locale: Locale): LocalFormat {
  const known = formats.get(locale);
  if (known) return known;
  const tag = INTL_LOCALE[locale];
  const count = numberFormat(tag);
  const share = numberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
  const usd = numberFormat(tag, { style: "currency", currency: "USD" });
  const list = new Intl.ListFormat(tag, { type: "conjunction" });
  const inZone = (iso: string, zone: string) =>
    (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? DateTime.fromISO(iso, { zone }) : DateTime.fromISO(iso).setZone(zone)).setLocale(
      tag,
    );
  const instant = (iso: string, zone: string) =>
    inZone(iso, zone).toLocaleString({
      weekday: "short",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
  const made: LocalFormat = {
    locale,
    n: (x) => count.format(x),
    pct: (x) => share.format(x / 100),
    money: (cents) => usd.format(cents / 100),
    at: (iso, zone) => `${instant(iso, zone)} (${zone})`,
    instant: (iso, zone) => instant(iso, zone),
    short: (iso, zone) =>
      inZone(iso, zone).toLocaleString({
        weekday: "short",
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      }),
    day: (iso, zone) =>
      inZone(iso, zone).toLocaleString({ weekday: "short", day: "numeric", month: "long", year: "numeric" }),
    and: (items) => list.format(items),
  };
  formats.set(locale, made);
  return made;
}
