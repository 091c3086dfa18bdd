// Svenska: `next-update`, `history`, `usage`, `forecast` (`tier` is in answers.ts).
import type { reports as en } from "../en/reports.ts";
import type { Part } from "../part.ts";

export const reports: Part<typeof en> = {
  "report.nextUpdate":
    "Nästa uppdatering är {when}: {count, plural, one {# kontakt blir} other {# kontakter blir}} icke-marknadsföring, och kvar blir {after, number} av {limit, number} ({usage}).",
  "report.history": "Historik",
  "report.historyOf": "Historik för {email}",
  "report.historySince": "Historik sedan {since}",
  "report.historyOfSince": "Historik för {email} sedan {since}",
  "report.historyNothing": "{title}: inget registrerat.",
  "report.historyContacts": " ({count, plural, one {# kontakt} other {# kontakter}})",
  "report.historyBy": " av {who}",
  "report.historyEffective": "; gäller från {when}",
  "report.historyShowing": "Visar de senaste {shown, number} av {total} händelser; {narrow}.",
  "report.historyMoreThan": "fler än {count, number}",
  "report.narrowLater": "begränsa med ett senare {since}",
  "report.narrowSince": "begränsa med {since}",
  "report.narrowAll": "begränsa med en e-postadress eller {since}, t.ex. {example}",
  "report.usageHeader": "Användning {from} – {to}",
  "report.usage":
    "Marknadsföringskontakter {from} – {to} ({zone}): nu {count, number} av {limit, number} ({usage}); högst {peak, number} den {peakDay}; {days, plural, one {# dag} other {# dagar}} registrerade; uppdateringsdatum: {updates}.",
  "report.usagePoint": "{day}: {count, number} av {limit, number} ({usage}){update}",
  "report.usagePeak": "{from} – {to}: högst {count, number} av {limit, number} ({usage}){update}",
  "report.usageUpdate": " — uppdateringsdatum",
  "report.usageNoUpdates": "inga i det här intervallet",
  "report.usageChart": "Diagrammet (PNG) kommer i ditt direktmeddelande med tierkeeper.",
  "report.usageNone": "Ingen användning registrerad från {from} till {to}.",
  "report.usageSnapshots": "Ögonblicksbilder tas dagligen av schemaläggaren; kom tillbaka i morgon.",
  "report.usageGrouped":
    "Det är fler än {max, number} dagar, så varje punkt är det högsta värdet under {days, number} dagar.",
  "report.forecastHeader": "Användningsprognos",
  "report.forecastNow": "Nu: {count, number} av {limit, number} marknadsföringskontakter ({usage}).",
  "report.forecastNoTrend":
    "Inte tillräckligt med historik för en trend än ({points, plural, one {# daglig punkt} other {# dagliga punkter}}; 3 behövs).",
  "report.forecastRate":
    "Senaste tidens ökning: {rate} marknadsföringskontakter om dagen (minsta kvadratmetoden över {points, number} dagar).",
  "report.forecastLine": "{threshold}: {what}",
  "report.forecastReached": "redan nådd",
  "report.forecastNoTrendYet": "ingen trend än",
  "report.forecastOn": "{day} (om {days, plural, one {# dag} other {# dagar}})",
  "report.forecastNever": "inte i nuvarande takt",
};
