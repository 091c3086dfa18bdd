// Polski: the usage chart.
import type { chart as en } from "../en/chart.ts";
import type { Part } from "../part.ts";

export const chart: Part<typeof en> = {
  "chart.title": "Kontakty marketingowe na tle pakietu, od {from} do {to}",
  "chart.subtitle": "Zielone linie kropkowane: daty aktualizacji (oczekujące kontakty stają się niemarketingowe).",
  "chart.grouped": "Każdy punkt to maksimum z {days, plural, one {# dnia} few {# dni} many {# dni} other {# dnia}}.",
  "chart.day": "Dzień ({zone})",
  "chart.contacts": "Kontakty",
  "chart.marketing": "Kontakty marketingowe",
  "chart.limit": "Limit pakietu",
  "chart.fileTitle": "Kontakty marketingowe od {from} do {to}",
  "chart.alt": "Dzienna liczba kontaktów marketingowych na tle limitu pakietu od {from} do {to}",
};
