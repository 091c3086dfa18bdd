// Subcommands this module adds to the shared command language (registered on import).

import { DateTime } from "luxon";
import { n, pct } from "../commands/format.ts";
import { answer, extraHandlers, type Handler, shortList } from "../commands/run.ts";
import { usagePercent } from "../domain/thresholds.ts";
import { groupEndOf, groupStartOf, MAX_USAGE_POINTS } from "../domain/usage-window.ts";
import { usageSeries } from "../services/usage.ts";
import { context, fields, header, listSections } from "./blocks.ts";

/** `usage [since <date> | from <date> to <date>]`: the figures; Slack adds the chart (see listeners/commands.ts). */
export const usageHandler: Handler = async (svc, inv, command) => {
  if (command.kind !== "usage") throw new Error(`usage handler got ${command.kind}`);
  const s = await usageSeries(svc, inv.actor, { from: command.from, to: command.to });
  const last = s.latest;
  const peak = s.peak ?? { day: s.to, marketingCount: 0, tierLimit: 0 };
  const updates = s.updateDates.map(
    (iso) => DateTime.fromISO(iso, { zone: s.timeZone }).toISODate() ?? iso.slice(0, 10),
  );
  const updateGroups = new Set(updates.map((day) => groupStartOf(day, s.from, s.bucketDays)));
  const grouped = s.bucketDays > 1;
  const lines = s.points.map(
    (p) =>
      `${grouped ? `${p.day} to ${groupEndOf(p.day, s.to, s.bucketDays)}: peak` : `${p.day}:`} ${n(p.marketingCount)} of ${n(p.tierLimit)} (${pct(usagePercent(p.marketingCount, p.tierLimit))})${updateGroups.has(p.day) ? " — update date" : ""}`,
  );
  const updatesText = updates.length ? shortList(updates, 12) : "none in this range";
  const groupNote = grouped
    ? `That is more than ${n(MAX_USAGE_POINTS)} days, so each point is the peak of ${s.bucketDays} days.`
    : null;
  const summary = last
    ? `Marketing contacts ${s.from} to ${s.to} (${s.timeZone}): now ${n(last.marketingCount)} of ${n(last.tierLimit)} (${pct(usagePercent(last.marketingCount, last.tierLimit))}); peak ${n(peak.marketingCount)} on ${peak.day}; ${n(s.daysRecorded)} ${s.daysRecorded === 1 ? "day" : "days"} recorded; update dates: ${updatesText}.${groupNote ? ` ${groupNote}` : ""}`
    : `No usage recorded from ${s.from} to ${s.to}.`;
  const text = lines.length ? `${summary}\n${lines.join("\n")}` : summary;
  const blocks = [
    header(`Usage ${s.from} to ${s.to}`),
    ...(last
      ? [
          fields([
            [
              "Now",
              `${n(last.marketingCount)} of ${n(last.tierLimit)} (${pct(usagePercent(last.marketingCount, last.tierLimit))})`,
            ],
            ["Peak", `${n(peak.marketingCount)} on ${peak.day}`],
            ["Days recorded", n(s.daysRecorded)],
            ["Update dates", updatesText],
          ]),
          ...listSections(lines, 20),
        ]
      : []),
    context(
      ...[
        last
          ? "The chart (PNG) arrives in your DM with tierkeeper."
          : "Snapshots are taken daily by the scheduler; come back tomorrow.",
        ...(groupNote ? [groupNote] : []),
      ],
    ),
  ];
  return answer(text, blocks, {
    from: s.from,
    to: s.to,
    timeZone: s.timeZone,
    bucketDays: s.bucketDays,
    daysRecorded: s.daysRecorded,
    points: s.points,
    updateDates: s.updateDates,
  });
};

extraHandlers.set("usage", usageHandler);
