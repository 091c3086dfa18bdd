import { type Command, parseCommand, USAGE, usageFor } from "../domain/command.ts";
import { formatCents } from "../domain/pricing.ts";
import { ensureUser, getAccount } from "../services/accounts.ts";
import {
  approveRequest,
  type BulkRequestView,
  listRequests,
  NeedsConfirmation,
  rejectRequest,
  requestBulkChange,
} from "../services/bulk.ts";
import { canMarket, contactStatus, deleteContacts, setStatus } from "../services/contacts.ts";
import { type Actor, Refusal, type Services } from "../services/context.ts";
import { addToList, createList, listPage } from "../services/lists.ts";
import { countRequests, HISTORY_COUNT_CAP, history, nextUpdate, tierReport } from "../services/reports.ts";
import { billingContacts, changeRole } from "../services/roles.ts";
import {
  changeSettings,
  describeValue,
  type SettingsChangeResult,
  type ShownSettingKey,
  scheduleDowngrade,
  showSettings,
} from "../services/settings.ts";
import { type Block, context, divider, fields, header, listSections, section, truncate } from "../slack/blocks.ts";
import { escapeMrkdwn } from "../slack/mrkdwn.ts";
import { day, eventSummary, money, n, pct, updateWhen, when } from "./format.ts";
import { decisionAnswer, requestBlocks, requestSummary } from "./present-requests.ts";

/**
 * The one answer of a command, for Slack (blocks), the CLI (text) and scripts (data). `text` and
 * the blocks are mrkdwn: whatever a user typed in them is escaped (escapeMrkdwn); the CLI prints
 * `text` unescaped, as typed.
 */
export interface Answer {
  ok: boolean;
  text: string;
  blocks: Block[];
  data: Record<string, unknown>;
  /** A bulk request made by this command: Slack posts it to the approvals channel. */
  request?: BulkRequestView;
  /** A decision on a request: Slack updates the request's message and tells the requester. */
  decided?: { request: BulkRequestView; outcome: "approved" | "rejected" | "scheduled" };
  /** An approval that needs the typed count (R14). */
  needsConfirmation?: { requestId: string; count: number };
  /** Commands that only work inside Slack (the manage wizard). */
  slackOnly?: "manage" | "import" | "setup";
  /** Refused or invalid: the CLI exits 1. */
  refusal?: "refused" | "invalid";
}

export interface Invocation {
  actor: Actor;
  /** The user's IANA zone: their Slack zone, or the account's subsidiary zone. */
  timeZone: string;
  text: string;
}

/** Subcommands added by other modules (charts, forecasts, rules, import), keyed by command kind. */
export type Handler = (svc: Services, inv: Invocation, command: Command) => Promise<Answer>;
export const extraHandlers = new Map<string, Handler>();

export function answer(text: string, blocks: Block[] = [section(text)], data: Record<string, unknown> = {}): Answer {
  return { ok: true, text, blocks, data };
}

/**
 * A refusal as an answer. `message` is plain text that may quote what the user typed (a parse
 * error, a name that does not exist), so it is escaped whole unless `markup` says it is ours.
 */
export function refusal(
  message: string,
  kind: "refused" | "invalid" = "refused",
  usage?: string,
  markup = false,
): Answer {
  const shown = markup ? message : escapeMrkdwn(message);
  const help = usage === undefined ? undefined : escapeMrkdwn(usage);
  const text = help ? `${shown}\n\n${help}` : shown;
  const blocks = [section(`:warning: ${shown}`)];
  if (help) blocks.push(context(help));
  return { ok: false, text, blocks, data: { error: message }, refusal: kind };
}

/** A Refusal's sentence for mrkdwn (a reply, a DM): escaped, unless it is markup of ours. */
export const refusalMrkdwn = (e: Refusal): string => (e.markup ? e.message : escapeMrkdwn(e.message));

