// Subcommands this module adds to the shared command language (registered on import).

import { n, pct } from "../commands/format.ts";
import { answer, extraHandlers, type Handler } from "../commands/run.ts";
import { usagePercent } from "../domain/thresholds.ts";
import { usageSeries } from "../services/usage.ts";
import { context, fields, header, listSections } from "./blocks.ts";

/** `usage [since <date> | from <date> to <date>]`: the figures; Slack adds the chart (see listeners/commands.ts). */
export const usageHandler: Handler = async (svc, inv, command) => {
  if (command.kind !== "usage") throw new Error(`usage handler got ${command.kind}`);
  const s = await usageSeries(svc, inv.actor, { from: command.from, to: command.to });
  const last = s.points.at(-1);
  const peak = s.points.reduce(
    (m, p) => (p.marketingCount > m.marketingCount ? p : m),
    s.points[0] ?? { day: s.to, marketingCount: 0, tierLimit: 0 },
  );
  const updates = s.updateDates.map((iso) => iso.slice(0, 10));
  const lines = s.points.map(
    (p) =>
      `${p.day}: ${n(p.marketingCount)} of ${n(p.tierLimit)} (${pct(usagePercent(p.marketingCount, p.tierLimit))})${updates.includes(p.day) ? " — update date" : ""}`,
  );
  const summary = last
    ? `Marketing contacts ${s.from} to ${s.to} (${s.timeZone}): now ${n(last.marketingCount)} of ${n(last.tierLimit)} (${pct(usagePercent(last.marketingCount, last.tierLimit))}); peak ${n(peak.marketingCount)} on ${peak.day}; ${s.points.length} ${s.points.length === 1 ? "day" : "days"} recorded; update dates: ${updates.length ? updates.join(", ") : "none in this range"}.`
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
            ["Days recorded", n(s.points.length)],
            ["Update dates", updates.length ? updates.join(", ") : "none in this range"],
          ]),
          ...listSections(lines, 20),
        ]
      : []),
    context(
      last
        ? "The chart (PNG) arrives in your DM with tierkeeper."
        : "Snapshots are taken daily by the scheduler; come back tomorrow.",
    ),
  ];
  return answer(text, blocks, {
    from: s.from,
    to: s.to,
    timeZone: s.timeZone,
    points: s.points,
    updateDates: s.updateDates,
  });
};

extraHandlers.set("usage", usageHandler);
