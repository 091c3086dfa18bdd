// `/contacts`: written down, acked, carried out from what was written down (src/slack/inbox.ts),
// answered through response_url.
import type { App, RespondFn } from "@slack/bolt";
import { z } from "zod";
import { type Answer, note } from "../../commands/answer.ts";
import { isTranslated } from "../../commands/i18n/answers.ts";
import { message as localMessage } from "../../commands/i18n/messages.ts";
import { channel as channelMark, code, md } from "../../commands/rich.ts";
import { runCommand } from "../../commands/run.ts";
import { parseCommand } from "../../domain/command/index.ts";
import type { BulkRequestView } from "../../services/bulk/index.ts";
import { claimDelivery } from "../../services/deliveries.ts";
import { usageChartPng } from "../chart-upload.ts";
import type { SlackClient as WebClient } from "../client.ts";
import { plainCommandText } from "../command-text.ts";
import { announceDecision, safely } from "../decisions.ts";
import { type Inbox, WENT_WRONG, type WorkSteps } from "../inbox-contract.ts";
import { openingView } from "../manage.ts";
import { renderAnswer } from "../render/answer.ts";
import { markPostedWithoutTs, postRequest, requestMessage } from "../request-poster.ts";
import { afterAck, type Session, type SlackDeps, sessionFor } from "../session.ts";
import { setupViewFor } from "../setup.ts";

export const SLASH_COMMAND = "/contacts";

/** The fields of a slash command we keep with the request (it is carried out from these). */
const slashCommand = z.object({
  team_id: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  text: z.string(),
  trigger_id: z.string(),
  response_url: z.string(),
});

export function register(app: App, deps: SlackDeps & { inbox: Inbox }): void {
  const { inbox } = deps;
  inbox.handle("command", (payload, steps) => carryOut(deps, app.client, slashCommand.parse(payload), steps));

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context: ctx }) => {
    // `manage` and `setup` open a modal with a trigger_id that lives 3 seconds: they do not wait in
    // the queue, and there is nothing to carry out later if this process dies.
    if (/^\s*(?:manage|setup)\b/i.test(command.text)) {
      await ack();
      if (ctx.retryNum) return;
      await openModal(deps, client, respond, command);
      return;
    }
    // Written down before the ack, so an acked command is carried out even if this replica dies.
    const key = `command:${command.team_id}:${command.trigger_id}`;
    const payload = slashCommand.parse(command);
    const received = await inbox.receive(key, "command", payload, { retry: Boolean(ctx.retryNum) });
    if (!received.ok) {
      await ack({ response_type: "ephemeral", text: received.message });
      return;
    }
    await ack();
    // A redelivery (X-Slack-Retry-Num) or a duplicate: the first delivery is carried out.
    if (!received.fresh) return;
    await afterAck(deps, () => inbox.run({ key, kind: "command", payload, token: received.token }));
  });
}

type SlashCommand = z.infer<typeof slashCommand>;

async function openModal(deps: SlackDeps, client: WebClient, respond: RespondFn, command: SlashCommand): Promise<void> {
  if (!(await claimDelivery(deps.svc, `command:${command.team_id}:${command.trigger_id}`))) return;
  try {
    const session = await sessionFor(deps, client, command.team_id, command.user_id);
    const text = plainCommandText(command.text);
    const parsed = parseCommand(text, {
      now: deps.svc.clock.now(),
      timeZone: session.timeZone,
      locale: session.locale,
    });
    if (parsed.ok && (parsed.command.kind === "manage" || parsed.command.kind === "setup")) {
      const view =
        parsed.command.kind === "manage"
          ? await openingView(deps.svc, session.actor, session.timeZone, command.response_url, session.locale)
          : await setupViewFor(deps.svc, session.actor, { responseUrl: command.response_url }, session.locale);
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    // `manage …` or `setup …` that the grammar refuses: the refusal, as for any other command (it changes nothing).
    const answer = await runCommand(deps.svc, {
      actor: session.actor,
      timeZone: session.timeZone,
      locale: session.locale,
      text,
    });
    await respond({ response_type: "ephemeral", ...renderAnswer(answer) });
  } catch (e) {
    deps.logger.error({ err: e }, "/contacts failed");
    await respond({ response_type: "ephemeral", text: WENT_WRONG }).catch(() => {});
  }
}

/** Carries out a received command: the change and the request's `done` in one transaction, then the answer. */
async function carryOut(deps: SlackDeps, client: WebClient, command: SlashCommand, steps: WorkSteps): Promise<void> {
  const session = await sessionFor(deps, client, command.team_id, command.user_id);
  // The payload keeps the text as Slack sent it; made plain once, here.
  const text = plainCommandText(command.text);
  const answer = await steps.decide(
    (svc) => runCommand(svc, { actor: session.actor, timeZone: session.timeZone, locale: session.locale, text }),
    // The copy kept to answer after a crash never holds a secret (a new API key or webhook secret).
    (a) => ({
      message: a.showsSecret
        ? { response_type: "ephemeral", text: SECRET_LOST }
        : { response_type: "ephemeral", ...renderAnswer(a) },
    }),
    // A request to approve is posted to the approvals channel before the answer.
    (a) => !(a.request && a.request.status === "open"),
  );
  const respond = ((message: Record<string, unknown>) =>
    steps.post(command.response_url, message)) as unknown as RespondFn;
  await handle(deps, client, respond, session, text, answer, {
    channel: command.channel_id,
    triggerId: command.trigger_id,
    responseUrl: command.response_url,
  });
}

const SECRET_LOST =
  ":warning: It was made, but the answer that showed its secret was lost and secrets are not kept: revoke it (`/contacts settings api-key revoke <id>`, `/contacts settings webhook remove <n>`) and make a new one.";

interface Origin {
  channel: string;
  triggerId: string;
  responseUrl: string;
}

/** Answers a command that was carried out: the request to approve, the answer, the decision announced, the chart. */
async function handle(
  deps: SlackDeps,
  client: WebClient,
  respond: RespondFn,
  session: Session,
  text: string,
  answer: Answer,
  origin: Origin,
): Promise<void> {
  const { svc } = deps;
  const parsed = parseCommand(text, { now: svc.clock.now(), timeZone: session.timeZone, locale: session.locale });
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
    await safely(deps, "usage chart upload", () =>
      usageChartPng(client, answer, origin.channel, session.actor.userId, session.locale),
    );
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
    notes.push(
      note(
        isTranslated(session.locale)
          ? localMessage(session.locale, "request.posted", { channel: channelMark(posted.channel) })
          : md`Posted to ${channelMark(posted.channel)} for an admin to approve.`,
      ),
    );
  } else if (!approvals) {
    // Not in a channel the bot can post to (a DM, a private channel): show it here instead.
    const message = requestMessage(request, session.account.timeZone, session.account.language);
    await respond({ response_type: "in_channel", ...message });
    await markPostedWithoutTs(deps.svc, request.id, origin.channel);
  }
  if (!approvals) {
    notes.push(
      note(
        isTranslated(session.locale)
          ? localMessage(session.locale, "request.noApprovals", {
              command: code("/contacts settings approvals-channel #channel"),
            })
          : md`No approvals channel is set, so the request is posted here. An admin can set one: ${code("/contacts settings approvals-channel #channel")}.`,
      ),
    );
  }
  await respond({ response_type: "ephemeral", ...renderAnswer({ ...answer, parts: [...answer.parts, ...notes] }) });
}
