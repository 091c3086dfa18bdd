// Buttons: Approve/Reject on request messages (R14) and the App Home shortcuts.
import { randomUUID } from "node:crypto";
import type { App, Middleware, RespondFn, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import { isTranslated } from "../../commands/i18n/answers.ts";
import { localClickAlready } from "../../commands/i18n/requests.ts";
import { APPROVE_ACTION, REJECT_ACTION } from "../../commands/requests-view.ts";
import { runCommand } from "../../commands/run.ts";
import { PLANS, type Plan } from "../../domain/types.ts";
import { approveRequest, NeedsConfirmation, rejectRequest } from "../../services/bulk/index.ts";
import { Refusal } from "../../services/context.ts";
import { setupState } from "../../services/setup.ts";
import type { SlackClient as WebClient } from "../client.ts";
import { confirmUpgradeView } from "../confirm.ts";
import { announceDecision, safely } from "../decisions.ts";
import { HOME_ACTIONS, homeView } from "../home.ts";
import type { Inbox, WorkSteps } from "../inbox-contract.ts";
import { openingView } from "../manage.ts";
import { refusalMrkdwn, renderAnswer } from "../render/answer.ts";
import { LIMITS } from "../render/blocks.ts";
import { toMrkdwn } from "../render/mrkdwn.ts";
import { directMessage } from "../request-poster.ts";
import { afterAck, type Session, type SlackDeps, sessionFor } from "../session.ts";
import { readSetupMetadata, SETUP_PLAN_ACTION, setupModal, setupViewFor } from "../setup.ts";

/** The fields of a block_actions payload we use. */
const actionBody = z.object({
  trigger_id: z.string().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(LIMITS.buttonValue).optional() })).min(1),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).partial().optional(),
  response_url: z.string().optional(),
  view: z.object({ type: z.string() }).partial().nullish(),
});
type ActionBody = z.infer<typeof actionBody>;

/** The fields of the setup modal's plan select action we use. */
const planChange = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
  actions: z.array(z.object({ selected_option: z.object({ value: z.string().max(100) }).nullish() })).min(1),
  view: z.object({
    id: z.string().max(100),
    hash: z.string().max(200).optional(),
    private_metadata: z.string().optional(),
  }),
});

const teamOf = (b: ActionBody) => b.team?.id ?? b.user.team_id ?? "";

const say = (respond: RespondFn | undefined, text: string) =>
  respond?.({ response_type: "ephemeral", replace_original: false, text }).then(() => undefined);

/** A click on Approve or Reject as it is kept until carried out: which button, and Slack's payload. */
const decisionClick = z.object({ what: z.enum(["approve", "reject"]), body: z.unknown() });

export function register(app: App, deps: SlackDeps & { inbox: Inbox }): void {
  const { inbox } = deps;
  inbox.handle("action", (payload, steps) => {
    const click = decisionClick.parse(payload);
    const url = actionBody.safeParse(click.body).data?.response_url;
    const respond = url
      ? (((message: Record<string, unknown>) => steps.post(url, message)) as unknown as RespondFn)
      : undefined;
    return decideFromButton(deps, app.client, respond, click.body, click.what, steps);
  });

  // Written down before the ack (src/slack/inbox.ts): an acked click is carried out even if this replica dies.
  const receiveClick = (what: "approve" | "reject") =>
    (async ({ ack, body, respond, context }) => {
      const parsed = actionBody.safeParse(body);
      const triggerId = parsed.data?.trigger_id;
      const key = `action:${parsed.success ? teamOf(parsed.data) : ""}:${triggerId ?? randomUUID()}`;
      const payload = { what, body };
      const received = await inbox.receive(key, "action", payload, { retry: Boolean(context.retryNum) });
      await ack();
      if (!received.ok) {
        await say(respond, received.message)?.catch(() => {});
        return;
      }
      if (!received.fresh) return;
      await afterAck(deps, () => inbox.run({ key, kind: "action", payload, token: received.token }));
    }) satisfies Middleware<SlackActionMiddlewareArgs>;

  app.action(APPROVE_ACTION, receiveClick("approve"));
  app.action(REJECT_ACTION, receiveClick("reject"));

  app.action(HOME_ACTIONS.manage, async ({ ack, body, client }) => {
    await ack();
    const b = actionBody.parse(body);
    const session = await sessionFor(deps, client, teamOf(b), b.user.id);
    if (!b.trigger_id) return;
    await client.views.open({
      trigger_id: b.trigger_id,
      view: await openingView(deps.svc, session.actor, session.timeZone, null, session.locale),
    });
  });

  app.action(HOME_ACTIONS.tier, async ({ ack, body, client }) => {
    await ack();
    const b = actionBody.parse(body);
    const session = await sessionFor(deps, client, teamOf(b), b.user.id);
    const answer = await runCommand(deps.svc, {
      actor: session.actor,
      timeZone: session.timeZone,
      locale: session.locale,
      text: "tier",
    });
    const message = renderAnswer(answer);
    await directMessage(client, b.user.id, message.text, message.blocks);
  });

  app.action(HOME_ACTIONS.setup, async ({ ack, body, client }) => {
    await ack();
    const b = actionBody.parse(body);
    if (!b.trigger_id) return;
    const session = await sessionFor(deps, client, teamOf(b), b.user.id);
    await client.views.open({
      trigger_id: b.trigger_id,
      view: await setupViewFor(deps.svc, session.actor, { responseUrl: null }, session.locale),
    });
  });

  // Another plan in the setup modal: redraw it with that plan's tiers (the other fields keep what was typed).
  app.action(SETUP_PLAN_ACTION, async ({ ack, body, client }) => {
    await ack();
    const b = planChange.safeParse(body);
    if (!b.success) return;
    const plan = b.data.actions[0]?.selected_option?.value ?? "";
    if (!(PLANS as readonly string[]).includes(plan)) return;
    const session = await sessionFor(deps, client, b.data.team?.id ?? b.data.user.team_id ?? "", b.data.user.id);
    const state = await setupState(deps.svc, session.actor);
    if (!state.isAdmin) return;
    const view = setupModal(
      state,
      deps.svc.pricing,
      readSetupMetadata(b.data.view.private_metadata),
      plan as Plan,
      session.locale,
    );
    await safely(deps, "setup modal redraw", () =>
      client.views.update({
        view_id: b.data.view.id,
        ...(b.data.view.hash ? { hash: b.data.view.hash } : {}),
        view: view,
      }),
    );
  });

  // Links and other buttons need no work, only an ack. Not the buttons above: acking them twice
  // makes Bolt log an error for every click.
  const handled = [
    APPROVE_ACTION,
    REJECT_ACTION,
    HOME_ACTIONS.manage,
    HOME_ACTIONS.tier,
    HOME_ACTIONS.setup,
    SETUP_PLAN_ACTION,
  ];
  const others = new RegExp(`^(?!(?:${handled.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$)`);
  app.action(others, async ({ ack }) => {
    await ack();
  });
}

