// A CSV file shared with the bot in a DM is imported like `tierkeeper import` (SPEC §3): the
// message text may say `list:"Name"` and `marketing` ("set all as marketing" → a bulk request).
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { isTranslated, speak } from "../commands/i18n/answers.ts";
import { importAnswer } from "../commands/import-report.ts";
import { code, plain } from "../commands/rich.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../config.ts";
import { parseCommand } from "../domain/command/index.ts";
import { Refusal } from "../services/context.ts";
import { claimDelivery } from "../services/deliveries.ts";
import { ImportFileError, importFromSlackFile } from "../services/import/index.ts";
import type { SlackClient } from "./client.ts";
import { plainCommandText } from "./command-text.ts";
import { refusalMrkdwn, renderAnswer } from "./render/answer.ts";
import { escapeMrkdwn, toMrkdwn } from "./render/mrkdwn.ts";
import { postRequest } from "./request-poster.ts";
import { type SlackDeps, sessionFor } from "./session.ts";

/** The fields of a `message` event with a shared file that the import uses; anything else is ignored. */
export const fileShareSchema = z.object({
  channel: z.string(),
  channel_type: z.literal("im"),
  user: z.string(),
  text: z.string().optional().default(""),
  files: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().optional().default("file"),
        url_private_download: z.url().optional(),
        /** Bytes, as Slack gives them: a file over the import limit is refused before it is downloaded. */
        size: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
});
export type FileShare = z.infer<typeof fileShareSchema>;

/**
 * The bot token goes only to Slack's file host (or to SLACK_API_URL's host, where tests run a fake):
 * a forged event cannot make us send it anywhere else.
 */
export function trustedFileUrl(url: string, apiUrl: string | undefined): boolean {
  const host = new URL(url).host;
  if (host === "files.slack.com") return true;
  return apiUrl ? new URL(apiUrl).host === host : false;
}

export async function importSharedFile(
  deps: SlackDeps & { botToken: string; apiUrl?: string; importLimits?: ImportLimits },
  client: SlackClient,
  teamId: string,
  share: FileShare,
): Promise<void> {
  const file = share.files[0];
  if (!file) return;
  if (!(await claimDelivery(deps.svc, `file:${teamId}:${file.id}`))) return;
  const say = (text: string, blocks?: KnownBlock[]) =>
    client.chat.postMessage({ channel: share.channel, text, ...(blocks ? { blocks } : {}) });
  const session = await sessionFor(deps, client, teamId, share.user);
  // The message text is read as the options of `/contacts import` (list:"Name", marketing).
  const text = share.text.trim().replace(/^\/?(contacts\s+)?(import\b)?/i, "");
  const parsed = parseCommand(`import ${plainCommandText(text)}`, {
    now: deps.svc.clock.now(),
    timeZone: session.timeZone,
    locale: session.locale,
  });
  if (!parsed.ok || parsed.command.kind !== "import") {
    await say(
      `${parsed.ok ? "" : `${escapeMrkdwn(parsed.error)} `}Share the CSV again with a message like \`list:"Spring webinar" marketing\`, or none.`,
    );
    return;
  }
  const url = file.url_private_download;
  if (!url || !trustedFileUrl(url, deps.apiUrl)) {
    await say("I can't download that file from Slack. Share the CSV file itself (not a link) in this DM.");
    return;
  }
  const limits = deps.importLimits ?? DEFAULT_IMPORT_LIMITS;
  try {
    const report = await importFromSlackFile(
      deps.svc,
      session.actor,
      async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${deps.botToken}` } });
        if (!res.ok || !res.body) {
          await res.body?.cancel().catch(() => {});
          throw new ImportFileError(`Slack did not give me the file (HTTP ${res.status}). Share it again.`);
        }
        return Readable.fromWeb(res.body as unknown as WebReadableStream);
      },
      {
        list: parsed.command.list,
        marketing: parsed.command.marketing,
        fileName: file.name,
        size: file.size,
        maxBytes: limits.maxBytes,
        maxRows: limits.maxRows,
      },
    );
    const answer = importAnswer(report, session.timeZone, session.locale);
    const message = renderAnswer(answer);
    await say(message.text, message.blocks);
    const approvals = session.account.approvalsChannel;
    if (answer.request && approvals) await postRequest(deps.svc, client, answer.request, approvals);
    else if (answer.request) {
      const id = answer.request.id;
      await say(
        isTranslated(session.locale)
          ? toMrkdwn(
              speak(session.locale).say("import.waits", {
                id: [id],
                requests: code("/contacts requests"),
                approve: code(`/contacts approve ${id}`),
                settings: code("/contacts settings approvals-channel #channel"),
              }),
            )
          : `No approvals channel is set, so request ${id} waits in \`/contacts requests\`; an admin approves it with \`/contacts approve ${id}\` (or sets one: \`/contacts settings approvals-channel #channel\`).`,
      );
    }
  } catch (e) {
    if (e instanceof Refusal || e instanceof ImportFileError) {
      // The message may name the file as it was shared.
      const nothing = isTranslated(session.locale)
        ? plain(speak(session.locale).say("import.nothingImported"))
        : "Nothing was imported.";
      await say(
        `:warning: ${refusalMrkdwn(e, session.locale)}${/nothing was imported/i.test(e.message) ? "" : ` ${toMrkdwn([nothing])}`}`,
      );
      return;
    }
    throw e;
  }
}
