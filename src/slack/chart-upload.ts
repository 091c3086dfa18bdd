// The usage chart in Slack: rendered here, uploaded with files.getUploadURLExternal/completeUploadExternal.

import type { Answer } from "../commands/answer.ts";
import { type ChartSeries, renderUsageChart } from "./chart.ts";
import type { SlackClient as WebClient } from "./client.ts";

/**
 * Uploads the PNG of a `usage` answer to the user's DM with the bot: a file cannot be ephemeral,
 * and answers to questions are private (SPEC §2). Typed in a DM, it lands in that DM.
 */
export async function usageChartPng(
  client: WebClient,
  answer: Answer,
  channel: string,
  userId: string,
): Promise<string> {
  const series = answer.data as unknown as ChartSeries;
  const png = await renderUsageChart(series);
  let target = channel;
  if (!channel.startsWith("D")) {
    const dm = await client.conversations.open({ users: userId });
    if (!dm.channel?.id) throw new Error("could not open a DM for the usage chart");
    target = dm.channel.id;
  }
  await client.filesUploadV2({
    channel_id: target,
    file: png,
    filename: `usage-${series.from}-${series.to}.png`,
    title: `Marketing contacts ${series.from} to ${series.to}`,
    alt_text: `Daily marketing contacts against the tier limit from ${series.from} to ${series.to}`,
  });
  return target;
}
