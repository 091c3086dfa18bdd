// Nederlands: `next-update`, `history`, `usage`, `forecast` (`tier` is in answers.ts).
import type { reports as en } from "../en/reports.ts";
import type { Part } from "../part.ts";

export const reports: Part<typeof en> = {
  "report.nextUpdate":
    "De volgende update is {when}: {count, plural, one {# contact wordt} other {# contacten worden}} niet-marketing, dan blijven er {after, number} van {limit, number} over ({usage}).",
  "report.history": "Geschiedenis",
  "report.historyOf": "Geschiedenis van {email}",
  "report.historySince": "Geschiedenis sinds {since}",
  "report.historyOfSince": "Geschiedenis van {email} sinds {since}",
  "report.historyNothing": "{title}: niets vastgelegd.",
  "report.historyContacts": " ({count, plural, one {# contact} other {# contacten}})",
  "report.historyBy": " door {who}",
  "report.historyEffective": "; gaat in op {when}",
  "report.historyShowing": "De nieuwste {shown, number} van {total} gebeurtenissen getoond; {narrow}.",
  "report.historyMoreThan": "meer dan {count, number}",
  "report.narrowLater": "beperk met een latere {since}",
  "report.narrowSince": "beperk met {since}",
  "report.narrowAll": "beperk met een e-mailadres of {since}, bijv. {example}",
  "report.usageHeader": "Gebruik {from} t/m {to}",
  "report.usage":
    "Marketingcontacten {from} t/m {to} ({zone}): nu {count, number} van {limit, number} ({usage}); piek {peak, number} op {peakDay}; {days, plural, one {# dag} other {# dagen}} vastgelegd; updatedatums: {updates}.",
  "report.usagePoint": "{day}: {count, number} van {limit, number} ({usage}){update}",
  "report.usagePeak": "{from} t/m {to}: piek {count, number} van {limit, number} ({usage}){update}",
  "report.usageUpdate": " — updatedatum",
  "report.usageNoUpdates": "geen in deze periode",
  "report.usageChart": "De grafiek (PNG) komt in je directe berichten met tierkeeper.",
  "report.usageNone": "Geen gebruik vastgelegd van {from} tot {to}.",
  "report.usageSnapshots": "De planner legt elke dag een momentopname vast; kom morgen terug.",
  "report.usageGrouped": "Dat is meer dan {max, number} dagen, dus elk punt is de piek van {days, number} dagen.",
  "report.forecastHeader": "Gebruiksprognose",
  "report.forecastNow": "Nu: {count, number} van {limit, number} marketingcontacten ({usage}).",
  "report.forecastNoTrend":
    "Nog niet genoeg geschiedenis voor een trend ({points, plural, one {# dagpunt} other {# dagpunten}}; 3 nodig).",
  "report.forecastRate":
    "Recente groei: {rate} marketingcontacten per dag (kleinste kwadraten over {points, number} dagen).",
  "report.forecastLine": "{threshold}: {what}",
  "report.forecastReached": "al bereikt",
  "report.forecastNoTrendYet": "nog geen trend",
  "report.forecastOn": "{day} (over {days, plural, one {# dag} other {# dagen}})",
  "report.forecastNever": "niet bij het huidige tempo",
};