async function decideFromButton(
  deps: SlackDeps,
  client: WebClient,
  respond: RespondFn | undefined,
  raw: unknown,
  what: "approve" | "reject",
  steps: WorkSteps,
): Promise<void> {
  const parsed = actionBody.safeParse(raw);
  if (!parsed.success) {
    await say(respond, "That button didn't carry a request I can read. Use `/contacts requests` to see the open ones.");
    return;
  }
  const body = parsed.data;
  const requestId = (body.actions[0]?.value ?? "").trim();
  const message =
    body.container?.channel_id && body.container.message_ts
      ? { channel: body.container.channel_id, ts: body.container.message_ts }
      : undefined;
  // The clicker's language and the account's zone: the confirmation modal (its charge's day) and a refusal.
  let drawIn: { locale: Session["locale"]; zone: string } = { locale: "en", zone: "UTC" };
  let locale: string | undefined;
  try {
    const session = await sessionFor(deps, client, teamOf(body), body.user.id);
    drawIn = { locale: session.locale, zone: session.account.timeZone };
    locale = session.locale;
    if (!/^R[A-Z0-9]{4,20}$/i.test(requestId)) {
      await say(respond, "That button doesn't name a request I know. Use `/contacts requests` to see the open ones.");
      return;
    }
    // The decision and the click's `done` commit together: a click taken up again never decides twice.
    const outcome = await steps.decide(
      async (svc) => {
        try {
          const decided =
            what === "approve"
              ? await approveRequest(svc, session.actor, requestId, null)
              : await rejectRequest(svc, session.actor, requestId, null);
          return { decided, error: null };
        } catch (e) {
          if (e instanceof NeedsConfirmation || e instanceof Refusal) return { decided: null, error: e };
          throw e;
        }
      },
      (o) => ({
        message: o.error
          ? { response_type: "ephemeral", text: `:no_entry: ${refusalMrkdwn(o.error, session.locale)}` }
          : null,
        request: { accountId: session.actor.accountId, id: requestId },
      }),
      // A click that needs the upgrade confirmed opens a modal instead of answering.
      (o) => !(o.error instanceof NeedsConfirmation && body.trigger_id),
    );
    if (outcome.error) throw outcome.error;
    const result = outcome.decided as NonNullable<typeof outcome.decided>;
    await announceDecision(
      deps,
      client,
      result.request,
      result.decided !== null,
      session.actor.userId,
      session.account.timeZone,
      message,
    );
    if (body.view?.type === "home") {
      await safely(deps, "App Home refresh", async () =>
        client.views.publish({
          user_id: body.user.id,
          view: await homeView(deps.svc, session.actor, session.timeZone, session.locale),
        }),
      );
    }
    if (result.decided === null) {
      await say(
        respond,
        isTranslated(session.locale)
          ? toMrkdwn(localClickAlready(session.locale, result.request, session.timeZone))
          : `Request ${result.request.id} was already decided (${result.request.status}); nothing changed. The message now shows the outcome.`,
      );
    }
  } catch (e) {
    if (e instanceof NeedsConfirmation) {
      if (!body.trigger_id) {
        await say(respond, refusalMrkdwn(e, locale));
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: confirmUpgradeView(e.request, e.upgrade, message ?? null, drawIn),
      });
      return;
    }
    if (e instanceof Refusal) {
      await say(respond, `:no_entry: ${refusalMrkdwn(e, locale)}`);
      return;
    }
    // The inbox answers it: taken up again when the database is back, else "something went wrong".
    throw e;
  }
}
