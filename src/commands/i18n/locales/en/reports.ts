// `next-update`, `history`, `usage`, `forecast` (`tier` is in answers.ts).
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts).
export const reports = {
  "report.nextUpdate":
    "The next update is {when}: {count, plural, one {# contact becomes} other {# contacts become}} non-marketing, leaving {after, number} of {limit, number} ({usage}).",
  "report.history": "History",
  "report.historyOf": "History of {email}",
  "report.historySince": "History since {since}",
  "report.historyOfSince": "History of {email} since {since}",
  "report.historyNothing": "{title}: nothing recorded.",
  "report.historyContacts": " ({count, plural, one {# contact} other {# contacts}})",
  "report.historyBy": " by {who}",
  "report.historyEffective": "; effective {when}",
  "report.historyShowing": "Showing the latest {shown, number} of {total} events; {narrow}.",
  "report.historyMoreThan": "more than {count, number}",
  "report.narrowLater": "narrow with a later {since}",
  "report.narrowSince": "narrow with {since}",
  "report.narrowAll": "narrow with an email or {since}, e.g. {example}",
  "report.usageHeader": "Usage {from} to {to}",
  "report.usage":
    "Marketing contacts {from} to {to} ({zone}): now {count, number} of {limit, number} ({usage}); peak {peak, number} on {peakDay}; {days, plural, one {# day} other {# days}} recorded; update dates: {updates}.",
  "report.usagePoint": "{day}: {count, number} of {limit, number} ({usage}){update}",
  "report.usagePeak": "{from} to {to}: peak {count, number} of {limit, number} ({usage}){update}",
  "report.usageUpdate": " — update date",
  "report.usageNoUpdates": "none in this range",
  "report.usageChart": "The chart (PNG) arrives in your DM with tierkeeper.",
  "report.usageNone": "No usage recorded from {from} to {to}.",
  "report.usageSnapshots": "Snapshots are taken daily by the scheduler; come back tomorrow.",
  "report.usageGrouped": "That is more than {max, number} days, so each point is the peak of {days, number} days.",
  "report.forecastHeader": "Usage forecast",
  "report.forecastNow": "Now: {count, number} of {limit, number} marketing contacts ({usage}).",
  "report.forecastNoTrend":
    "Not enough history yet for a trend ({points, plural, one {# daily point} other {# daily points}}; 3 needed).",
  "report.forecastRate": "Recent growth: {rate} marketing contacts a day (least squares over {points, number} days).",
  "report.forecastLine": "{threshold}: {what}",
  "report.forecastReached": "already reached",
  "report.forecastNoTrendYet": "no trend yet",
  "report.forecastOn": "{day} (in {days, plural, one {# day} other {# days}})",
  "report.forecastNever": "not at the current rate",
} as const;
