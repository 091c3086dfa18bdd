// `/contacts`: ack at once, run the shared command language, answer through response_url.
import type { App, RespondFn } from "@slack/bolt";
import { type Answer, note } from "../../commands/answer.ts";
import { channel as channelMark, code, md } from "../../commands/rich.ts";
import { runCommand } from "../../commands/run.ts";
import { parseCommand } from "../../domain/command/index.ts";
import type { BulkRequestView } from "../../services/bulk/index.ts";
import { claimDelivery } from "../../services/deliveries.ts";
import { usageChartPng } from "../chart-upload.ts";
import type { SlackClient as WebClient } from "../client.ts";
import { plainCommandText } from "../command-text.ts";
import { announceDecision, safely } from "../decisions.ts";
import { openingView } from "../manage.ts";
import { renderAnswer } from "../render/answer.ts";
import { markPostedWithoutTs, postRequest, requestMessage } from "../request-poster.ts";
import { afterAck, type Session, type SlackDeps, sessionFor } from "../session.ts";
import { setupViewFor } from "../setup.ts";

export const SLASH_COMMAND = "/contacts";

export function register(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context: ctx }) => {
    await ack();
    // Slack may redeliver a slash command (X-Slack-Retry-Num): the first delivery already ran it.
    if (ctx.retryNum) return;
    const work = async () => {
      if (!(await claimDelivery(deps.svc, `command:${command.team_id}:${command.trigger_id}`))) return;
      try {
        const session = await sessionFor(deps, client, command.team_id, command.user_id);
        await handle(deps, client, respond, session, plainCommandText(command.text), {
          channel: command.channel_id,
          triggerId: command.trigger_id,
          responseUrl: command.response_url,
        });
      } catch (e) {
        deps.logger.error({ err: e, text: command.text }, "/contacts failed");
        await respond({
          response_type: "ephemeral",
          text: ":warning: Something went wrong on our side while answering that. Nothing was changed by this message; try again in a moment.",
        }).catch(() => {});
      }
    };
    // `manage` and `setup` open a modal with a trigger_id that lives 3 seconds: they do not wait in the queue.
    await (/^\s*(?:manage|setup)\b/i.test(command.text) ? work() : afterAck(deps, work));
  });
}

interface Origin {
  channel: string;
  triggerId: string;
  responseUrl: string;
}

async function handle(
  deps: SlackDeps,
  client: WebClient,
  respond: RespondFn,
  session: Session,
  text: string,
  origin: Origin,
): Promise<void> {
  const { svc } = deps;
  const parsed = parseCommand(text, { now: svc.clock.now(), timeZone: session.timeZone });
  if (parsed.ok && parsed.command.kind === "manage") {
    // The trigger_id is valid for 3 seconds: open the first step before anything slow.
    await client.views.open({
      trigger_id: origin.triggerId,
      view: await openingView(svc, session.actor, session.timeZone, origin.responseUrl),
    });
    return;
  }
  if (parsed.ok && parsed.command.kind === "setup") {
    await client.views.open({
      trigger_id: origin.triggerId,
      view: await setupViewFor(svc, session.actor, { responseUrl: origin.responseUrl }),
    });
    return;
  }
  const answer = await runCommand(svc, { actor: session.actor, timeZone: session.timeZone, text });
  if (answer.request && answer.request.status === "open") {
    await postForApproval(deps, client, respond, session, answer, answer.request, origin);
    return;
  }
  await respond({ response_type: "ephemeral", ...renderAnswer(answer) });
  if (answer.decided) {
    await announceDecision(deps, client, answer.decided.request, true, session.actor.userId, session.account.timeZone);
  }
  if (
    parsed.ok &&
    parsed.command.kind === "usage" &&
    answer.ok &&
    Array.isArray(answer.data.points) &&
    answer.data.points.length > 0
  ) {
    await safely(deps, "usage chart upload", () => usageChartPng(client, answer, origin.channel, session.actor.userId));
  }
}

/** A request made by the command goes to the approvals channel with buttons (R14); the asker hears where. */
async function postForApproval(
  deps: SlackDeps,
  client: WebClient,
  respond: RespondFn,
  session: Session,
  answer: Answer,
  request: BulkRequestView,
  origin: Origin,
): Promise<void> {
  const approvals = session.account.approvalsChannel;
  const channel = approvals ?? origin.channel;
  const posted = await safely(deps, "posting the request", () => postRequest(deps.svc, client, request, channel));
  const notes = [];
  if (posted) {
    notes.push(note(md`Posted to ${channelMark(posted.channel)} for an admin to approve.`));
  } else if (!approvals) {
    // Not in a channel the bot can post to (a DM, a private channel): show it here instead.
    const message = requestMessage(request, session.account.timeZone);
    await respond({ response_type: "in_channel", ...message });
    await markPostedWithoutTs(deps.svc, request.id, origin.channel);
  }
  if (!approvals) {
    notes.push(
      note(
        md`No approvals channel is set, so the request is posted here. An admin can set one: ${code("/contacts settings approvals-channel #channel")}.`,
      ),
    );
  }
  await respond({ response_type: "ephemeral", ...renderAnswer({ ...answer, parts: [...answer.parts, ...notes] }) });
}
