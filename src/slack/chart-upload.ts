// The usage chart in Slack: rendered here, uploaded with files.getUploadURLExternal/completeUploadExternal.

import type { Answer } from "../commands/answer.ts";
import { isTranslated } from "../commands/i18n/answers.ts";
import type { Locale } from "../commands/i18n/format.ts";
import { message } from "../commands/i18n/messages.ts";
import { plain } from "../commands/rich.ts";
import { type ChartSeries, chartDays, renderUsageChart } from "./chart.ts";
import type { SlackClient as WebClient } from "./client.ts";

/**
 * Uploads the PNG of a `usage` answer to the user's DM with the bot: a file cannot be ephemeral,
 * and answers to questions are private (SPEC §2). Typed in a DM, it lands in that DM. Drawn and
 * titled in the language of whoever asked (their Slack's).
 */
export async function usageChartPng(
  client: WebClient,
  answer: Answer,
  channel: string,
  userId: string,
  locale: Locale = "en",
): Promise<string> {
  const series = answer.data as unknown as ChartSeries;
  const png = await renderUsageChart(series, locale);
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
    ...fileWords(series, locale),
  });
  return target;
}

/** The file's title and alt text: English as it always read, the others from the catalogs. */
function fileWords(series: ChartSeries, locale: Locale): { title: string; alt_text: string } {
  if (!isTranslated(locale)) {
    return {
      title: `Marketing contacts ${series.from} to ${series.to}`,
      alt_text: `Daily marketing contacts against the tier limit from ${series.from} to ${series.to}`,
    };
  }
  const days = chartDays(locale, series);
  return {
    title: plain(message(locale, "chart.fileTitle", days)),
    alt_text: plain(message(locale, "chart.alt", days)),
  };
}
