// The usage chart (a PNG in the asker's DM): its title, axes, legend and the file's title and alt text.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts). The English chart keeps its own
// wording in src/slack/chart.ts; these are the words the other languages translate.
export const chart = {
  "chart.title": "Marketing contacts against the tier, {from} to {to}",
  "chart.subtitle": "Dotted green lines: update dates (pending contacts become non-marketing).",
  "chart.grouped": "Each point is the peak of {days, plural, one {# day} other {# days}}.",
  "chart.day": "Day ({zone})",
  "chart.contacts": "Contacts",
  "chart.marketing": "Marketing contacts",
  "chart.limit": "Tier limit",
  "chart.fileTitle": "Marketing contacts {from} to {to}",
  "chart.alt": "Daily marketing contacts against the tier limit from {from} to {to}",
} as const;
