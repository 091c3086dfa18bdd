// App Home: the dashboard (usage, next update, open requests with buttons, recent events, shortcuts).
import type { HomeView, KnownBlock } from "@slack/types";
import { eventSummary } from "../commands/handlers/reports.ts";
import { isTranslated } from "../commands/i18n/answers.ts";
import type { Locale } from "../commands/i18n/format.ts";
import { requestParts } from "../commands/requests-view.ts";
import { md } from "../commands/rich.ts";
import { money, n, pct, updateWhen, when } from "../domain/format.ts";
import { monthlyPriceCents } from "../domain/pricing.ts";
import type { Plan } from "../domain/types.ts";
import { getAccount } from "../services/accounts.ts";
import { auditHistory } from "../services/audit.ts";
import { listRequests } from "../services/bulk/index.ts";
import type { Actor, Services } from "../services/context.ts";
import { tierReport } from "../services/reports.ts";
import { type SetupState, setupState } from "../services/setup.ts";
import { localCapNote, localHomeBlocks } from "./home-local.ts";
import { renderParts } from "./render/answer.ts";
import { actions, button, context, divider, fields, header, LIMITS, listSections, section } from "./render/blocks.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";

export const HOME_ACTIONS = {
  manage: "home_open_manage",
  tier: "home_show_tier",
  /** Opens the setup modal: "Set up tierkeeper" on a new account, "Change settings" after. */
  setup: "home_open_setup",
} as const;

const MAX_REQUESTS_SHOWN = 8;

/**
 * The Home tab of one user (views.publish), in their Slack language. Stays under 100 blocks
 * whatever the data.
 */
export async function homeView(
  svc: Services,
  actor: Actor,
  userZone: string,
  locale: Locale = "en",
): Promise<HomeView> {
  const account = await getAccount(svc.db, actor.accountId);
  const r = await tierReport(svc, actor);
  const open = await listRequests(svc, actor, ["open"]);
  const events = await auditHistory(svc.db, { accountId: actor.accountId, limit: 10 });
  const setup = await setupState(svc, actor);
  if (isTranslated(locale)) {
    const data = { account, report: r, open, events, setup, pricing: svc.pricing };
    const words = { actions: HOME_ACTIONS, maxRequests: MAX_REQUESTS_SHOWN, bar };
    return { type: "home", blocks: capView(localHomeBlocks(locale, data, userZone, words), localCapNote(locale)) };
  }
  const blocks: KnownBlock[] = [
    ...(setup.configured ? [] : welcomeBlocks(setup)),
    header("Marketing contacts"),
    section(
      `*${n(r.marketingCount)}* of *${n(r.tierLimit)}* — *${pct(r.usagePercent)}* of your ${r.plan} tier (${money(r.monthlyPriceCents)}/month)\n${bar(r.usagePercent)}`,
    ),
    ...fields([
      ["Next update", updateWhen(r.nextUpdateAt, r.timeZone, userZone)],
      [
        "It changes",
        `${n(r.pendingCount)} become non-marketing → ${n(r.marketingCountAfterUpdate)} (${pct(r.usageAfterUpdatePercent)})`,
      ],
      ["All contacts", `${n(r.totalCount)} (${n(r.nonMarketingCount)} non-marketing)`],
      ["Lowest tier after the update", n(r.lowestTierAfterUpdate)],
    ]),
    actions("home_actions", [
      button("Clean up contacts", HOME_ACTIONS.manage, "manage", "primary"),
      button("Show the tier", HOME_ACTIONS.tier, "tier"),
    ]),
    ...(setup.configured ? accountBlocks(setup, svc) : []),
    divider(),
    header(`Open requests (${n(open.length)})`),
  ];
  if (open.length === 0) blocks.push(section("Nothing waiting for approval."));
  for (const req of open.slice(0, MAX_REQUESTS_SHOWN)) {
    blocks.push(...renderParts(requestParts(req, userZone, { buttons: true, subsidiaryZone: account.timeZone }), 10));
  }
  if (open.length > MAX_REQUESTS_SHOWN) {
    blocks.push(context(`…and ${n(open.length - MAX_REQUESTS_SHOWN)} more: \`/contacts requests\``));
  }
  blocks.push(divider(), header("Recent activity"));
  const lines = events.map((e) => toMrkdwn(md`${when(e.at, userZone)} — ${eventSummary(e.kind, e.summary)}`));
  blocks.push(...(lines.length ? listSections(lines, 5) : [section("Nothing yet.")]));
  blocks.push(context("`/contacts help` lists everything tierkeeper can do."));
  return { type: "home", blocks: capView(blocks) };
}

function capView(blocks: KnownBlock[], more = "…more in `/contacts requests` and `/contacts history`."): KnownBlock[] {
  if (blocks.length <= LIMITS.blocksPerView) return blocks;
  return [...blocks.slice(0, LIMITS.blocksPerView - 1), context(more)];
}

function bar(percent: number): string {
  const filled = Math.min(20, Math.round(percent / 5));
  return `\`${"█".repeat(filled)}${"░".repeat(20 - filled)}\``;
}

/** A new account: what tierkeeper is, and the setup button (admins) or whom to ask (members). */
function welcomeBlocks(setup: SetupState): KnownBlock[] {
  const intro =
    "tierkeeper keeps your marketing contacts inside the contact tier you pay for. Before it watches your tier, it needs to know what you bought and where to post: plan, tier, billing term and dates, channels and billing contacts.";
  if (setup.isAdmin) {
    return [
      header("Welcome to tierkeeper"),
      section(`${intro} It takes a minute.`),
      actions("home_setup", [button("Set up tierkeeper", HOME_ACTIONS.setup, "setup", "primary")]),
      divider(),
    ];
  }
  const ask = setup.admins.length
    ? `Ask an admin to set it up here: ${setup.admins.map((id) => `<@${id}>`).join(", ")}.`
    : "This workspace has no tierkeeper admin yet: whoever runs tierkeeper makes one with `TIERKEEPER_ADMINS=<member id>` or `tierkeeper admin grant <member id>` (your member id is in your Slack profile, under ⋮ → Copy member ID).";
  return [header("tierkeeper isn't set up yet"), section(`${intro} ${ask}`), divider()];
}

/** The account as set up, and "Change settings" for admins. */
function accountBlocks(setup: SetupState, svc: Services): KnownBlock[] {
  const a = setup.account;
  const channelOf = (c: string | null) => (c === null ? "not set" : /^[CG][A-Z0-9]+$/.test(c) ? `<#${c}>` : c);
  const price = money(monthlyPriceCents(svc.pricing[a.plan as Plan], a.tierLimit));
  const blocks: KnownBlock[] = [
    ...fields([
      ["Plan and tier", `${a.plan}, ${n(a.tierLimit)} contacts, ${price}/month`],
      ["Billing term", `${a.term}, from ${a.contractStart} (${a.timeZone})`],
      ["Alerts", channelOf(a.alertChannel)],
      ["Approvals", channelOf(a.approvalsChannel)],
      [
        "Billing contacts",
        setup.billingContacts.length
          ? setup.billingContacts
              .slice(0, 10)
              .map((id) => `<@${id}>`)
              .join(", ")
          : "none",
      ],
      ["Reminders", a.reminderDays.length ? a.reminderDays.map((d) => `${d}d`).join(", ") : "off"],
    ]),
  ];
  if (setup.isAdmin) blocks.push(actions("home_settings", [button("Change settings", HOME_ACTIONS.setup, "setup")]));
  return blocks;
}
