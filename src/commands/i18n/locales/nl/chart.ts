// Nederlands: the usage chart.
import type { chart as en } from "../en/chart.ts";
import type { Part } from "../part.ts";

export const chart: Part<typeof en> = {
  "chart.title": "Marketingcontacten tegenover het pakket, {from} tot {to}",
  "chart.subtitle": "Groene stippellijnen: updatedatums (wachtende contacten worden niet-marketing).",
  "chart.grouped": "Elk punt is de piek van {days, plural, one {# dag} other {# dagen}}.",
  "chart.day": "Dag ({zone})",
  "chart.contacts": "Contacten",
  "chart.marketing": "Marketingcontacten",
  "chart.limit": "Pakketlimiet",
  "chart.fileTitle": "Marketingcontacten {from} tot {to}",
  "chart.alt": "Marketingcontacten per dag tegenover de pakketlimiet van {from} tot {to}",
};