/** Parses and runs one `/contacts` command text as the actor. Never throws for bad input. */
export async function runCommand(svc: Services, inv: Invocation): Promise<Answer> {
  const parsed = parseCommand(inv.text, { now: svc.clock.now(), timeZone: inv.timeZone });
  if (!parsed.ok) return refusal(parsed.error, "invalid", parsed.usage);
  try {
    return await dispatch(svc, inv, parsed.command);
  } catch (e) {
    if (e instanceof NeedsConfirmation) {
      return {
        ...refusal(e.message, e.kind, undefined, e.markup),
        needsConfirmation: { requestId: e.request.id, count: e.request.count },
        data: { error: e.message, requestId: e.request.id, count: e.request.count, upgrade: e.upgrade },
      };
    }
    if (e instanceof Refusal) return refusal(e.message, e.kind, undefined, e.markup);
    throw e;
  }
}

async function dispatch(svc: Services, inv: Invocation, c: Command): Promise<Answer> {
  const { actor, timeZone: tz } = inv;
  await ensureUser(svc, actor.accountId, actor.userId);
  const extra = extraHandlers.get(c.kind);
  if (extra) return extra(svc, inv, c);
  switch (c.kind) {
    case "help": {
      const usage = c.topic ? usageFor(c.topic) : USAGE;
      // Our own words, with `<name>`-style placeholders that Slack must show as they are.
      const text = escapeMrkdwn(usage);
      return answer(text, [section(text)], { usage });
    }
    case "status": {
      const s = await contactStatus(svc, actor, c.email);
      const email = escapeMrkdwn(s.email);
      const listNames = s.lists.length ? shortList(s.lists.map(escapeMrkdwn), 20) : "none";
      const source = escapeMrkdwn(`${s.source}${s.sourceId ? ` (${s.sourceId})` : ""}`);
      const pendingLine = s.effectiveAt
        ? `Marketing until the next update date: becomes non-marketing ${updateWhen(s.effectiveAt, s.timeZone, tz)}`
        : null;
      const text = [
        `${email} is a ${s.status} contact${s.pending ? " (pending: marketing until next update)" : ""}.`,
        pendingLine,
        `Source: ${source}`,
        `Lists: ${listNames}`,
        s.bounced || s.unsubscribed
          ? `Unengaged: ${[s.bounced && "bounced", s.unsubscribed && "unsubscribed"].filter(Boolean).join(", ")}`
          : null,
      ]
        .filter(Boolean)
        .join("\n");
      return answer(
        text,
        [
          section(`*${email}* is a *${s.status}* contact${s.pending ? " — _marketing until next update_" : ""}.`),
          ...(pendingLine ? [section(`:hourglass_flowing_sand: ${pendingLine}`)] : []),
          fields([
            ["Source", source],
            ["Lists", listNames],
            ["Lifecycle", s.lifecycle === null ? "—" : escapeMrkdwn(s.lifecycle)],
            ["Created", when(s.createdAt, tz)],
          ]),
        ],
        {
          email: s.email,
          status: s.status,
          pending: s.pending,
          effectiveAt: s.effectiveAt?.toISOString() ?? null,
          source: s.source,
          sourceId: s.sourceId,
          lists: s.lists,
          bounced: s.bounced,
          unsubscribed: s.unsubscribed,
        },
      );
    }
    case "can-market": {
      const r = await canMarket(svc, actor, c.email);
      const email = escapeMrkdwn(r.email);
      const reason = escapeMrkdwn(r.reason);
      const text = `${r.yes ? "Yes" : "No"} — ${email}: ${reason}`;
      return answer(
        text,
        [section(`${r.yes ? ":white_check_mark: *Yes*" : ":no_entry: *No*"} — *${email}*: ${reason}`)],
        {
          email: r.email,
          canMarket: r.yes,
          status: r.status,
          reason: r.reason,
        },
      );
    }
    case "set": {
      const r = await setStatus(svc, actor, c.to, c.emails);
      const data = { changed: r.changed, unchanged: r.unchanged, pending: r.pending, requestId: r.requestId };
      if (r.requestId) {
        const views = await listRequests(svc, actor, ["open"]);
        const request = views.find((v) => v.id === r.requestId);
        const text =
          r.requestReason === "upgrade" && request?.impact.upgrade
            ? `This would upgrade the tier from ${n(request.impact.upgrade.oldLimit)} to ${n(request.impact.upgrade.newLimit)} contacts (prorated charge ${money(request.impact.upgrade.chargeCents)}), so it needs an admin's approval: request ${r.requestId}.`
            : `${n(c.emails.length)} contacts is more than the direct-change limit, so this needs approval: request ${r.requestId}.`;
        return {
          ...answer(text, [section(text), ...(request ? requestBlocks(request, tz, { buttons: false }) : [])], data),
          request,
        };
      }
      const account = await getAccount(svc.db, actor.accountId);
      const lines = r.outcomes
        .slice(0, OUTCOMES_SHOWN)
        .map((o) => `${escapeMrkdwn(o.email)}: ${outcomeText(o.outcome, o.effectiveAt, account.timeZone, tz)}`);
      if (r.outcomes.length > OUTCOMES_SHOWN) lines.push(moreOutcomes(r.outcomes.slice(OUTCOMES_SHOWN)));
      if (r.upgrade) {
        lines.push(
          `:rotating_light: This change upgraded the tier from ${n(r.upgrade.oldLimit)} to ${n(r.upgrade.newLimit)} contacts; a prorated charge of ${money(r.upgrade.chargeCents)} is due ${day(r.upgrade.chargeDue, account.timeZone)}.`,
        );
      }
      lines.push(`Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)}.`);
      return answer(lines.join("\n"), listSections(lines, 45), data);
    }
    case "bulk": {
      const r = await requestBulkChange(svc, actor, { action: c.to, selector: c.selector, at: c.at });
      if (!r.request) {
        const text = "No contact matches that would change, so there is nothing to request.";
        return answer(text, [section(text)], { changed: 0, unchanged: 0, pending: 0, requestId: null });
      }
      if (r.executed) {
        const marketing = c.to === "marketing";
        const text = marketing
          ? `Set ${n(r.executed.changed)} contacts marketing (within the direct-change limit, no approval needed).`
          : `Set ${n(r.executed.changed)} contacts non-marketing: they stay marketing until ${updateWhen(r.executed.effectiveAt, (await getAccount(svc.db, actor.accountId)).timeZone, tz)}.`;
        return answer(text, [section(text)], {
          changed: marketing ? r.executed.changed : 0,
          unchanged: 0,
          pending: marketing ? 0 : r.executed.changed,
          requestId: r.request.id,
        });
      }
      const text = `Request ${r.request.id} is waiting for approval: ${requestSummary(r.request)}.`;
      return {
        ...answer(text, [section(`:inbox_tray: ${text}`), ...requestBlocks(r.request, tz, { buttons: false })], {
          changed: 0,
          unchanged: 0,
          pending: 0,
          requestId: r.request.id,
          count: r.request.count,
          impact: r.request.impact,
        }),
        request: r.request,
      };
    }
    case "delete": {
      const r = await deleteContacts(svc, actor, c.emails);
      const text = `Deleted ${n(r.deleted)} contacts (${n(r.marketingFreed)} of them marketing). Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)}; the tier stays as it is.`;
      return answer(text, [section(text)], r);
    }
    case "tier": {
      const r = await tierReport(svc, actor);
      const nextWhen = updateWhen(r.nextUpdateAt, r.timeZone, tz);
      const text = [
        `Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)} (${pct(r.usagePercent)}) on the ${r.plan} plan, ${money(r.monthlyPriceCents)}/month.`,
        `All contacts: ${n(r.totalCount)}, of which ${n(r.nonMarketingCount)} non-marketing.`,
        `Pending: ${n(r.pendingCount)} become non-marketing at the next update, ${nextWhen}; usage after it: ${n(r.marketingCountAfterUpdate)} (${pct(r.usageAfterUpdatePercent)}).`,
        r.downgradeTo
          ? `Scheduled downgrade to ${n(r.downgradeTo)} at the renewal on ${when(r.nextRenewalAt, tz)}.`
          : null,
      ]
        .filter(Boolean)
        .join("\n");
      return answer(
        text,
        [
          header("Contact tier"),
          section(
            `*${n(r.marketingCount)}* of *${n(r.tierLimit)}* marketing contacts — *${pct(r.usagePercent)}*\n${usageBar(r.usagePercent)}`,
          ),
          fields([
            ["Plan", `${r.plan}, ${money(r.monthlyPriceCents)}/month`],
            ["All contacts", `${n(r.totalCount)} (${n(r.nonMarketingCount)} non-marketing)`],
            ["Pending non-marketing", n(r.pendingCount)],
            ["Next update", nextWhen],
            ["After the update", `${n(r.marketingCountAfterUpdate)} (${pct(r.usageAfterUpdatePercent)})`],
            ["Lowest tier that fits after it", n(r.lowestTierAfterUpdate)],
          ]),
          ...(r.downgradeTo
            ? [context(`Downgrade to ${n(r.downgradeTo)} scheduled for the renewal on ${when(r.nextRenewalAt, tz)}.`)]
            : []),
        ],
        {
          marketingCount: r.marketingCount,
          tierLimit: r.tierLimit,
          usagePercent: r.usagePercent,
          totalCount: r.totalCount,
          nonMarketingCount: r.nonMarketingCount,
          pendingCount: r.pendingCount,
          nextUpdateAt: r.nextUpdateAt.toISOString(),
          marketingCountAfterUpdate: r.marketingCountAfterUpdate,
          usageAfterUpdatePercent: r.usageAfterUpdatePercent,
          plan: r.plan,
          monthlyPriceCents: r.monthlyPriceCents,
          downgradeTo: r.downgradeTo,
        },
      );
    }
    case "next-update": {
      const r = await nextUpdate(svc, actor);
      const text = `The next update is ${updateWhen(r.nextUpdateAt, r.timeZone, tz)}: ${n(r.pendingCount)} contacts become non-marketing, leaving ${n(r.marketingCountAfterUpdate)} of ${n(r.tierLimit)} (${pct(r.usageAfterUpdatePercent)}).`;
      return answer(text, [section(text)], {
        nextUpdateAt: r.nextUpdateAt.toISOString(),
        pendingCount: r.pendingCount,
        marketingCountAfterUpdate: r.marketingCountAfterUpdate,
      });
    }
    case "history": {
      const r = await history(svc, actor, { email: c.email, since: c.since });
      const lines = r.events.map((e) =>
        truncate(
          `${when(e.at, tz)} — ${eventSummary(e.kind, e.summary)}${e.count > 1 ? ` (${n(e.count)} contacts)` : ""}${e.actor !== "system" ? ` by ${mention(e.actor)}` : ""}${e.effectiveAt && e.effectiveAt.getTime() !== e.at.getTime() ? `; effective ${when(e.effectiveAt, tz)}` : ""}`,
          MAX_LINE,
        ),
      );
      // Plain text in the header block; escaped where it is mrkdwn (the message's text).
      const title = `History${c.email ? ` of ${c.email}` : ""}${c.since ? ` since ${when(c.since, tz)}` : ""}`;
      const total = r.total > HISTORY_COUNT_CAP ? `more than ${n(HISTORY_COUNT_CAP)}` : n(r.total);
      const narrow = c.since
        ? "narrow with a later `since <date>`"
        : c.email
          ? "narrow with `since <date>`"
          : "narrow with an email or `since <date>`, e.g. `history ana@example.com since last monday`";
      const note =
        r.total > r.events.length ? `Showing the latest ${n(r.events.length)} of ${total} events; ${narrow}.` : null;
      const text = lines.length
        ? [`${escapeMrkdwn(title)}:`, ...lines, ...(note ? [note] : [])].join("\n")
        : `${escapeMrkdwn(title)}: nothing recorded.`;
      return answer(
        text,
        [
          header(title),
          ...(lines.length ? listSections(lines, 45) : [section("Nothing recorded.")]),
          ...(note ? [context(note)] : []),
        ],
        {
          shown: r.events.length,
          total: r.total,
          events: r.events.map((e) => ({
            at: e.at.toISOString(),
            effectiveAt: e.effectiveAt?.toISOString() ?? null,
            actor: e.actor,
            kind: e.kind,
            summary: e.summary,
            count: e.count,
          })),
        },
      );
    }
    case "lists": {
      const page = await listPage(svc, actor, { contains: c.contains });
      const rows = page.lists;
      const lines = rows.map((l) => `• ${escapeMrkdwn(l.name)} — ${n(l.size)} contacts`);
      const named = c.contains === null ? "" : ` with "${escapeMrkdwn(c.contains)}" in the name`;
      const note =
        page.total > rows.length
          ? `Showing the first ${n(rows.length)} of ${n(page.total)} lists${named} by name; narrow with \`lists <part of a name>\`.`
          : null;
      const text = rows.length
        ? [`Lists${named}:`, ...lines, ...(note ? [note] : [])].join("\n")
        : c.contains === null
          ? 'No lists yet. Create one with `list create "Name"`.'
          : `No list has "${escapeMrkdwn(c.contains)}" in its name.`;
      return answer(
        text,
        rows.length ? [header("Lists"), ...listSections(lines, 45), ...(note ? [context(note)] : [])] : [section(text)],
        { lists: rows, shown: rows.length, total: page.total },
      );
    }
    case "list-create": {
      const l = await createList(svc, actor, c.name);
      return answer(`Created the list "${escapeMrkdwn(l.name)}".`, undefined, { list: l.name });
    }
    case "list-add": {
      const r = await addToList(svc, actor, c.name, c.emails);
      const text = `Added ${n(r.added)} contacts to "${escapeMrkdwn(r.list)}"${r.already ? ` (${n(r.already)} were already in it)` : ""}.`;
      return answer(text, undefined, r);
    }
    case "requests": {
      const rows = await listRequests(svc, actor);
      const data = {
        requests: rows.map((r) => ({
          id: r.id,
          action: r.action,
          count: r.count,
          requestedBy: r.requestedBy,
          status: r.status,
          scheduledAt: r.scheduledAt?.toISOString() ?? null,
          expiresAt: r.expiresAt.toISOString(),
        })),
      };
      if (rows.length === 0) return answer("No open requests.", undefined, data);
      const shown = rows.slice(0, REQUESTS_PAGE);
      const lines = shown.map((r) =>
        truncate(`• *${r.id}* — ${requestSummary(r)} — ${r.status}, asked by ${mention(r.requestedBy)}`, MAX_LINE),
      );
      const total = rows.length > shown.length ? await countRequests(svc, actor) : rows.length;
      const note =
        total > shown.length
          ? `Showing the latest ${n(shown.length)} of ${n(total)} open or approved requests; \`approve <id>\` and \`reject <id>\` work on any of them.`
          : null;
      return answer(
        [`Open requests:`, ...lines, ...(note ? [note] : [])].join("\n"),
        [header("Bulk requests"), ...listSections(lines, 45), ...(note ? [context(note)] : [])],
        { ...data, requests: data.requests.slice(0, REQUESTS_PAGE), shown: shown.length, total },
      );
    }
    case "approve":
    case "reject": {
      const r =
        c.kind === "approve"
          ? await approveRequest(svc, actor, c.id, c.confirmCount)
          : await rejectRequest(svc, actor, c.id, c.reason);
      const account = await getAccount(svc.db, actor.accountId);
      return decisionAnswer(r, account.timeZone, tz);
    }
    case "settings": {
      const r = await showSettings(svc, actor);
      const s = r.settings;
      const rows: [string, string, ShownSettingKey[]][] = [
        ["plan", s.plan, ["plan"]],
        ["tier", `${n(s.tier)} contacts (${formatCents(s.monthlyPriceCents)}/month)`, ["tier"]],
        ["term", s.term, ["term"]],
        ["start", s.start, ["start"]],
        ["timezone", s.timezone, ["timezone"]],
        ["alert-channel", s["alert-channel"] ? channel(s["alert-channel"]) : "not set", ["alert-channel"]],
        [
          "approvals-channel",
          s["approvals-channel"] ? channel(s["approvals-channel"]) : "not set",
          ["approvals-channel"],
        ],
        [
          "billing-contacts",
          r.billingContacts.length ? shortList(r.billingContacts.map(mention), 20) : "none",
          ["billing-contacts"],
        ],
        ["reminders", s.reminders.length ? s.reminders.map((d) => `${d}d`).join(",") : "off", ["reminders"]],
        ["direct-limit", n(s["direct-limit"]), ["direct-limit"]],
        ["self-approval", s["self-approval"] ? "on" : "off", ["self-approval"]],
        [
          "spike-percent / spike-min",
          `${s["spike-percent"]} % or ${n(s["spike-min"])} contacts within an hour, whichever is smaller`,
          ["spike-percent", "spike-min"],
        ],
      ];
      const lastOf = (keys: ShownSettingKey[]) =>
        keys
          .map((k) => r.lastChanged[k])
          .filter((m) => m !== undefined)
          .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
      const who = (keys: ShownSettingKey[]) => {
        const mark = lastOf(keys);
        if (!mark) return "default";
        const by =
          mark.actor === "system"
            ? "tierkeeper (automatic upgrade or renewal)"
            : mark.actor === "cli"
              ? "the command line"
              : mention(mark.actor);
        return `changed by ${by}, ${when(mark.at, tz)}`;
      };
      const notSetUp = r.configuredAt
        ? null
        : "tierkeeper isn't set up yet: `/contacts setup` (or `tierkeeper setup` in a terminal) asks for all of this in one go.";
      const text = [
        ...rows.map(([k, v, keys]) => `${k}: ${v} (${who(keys)})`),
        ...(notSetUp ? ["", notSetUp] : []),
      ].join("\n");
      return answer(
        text,
        [
          header("Settings"),
          section(rows.map(([k, v, keys]) => `\`${k}\` ${v} — _${who(keys)}_`).join("\n")),
          context(
            ...(notSetUp ? [notSetUp] : []),
            "Admins change one or several at once, e.g. `settings plan enterprise tier 400,000 term monthly`, or all in a form with `/contacts setup`.",
          ),
        ],
        {
          settings: s,
          billingContacts: r.billingContacts,
          lastChanged: Object.fromEntries(
            Object.entries(r.lastChanged).map(([k, m]) => [k, { actor: m.actor, at: m.at.toISOString() }]),
          ),
          configuredAt: r.configuredAt?.toISOString() ?? null,
        },
      );
    }
    case "settings-set": {
      const r = await changeSettings(svc, actor, c.settings);
      const lines = settingsChangeLines(r);
      return answer(lines.join("\n"), [section(lines.join("\n"))], {
        settings: r.settings,
        changed: r.changed.map((ch) => ch.key),
        tier: {
          plan: r.tier.plan,
          limit: r.tier.limit,
          how: r.tier.how,
          monthlyPriceCents: r.tier.monthlyPriceCents,
          marketingCount: r.tier.marketingCount,
        },
      });
    }
    case "setup":
      return {
        ...refusal(
          "The setup form opens in Slack: type `/contacts setup` there. In a terminal, run `tierkeeper setup`.",
        ),
        slackOnly: "setup",
      };
    case "access":
    case "admins":
    case "billing-contacts": {
      if (c.kind === "billing-contacts" && !("userId" in c)) {
        const ids = await billingContacts(svc, actor.accountId);
        return answer(
          ids.length ? `Billing contacts: ${shortList(ids.map(mention), 50)}` : "No billing contacts yet.",
          undefined,
          { billingContacts: ids },
        );
      }
      const change = { what: c.kind, op: c.op, userId: c.userId } as Parameters<typeof changeRole>[3];
      await changeRole(svc, actor, actor.accountId, change);
      const text =
        c.kind === "access"
          ? `${mention(c.userId)} ${c.op === "grant" ? "now has" : "no longer has"} marketing contacts access.`
          : c.kind === "admins"
            ? `${mention(c.userId)} is ${c.op === "add" ? "now an admin" : "no longer an admin"}.`
            : `${mention(c.userId)} is ${c.op === "add" ? "now a billing contact" : "no longer a billing contact"}.`;
      return answer(text, undefined, { userId: c.userId, op: c.op });
    }
    case "tier-downgrade":
    case "tier-downgrade-cancel": {
      const target = c.kind === "tier-downgrade" ? c.limit : null;
      await scheduleDowngrade(svc, actor, target);
      const r = await tierReport(svc, actor);
      const text =
        target === null
          ? "The scheduled downgrade is cancelled."
          : `Downgrade to ${n(target)} contacts scheduled for the renewal on ${when(r.nextRenewalAt, tz)}. It happens only if the marketing count then fits (now ${n(r.marketingCount)}, ${n(r.marketingCountAfterUpdate)} after pending changes).`;
      return answer(text, undefined, { downgradeTo: target, renewalAt: r.nextRenewalAt.toISOString() });
    }
    case "manage":
      return { ...refusal("The manage wizard opens in Slack: type `/contacts manage` there."), slackOnly: "manage" };
    default:
      return refusal(`\`${c.kind}\` is not available in this version of tierkeeper yet.`, "refused");
  }
}

