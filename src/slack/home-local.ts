// App Home in the user's language besides English (English keeps home.ts's own wording, word for
// word): the same blocks worded from the catalogs, with numbers, money and dates in the locale.
// Plans, channel names and what events name go into messages as arguments and come out escaped.
import type { KnownBlock } from "@slack/types";
import { type AnswerLocale, speak } from "../commands/i18n/answers.ts";
import { localEventSummary } from "../commands/i18n/events.ts";
import { localRequestParts } from "../commands/i18n/requests.ts";
import { channel, code, join, mention, plain, type Rich } from "../commands/rich.ts";
import { monthlyPriceCents } from "../domain/pricing.ts";
import type { Plan } from "../domain/types.ts";
import type { Account } from "../services/accounts.ts";
import type { AuditSummary } from "../services/audit.ts";
import type { BulkRequestView } from "../services/bulk/index.ts";
import type { Services } from "../services/context.ts";
import type { TierReport } from "../services/reports.ts";
import type { SetupState } from "../services/setup.ts";
import { renderParts } from "./render/answer.ts";
import { actions, button, context, divider, fields, header, listSections, section } from "./render/blocks.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";

export interface HomeData {
  account: Account;
  report: TierReport;
  open: BulkRequestView[];
  events: AuditSummary[];
  setup: SetupState;
  pricing: Services["pricing"];
}

export interface HomeWords {
  actions: { manage: string; tier: string; setup: string };
  maxRequests: number;
  bar: (percent: number) => string;
}

/** The Home tab's blocks in `locale`, before the view's block cap. */
export function localHomeBlocks(locale: AnswerLocale, d: HomeData, userZone: string, w: HomeWords): KnownBlock[] {
  const { f, say, label, updateWhen } = speak(locale);
  const r = d.report;
  const m = (rich: Rich) => toMrkdwn(rich);
  const blocks: KnownBlock[] = [
    ...(d.setup.configured ? [] : welcome(locale, d.setup, w)),
    header(label("home.title")),
    section(
      `${m(
        say("home.usage", {
          count: r.marketingCount,
          limit: r.tierLimit,
          usage: f.pct(r.usagePercent),
          plan: r.plan,
          monthly: f.money(r.monthlyPriceCents),
        }),
      )}\n${w.bar(r.usagePercent)}`,
    ),
    ...fields([
      [label("home.nextUpdate"), m([updateWhen(r.nextUpdateAt, r.timeZone, userZone)])],
      [
        label("home.changes"),
        m(
          say("home.changesValue", {
            pending: r.pendingCount,
            after: r.marketingCountAfterUpdate,
            usage: f.pct(r.usageAfterUpdatePercent),
          }),
        ),
      ],
      [label("home.all"), m(say("home.allValue", { total: r.totalCount, nonMarketing: r.nonMarketingCount }))],
      [label("home.lowestAfter"), m([f.n(r.lowestTierAfterUpdate)])],
    ]),
    actions("home_actions", [
      button(label("home.cleanUp"), w.actions.manage, "manage", "primary"),
      button(label("home.showTier"), w.actions.tier, "tier"),
    ]),
    ...(d.setup.configured ? accountBlocks(locale, d, w) : []),
    divider(),
    header(plain(say("home.openRequests", { count: d.open.length }))),
  ];
  if (d.open.length === 0) blocks.push(section(m(say("home.noRequests"))));
  for (const req of d.open.slice(0, w.maxRequests)) {
    blocks.push(
      ...renderParts(
        localRequestParts(locale, req, userZone, { buttons: true, subsidiaryZone: d.account.timeZone }),
        10,
      ),
    );
  }
  if (d.open.length > w.maxRequests) {
    blocks.push(
      context(
        m(say("home.moreRequests", { count: d.open.length - w.maxRequests, command: code("/contacts requests") })),
      ),
    );
  }
  blocks.push(divider(), header(label("home.recent")));
  const lines = d.events.map((e) =>
    m([f.instant(e.at.toISOString(), userZone), " — ", ...localEventSummary(locale, e, userZone)]),
  );
  blocks.push(...(lines.length ? listSections(lines, 5) : [section(m(say("home.nothingYet")))]));
  blocks.push(context(m(say("home.help", { command: code("/contacts help") }))));
  return blocks;
}

/** The note that replaces what does not fit in a view. */
export function localCapNote(locale: AnswerLocale): string {
  return toMrkdwn(
    speak(locale).say("home.capped", { requests: code("/contacts requests"), history: code("/contacts history") }),
  );
}

function welcome(locale: AnswerLocale, setup: SetupState, w: HomeWords): KnownBlock[] {
  const { say, label } = speak(locale);
  const intro = label("home.intro");
  if (setup.isAdmin) {
    return [
      header(label("home.welcome")),
      section(toMrkdwn(say("home.introAdmin", { intro }))),
      actions("home_setup", [button(label("home.setUp"), w.actions.setup, "setup", "primary")]),
      divider(),
    ];
  }
  const text = setup.admins.length
    ? say("home.askAdmin", {
        intro,
        admins: join(
          setup.admins.map((id) => [mention(id)]),
          ", ",
        ),
      })
    : say("home.noAdmin", {
        intro,
        env: code("TIERKEEPER_ADMINS=<member id>"),
        cli: code("tierkeeper admin grant <member id>"),
      });
  return [header(label("home.notSetUp")), section(toMrkdwn(text)), divider()];
}

function accountBlocks(locale: AnswerLocale, d: HomeData, w: HomeWords): KnownBlock[] {
  const { f, say, label } = speak(locale);
  const a = d.setup.account;
  const m = (rich: Rich) => toMrkdwn(rich);
  // A channel id as a link; a name typed in local mode as it is (escaped).
  const channelOf = (c: string | null): Rich =>
    c === null ? [label("home.notSet")] : /^[CG][A-Z0-9]+$/.test(c) ? [channel(c)] : [c];
  const price = f.money(monthlyPriceCents(d.pricing[a.plan as Plan], a.tierLimit));
  const billing = d.setup.billingContacts.slice(0, 10).map((id) => [mention(id)]);
  const reminders = a.reminderDays.length
    ? say("home.remindersValue", { days: f.and(a.reminderDays.map((days) => plain(say("days", { days })))) })
    : [label("home.off")];
  const blocks: KnownBlock[] = [
    ...fields([
      [label("home.planTier"), m(say("home.planTierValue", { plan: a.plan, limit: a.tierLimit, monthly: price }))],
      [
        label("home.term"),
        m(
          say("home.termValue", {
            term: a.term === "monthly" ? "monthly" : "annual",
            start: f.day(a.contractStart, a.timeZone),
            zone: a.timeZone,
          }),
        ),
      ],
      [label("home.alerts"), m(channelOf(a.alertChannel))],
      [label("home.approvals"), m(channelOf(a.approvalsChannel))],
      [label("home.billingContacts"), m(billing.length ? join(billing, ", ") : [label("home.none")])],
      [label("home.reminders"), m(reminders)],
    ]),
  ];
  if (d.setup.isAdmin) {
    blocks.push(actions("home_settings", [button(label("home.changeSettings"), w.actions.setup, "setup")]));
  }
  return blocks;
}
