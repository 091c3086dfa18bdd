// Polski: `next-update`, `history`, `usage`, `forecast` (`tier` is in answers.ts).
import type { reports as en } from "../en/reports.ts";
import type { Part } from "../part.ts";

export const reports: Part<typeof en> = {
  "report.nextUpdate":
    "Najbliższa aktualizacja nastąpi {when}: {count, plural, one {# kontakt stanie się niemarketingowy} few {# kontakty staną się niemarketingowe} many {# kontaktów stanie się niemarketingowych} other {# kontaktu stanie się niemarketingowe}}, zostanie {after, number} z {limit, number} ({usage}).",
  "report.history": "Historia",
  "report.historyOf": "Historia kontaktu {email}",
  "report.historySince": "Historia od {since}",
  "report.historyOfSince": "Historia kontaktu {email} od {since}",
  "report.historyNothing": "{title}: nic nie zapisano.",
  "report.historyContacts":
    " ({count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}})",
  "report.historyBy": " — {who}",
  "report.historyEffective": "; obowiązuje od {when}",
  "report.historyShowing": "Pokazano najnowsze {shown, number} z {total} zdarzeń; {narrow}.",
  "report.historyMoreThan": "ponad {count, number}",
  "report.narrowLater": "zawęź późniejszym {since}",
  "report.narrowSince": "zawęź przez {since}",
  "report.narrowAll": "zawęź adresem e-mail lub {since}, np. {example}",
  "report.usageHeader": "Wykorzystanie {from} – {to}",
  "report.usage":
    "Kontakty marketingowe {from} – {to} ({zone}): teraz {count, number} z {limit, number} ({usage}); szczyt {peak, number} w dniu {peakDay}; zapisano {days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}; daty aktualizacji: {updates}.",
  "report.usagePoint": "{day}: {count, number} z {limit, number} ({usage}){update}",
  "report.usagePeak": "{from} – {to}: szczyt {count, number} z {limit, number} ({usage}){update}",
  "report.usageUpdate": " — data aktualizacji",
  "report.usageNoUpdates": "brak w tym okresie",
  "report.usageChart": "Wykres (PNG) przyjdzie w Twojej wiadomości prywatnej z tierkeeperem.",
  "report.usageNone": "Brak zapisanego wykorzystania od {from} do {to}.",
  "report.usageSnapshots": "Harmonogram zapisuje stan codziennie; wróć jutro.",
  "report.usageGrouped": "To więcej niż {max, number} dni, więc każdy punkt to szczyt z {days, number} dni.",
  "report.forecastHeader": "Prognoza wykorzystania",
  "report.forecastNow": "Teraz: {count, number} z {limit, number} kontaktów marketingowych ({usage}).",
  "report.forecastNoTrend":
    "Za mało historii na trend ({points, plural, one {# punkt dzienny} few {# punkty dzienne} many {# punktów dziennych} other {# punktu dziennego}}; potrzeba 3).",
  "report.forecastRate":
    "Ostatni przyrost: {rate} kontaktów marketingowych dziennie (metoda najmniejszych kwadratów z {points, number} dni).",
  "report.forecastLine": "{threshold}: {what}",
  "report.forecastReached": "już osiągnięto",
  "report.forecastNoTrendYet": "brak trendu",
  "report.forecastOn": "{day} (za {days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}})",
  "report.forecastNever": "nie przy obecnym tempie",
};
