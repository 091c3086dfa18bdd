// Svenska: the usage chart.
import type { chart as en } from "../en/chart.ts";
import type { Part } from "../part.ts";

export const chart: Part<typeof en> = {
  "chart.title": "Marknadsföringskontakter mot paketet, {from} till {to}",
  "chart.subtitle": "Prickade gröna linjer: uppdateringsdatum (väntande kontakter blir icke-marknadsföring).",
  "chart.grouped": "Varje punkt är toppen under {days, plural, one {# dag} other {# dagar}}.",
  "chart.day": "Dag ({zone})",
  "chart.contacts": "Kontakter",
  "chart.marketing": "Marknadsföringskontakter",
  "chart.limit": "Paketets gräns",
  "chart.fileTitle": "Marknadsföringskontakter {from} till {to}",
  "chart.alt": "Marknadsföringskontakter per dag mot paketets gräns från {from} till {to}",
};