/** What a settings change did, in plain words: each changed setting, and the tier with its price. */
export function settingsChangeLines(r: SettingsChangeResult): string[] {
  const lines: string[] = [];
  const t = r.tier;
  for (const ch of r.changed) {
    if (ch.key === "tier" || ch.key === "plan") continue;
    lines.push(`\`${ch.key}\` is now ${describeValue(ch.key, ch.after)} (was ${describeValue(ch.key, ch.before)}).`);
  }
  const was =
    t.previousPlan === t.plan
      ? `${n(t.previousLimit)} contacts, ${money(t.previousMonthlyPriceCents)}/month`
      : `${n(t.previousLimit)} contacts on the ${t.previousPlan} plan, ${money(t.previousMonthlyPriceCents)}/month`;
  if (t.how === "fitted") {
    lines.unshift(
      `The plan is now ${t.plan}, and the tier ${n(t.limit)} contacts: the smallest ${t.plan} tier that holds your ${n(t.marketingCount)} marketing contacts, ${money(t.monthlyPriceCents)}/month (was ${was}). To choose another, give it too: \`settings plan ${t.plan} tier <limit>\`.`,
    );
  } else if (t.how === "given") {
    lines.unshift(
      `The tier is now ${n(t.limit)} contacts on the ${t.plan} plan, ${money(t.monthlyPriceCents)}/month (was ${was}).`,
    );
  }
  if (lines.length === 0) lines.push("Nothing changed: every setting you gave already had that value.");
  return lines;
}

