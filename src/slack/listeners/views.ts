// Modal submissions: the upgrade confirmation (R14) and the manage wizard's steps (R17).
import type { App } from "@slack/bolt";
import { z } from "zod";
import { isTranslated } from "../../commands/i18n/answers.ts";
import { localStatusLine } from "../../commands/i18n/requests.ts";
import { channel as channelMark, code } from "../../commands/rich.ts";
import { n } from "../../domain/format.ts";
import { readSetupAnswers, SETUP_KEYS, type SetupField } from "../../domain/setup.ts";
import type { Plan } from "../../domain/types.ts";
import { approveRequest, previewNonMarketing, requestBulkChange } from "../../services/bulk/index.ts";
import { Refusal } from "../../services/context.ts";
import { SettingRefusal, tierProblem } from "../../services/settings.ts";
import { BillingContactsRefusal, type SetupResult, setupAccount } from "../../services/setup.ts";
import type { SlackClient as WebClient } from "../client.ts";
import { CONFIRM_BLOCK, CONFIRM_INPUT, CONFIRM_VIEW, type ConfirmMetadata, readTypedCount } from "../confirm.ts";
import { announceDecision, safely } from "../decisions.ts";
import { homeView } from "../home.ts";
import {
  fitsMetadata,
  localSelectorText,
  MANAGE_STEPS,
  readState,
  readStateStrictly,
  reviewView,
  selectionOf,
  selectorFingerprint,
  selectView,
  unengagedView,
  WIZARD_FILTER_MAX,
  type WizardState,
  wizardState,
  wizardWords,
} from "../manage.ts";
import { refusalMrkdwn } from "../render/answer.ts";
import { escapeMrkdwn } from "../render/mrkdwn.ts";
import { directMessage, postRequest } from "../request-poster.ts";
import { type Session, type SlackDeps, sessionFor } from "../session.ts";
import {
  answersFromView,
  readSetupMetadata,
  SETUP_VIEW,
  selectedPlan,
  setupBlockId,
  viewStateValues,
} from "../setup.ts";
import { type SaidError as Said, setupAnswerText, setupErrorText } from "../setup-words.ts";

/** The fields of a view_submission payload we use. */
const submission = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
  view: z.object({
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }).optional(),
  }),
});
type Submission = z.infer<typeof submission>;

const inputValue = z.object({ value: z.string().nullish() });
const selectValue = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const checkboxValue = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });

function field(b: Submission, block: string, action: string): unknown {
  return b.view.state?.values[block]?.[action];
}

async function sessionOf(deps: SlackDeps, client: WebClient, b: Submission): Promise<Session> {
  return sessionFor(deps, client, b.team?.id ?? b.user.team_id ?? "", b.user.id);
}

/** The fields the Slack form must have: everything but the billing contacts and reminders (none is an answer). */
const REQUIRED_IN_SLACK: SetupField[] = [
  "plan",
  "tier",
  "term",
  "start",
  "timezone",
  "alert-channel",
  "approvals-channel",
];