/** Longest line of a listing; the rest of it is cut with "…". */
const MAX_LINE = 500;
/** Most requests `requests` lists; it says how many more there are. */
const REQUESTS_PAGE = 50;
/** Most per-email outcomes a `set` answer spells out; the rest are counted by outcome. */
const OUTCOMES_SHOWN = 50;

/** The first `max` items, then how many more. */
export function shortList(items: string[], max: number): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${n(items.length - max)} more`;
}

function moreOutcomes(rest: { outcome: string }[]): string {
  const counts = new Map<string, number>();
  for (const o of rest) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  const parts = [...counts].map(([outcome, count]) => `${n(count)} ${outcomeLabel(outcome)}`);
  return `…and ${n(rest.length)} more: ${parts.join(", ")}.`;
}

function outcomeLabel(o: string): string {
  switch (o) {
    case "made-marketing":
      return "made marketing";
    case "cancelled-pending":
      return "kept marketing (pending change cancelled)";
    case "flagged-pending":
      return "non-marketing at the next update";
    default:
      return o.replace(/-/g, " ");
  }
}

function outcomeText(o: string, effectiveAt: Date | null, subsidiaryZone: string, tz: string): string {
  switch (o) {
    case "made-marketing":
      return "now a marketing contact.";
    case "cancelled-pending":
      return "stays marketing; its pending non-marketing change is cancelled.";
    case "already-marketing":
      return "already a marketing contact; nothing changed.";
    case "flagged-pending":
      return `stays marketing until the next update date, then becomes non-marketing: ${effectiveAt ? updateWhen(effectiveAt, subsidiaryZone, tz) : ""}.`;
    case "already-pending":
      return `already set to become non-marketing${effectiveAt ? ` at ${updateWhen(effectiveAt, subsidiaryZone, tz)}` : ""}; nothing changed.`;
    case "already-non-marketing":
      return "already non-marketing; nothing changed.";
    default:
      return o;
  }
}

/** A user id as a mention; anything else (`rule:<name>`, `api:<key>`, `system`) as escaped text. */
export const mention = (id: string) => (/^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id));
const channel = (c: string) => (c.startsWith("#") ? c : `<#${c}>`);

function usageBar(percent: number): string {
  const filled = Math.min(20, Math.round(percent / 5));
  return `\`${"█".repeat(filled)}${"░".repeat(20 - filled)}\``;
}

export { divider };