export function register(app: App, deps: SlackDeps): void {
  // The setup modal: every field checked in place (errors beside each), then saved in one transaction.
  app.view(SETUP_VIEW, async ({ ack, body, client }) => {
    const b = submission.parse(body);
    const session = await sessionOf(deps, client, b);
    const values = viewStateValues.safeParse(b.view.state?.values ?? {}).data ?? {};
    const plan = selectedPlan(values) ?? (session.account.plan as Plan);
    const locale = session.locale;
    const inPlace = (errors: Partial<Record<SetupField, Said>>) =>
      ack({
        response_action: "errors",
        errors: Object.fromEntries(
          Object.entries(errors).map(([field, said]) => [
            setupBlockId(field as SetupField, plan),
            setupErrorText(locale, field as SetupField, said as Said),
          ]),
        ),
      });
    const reading = readSetupAnswers(
      answersFromView(values),
      { now: deps.svc.clock.now(), timeZone: session.timeZone, locale: session.locale },
      REQUIRED_IN_SLACK,
    );
    // The tier is checked against the plan's ladder and today's count with the other fields, so every error shows at once.
    const tierError =
      reading.errors.plan || reading.errors.tier
        ? null
        : await tierProblem(deps.svc, session.actor.accountId, reading.settings);
    if (!reading.ok || tierError) {
      const said: Partial<Record<SetupField, Said>> = {};
      for (const [field, english] of Object.entries(reading.errors) as [SetupField, string][]) {
        const w = reading.wordings[field];
        said[field] = w ? { english, wording: w } : { english };
      }
      if (tierError) said[tierError.key] = { english: tierError.error, wording: tierError.wording };
      await inPlace(said);
      return;
    }
    let result: SetupResult;
    try {
      result = await setupAccount(deps.svc, session.actor, {
        settings: reading.settings,
        billingContacts: reading.billingContacts,
      });
    } catch (e) {
      const said = (r: Refusal): Said =>
        r.wording ? { english: r.message, wording: r.wording } : { english: r.message };
      if (e instanceof SettingRefusal) {
        const field = (SETUP_KEYS as readonly string[]).includes(e.key) ? (e.key as SetupField) : "plan";
        await inPlace({ [field]: said(e) });
        return;
      }
      if (e instanceof BillingContactsRefusal) {
        await inPlace({ "billing-contacts": said(e) });
        return;
      }
      if (e instanceof Refusal) {
        await inPlace({ plan: said(e) });
        return;
      }
      throw e;
    }
    await ack();
    const meta = readSetupMetadata(b.view.private_metadata);
    await safely(deps, "App Home refresh after setup", async () =>
      client.views.publish({
        user_id: session.actor.userId,
        view: await homeView(deps.svc, session.actor, session.timeZone, session.locale),
      }),
    );
    if (meta.responseUrl) {
      const text = setupAnswerText(locale, result);
      await safely(deps, "response_url answer", async () => {
        const res = await fetch(meta.responseUrl as string, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ response_type: "ephemeral", text }),
        });
        if (!res.ok) throw new Error(`response_url answered ${res.status}`);
      });
    }
  });

  app.view(CONFIRM_VIEW, async ({ ack, body, client }) => {
    const b = submission.parse(body);
    const meta = JSON.parse(b.view.private_metadata || "{}") as ConfirmMetadata;
    const typed = readTypedCount(inputValue.safeParse(field(b, CONFIRM_BLOCK, CONFIRM_INPUT)).data?.value ?? "");
    if (typed !== meta.count) {
      // The language is the one the modal was drawn in (kept in its metadata): no lookup before the ack.
      const locale = meta.locale;
      await ack({
        response_action: "errors",
        errors: {
          [CONFIRM_BLOCK]: isTranslated(locale)
            ? wizardWords(locale).text("confirm.wrong", { count: Number(meta.count), id: [String(meta.requestId)] })
            : `Type ${n(meta.count)}, the number of contacts in request ${meta.requestId}, to approve the upgrade.`,
        },
      });
      return;
    }
    await ack();
    const session = await sessionOf(deps, client, b);
    try {
      const result = await approveRequest(deps.svc, session.actor, meta.requestId, typed);
      await announceDecision(
        deps,
        client,
        result.request,
        result.decided !== null,
        session.actor.userId,
        session.account.timeZone,
        meta.message ?? undefined,
      );
      if (result.decided === null) {
        await directMessage(
          client,
          session.actor.userId,
          isTranslated(session.locale)
            ? wizardWords(session.locale).md("decision.already", {
                id: [result.request.id],
                status: localStatusLine(session.locale, result.request, session.timeZone, false),
              })
            : `Request ${result.request.id} was already decided (${result.request.status}); nothing changed.`,
        );
      }
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      await safely(deps, "DM of a refused approval", () =>
        directMessage(client, session.actor.userId, `:no_entry: ${refusalMrkdwn(e, session.locale)}`),
      );
    }
  });

  app.view(MANAGE_STEPS.intro, async ({ ack, body, client }) => {
    const b = submission.parse(body);
    const session = await sessionOf(deps, client, b);
    await ack({
      response_action: "push",
      view: await unengagedView(deps.svc, session.actor, readState(b.view.private_metadata), session.locale),
    });
  });

  app.view(MANAGE_STEPS.unengaged, async ({ ack, body, client }) => {
    const b = submission.parse(body);
    const session = await sessionOf(deps, client, b);
    const chosen = checkboxValue.safeParse(field(b, "unengaged", "choice")).data?.selected_options ?? [];
    const state: WizardState = {
      ...readState(b.view.private_metadata),
      bounced: chosen.some((o) => o.value === "bounced"),
      unsubscribed: chosen.some((o) => o.value === "unsubscribed"),
    };
    await ack({ response_action: "push", view: await selectView(deps.svc, session.actor, state, session.locale) });
  });

  app.view(MANAGE_STEPS.select, async ({ ack, body, client }) => {
    const b = submission.parse(body);
    const session = await sessionOf(deps, client, b);
    const filter = inputValue.safeParse(field(b, "filter", "text")).data?.value?.trim() || null;
    const list = selectValue.safeParse(field(b, "list", "choice")).data?.selected_option?.value ?? null;
    const w = isTranslated(session.locale) ? wizardWords(session.locale) : null;
    if (filter && filter.length > WIZARD_FILTER_MAX) {
      await ack({
        response_action: "errors",
        errors: {
          filter: w
            ? w.text("wizard.select.tooLong", {
                max: WIZARD_FILTER_MAX,
                length: filter.length,
                command: code("/contacts bulk non-marketing where …"),
              })
            : `A filter here can be at most ${n(WIZARD_FILTER_MAX)} characters (this one has ${n(filter.length)}). Use a list, or \`/contacts bulk non-marketing where …\`.`,
        },
      });
      return;
    }
    const state: WizardState = { ...readState(b.view.private_metadata), filter, list };
    const selection = selectionOf(state, deps.svc.clock.now(), session.timeZone, session.locale);
    if (!selection.ok) {
      await ack({ response_action: "errors", errors: { [selection.block]: selection.error } });
      return;
    }
    state.reviewed = selectorFingerprint(selection.selector);
    if (!fitsMetadata(state)) {
      await ack({
        response_action: "errors",
        errors: {
          filter: w
            ? w.text("wizard.select.noRoom")
            : "This filter is too long to carry to the review step. Shorten it, or use a list.",
        },
      });
      return;
    }
    const preview = await previewNonMarketing(deps.svc, session.actor, selection.selector);
    if (preview.count === 0) {
      await ack({
        response_action: "errors",
        errors: {
          filter:
            w && isTranslated(session.locale)
              ? w.text("wizard.select.noMatch", {
                  selector: [localSelectorText(session.locale, selection.selector, preview.selectorText)],
                })
              : `No marketing contact matches ${preview.selectorText} (pending ones already count as set). Choose something else.`,
        },
      });
      return;
    }
    await ack({
      response_action: "push",
      view: reviewView(preview, session.timeZone, state, session.locale, selection.selector),
    });
  });

  app.view(MANAGE_STEPS.review, async ({ ack, body, client, respond }) => {
    const b = submission.parse(body);
    await ack({ response_action: "clear" });
    const session = await sessionOf(deps, client, b);
    const state = readStateStrictly(b.view.private_metadata) ?? wizardState.parse({});
    const tell = async (text: string) => {
      if (state.responseUrl) {
        const sent = await safely(deps, "response_url answer", async () => {
          const res = await fetch(state.responseUrl as string, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ response_type: "ephemeral", text }),
          });
          if (!res.ok) throw new Error(`response_url answered ${res.status}`);
          return true;
        });
        if (sent) return;
      }
      await directMessage(client, session.actor.userId, text);
    };
    void respond;
    const w = isTranslated(session.locale) ? wizardWords(session.locale) : null;
    const selection = selectionOf(state, deps.svc.clock.now(), session.timeZone, session.locale);
    if (!selection.ok) {
      await tell(`:warning: ${escapeMrkdwn(selection.error)}`);
      return;
    }
    // The request must be exactly what the review step showed (R17), never a fallback.
    if (state.reviewed === null || selectorFingerprint(selection.selector) !== state.reviewed) {
      await tell(
        w
          ? `:warning: ${w.md("wizard.done.mismatch", { command: code("/contacts manage") })}`
          : ":warning: I couldn't match this submission to the contacts you reviewed, so nothing was requested. Run `/contacts manage` again.",
      );
      return;
    }
    try {
      const r = await requestBulkChange(deps.svc, session.actor, {
        action: "non-marketing",
        selector: selection.selector,
        at: null,
        origin: "manage",
      });
      if (!r.request) {
        await tell(
          w ? w.md("wizard.done.nothing") : "No marketing contact matches any more, so there is nothing to request.",
        );
        return;
      }
      if (r.executed) {
        await tell(
          w
            ? w.md("wizard.done.direct", { count: r.executed.changed })
            : `Set ${n(r.executed.changed)} contacts non-marketing directly (within the direct-change limit): they stay marketing until the next update date.`,
        );
        return;
      }
      const channel = session.account.approvalsChannel;
      const posted = channel
        ? await safely(deps, "posting the request", () =>
            postRequest(deps.svc, client, r.request as NonNullable<typeof r.request>, channel),
          )
        : null;
      const id = r.request.id;
      const count = r.request.count;
      if (w) {
        const approve = code(`/contacts approve ${id}`);
        const setChannel = code("/contacts settings approvals-channel #channel");
        await tell(
          posted
            ? w.md("wizard.done.posted", { id: [id], count, channel: channelMark(posted.channel) })
            : [
                w.md("wizard.done.waiting", { id: [id], count, command: approve }),
                ...(channel ? [] : [w.md("wizard.done.setChannel", { command: setChannel })]),
              ].join(" "),
        );
        return;
      }
      await tell(
        posted
          ? `Request ${r.request.id} (${n(r.request.count)} contacts non-marketing) is posted to <#${posted.channel}> for an admin to approve.`
          : `Request ${r.request.id} (${n(r.request.count)} contacts non-marketing) is waiting for approval: \`/contacts approve ${r.request.id}\`.${channel ? "" : " Set an approvals channel to get it posted with buttons: `/contacts settings approvals-channel #channel`."}`,
      );
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      await tell(`:no_entry: ${refusalMrkdwn(e, session.locale)}`);
    }
  });
}
