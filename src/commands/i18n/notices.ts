// Every notice kind worded from the catalogs, for the languages besides English (English keeps
// src/commands/notices.ts, word for word as before). The payload's numbers, money and dates are
// formatted in the locale; what people typed (rule names, filters, sources, plans) goes into a
// message as an argument, never into its pattern, so it stays plain text the renderer escapes.
import {
  type DowngradeCancelWhy,
  downgradeCancelFromText,
  type RulePauseWhy,
  rulePauseFromText,
  storedDowngradeCancel,
  storedRulePause,
  storedWebhookFailure,
  type WebhookFailure,
  webhookFailureFromText,
} from "../../domain/reasons.ts";
import { usagePercent } from "../../domain/thresholds.ts";
import type { NoticeKind, NoticeOf } from "../../services/notices.ts";
import { channel, code, emoji, fromOurMarkup, join, mention, type Rich } from "../rich.ts";
import { type Locale, type LocalFormat, localFormat } from "./format.ts";
import type { MessageKey } from "./locales/en/index.ts";
import { type MessageArg, message } from "./messages.ts";
import { downgradeCancelWords, rulePauseWords, webhookFailureWords } from "./reasons.ts";

type Say = (key: MessageKey, args?: Record<string, MessageArg>) => Rich;

interface Speaker {
  say: Say;
  f: LocalFormat;
}

export type LocalWords = { [K in NoticeKind]: (p: NoticeOf<K>["payload"], s: Speaker) => Rich | Rich[] };

/**
 * A reason kept as data worded in the language; a notice queued before the data was kept has only
 * the English sentence: read back from it when it is ours, else quoted as it is.
 */
function reasonWords(s: Speaker, p: { why?: DowngradeCancelWhy | null; reason: string | null }): Rich {
  const why = storedDowngradeCancel(p.why) ?? (p.reason ? downgradeCancelFromText(p.reason) : null);
  if (why) return downgradeCancelWords(s.f.locale, why);
  return p.reason ? [p.reason] : s.say("downgrade-cancelled.noFit");
}

function pauseWords(s: Speaker, p: { why?: RulePauseWhy | null; reason: string }): Rich {
  const why = storedRulePause(p.why) ?? rulePauseFromText(p.reason);
  return why ? rulePauseWords(s.f.locale, why) : fromOurMarkup(p.reason);
}

function failureWords(s: Speaker, p: { failure?: WebhookFailure | null; lastError: string }): Rich {
  const failure = storedWebhookFailure(p.failure) ?? webhookFailureFromText(p.lastError);
  return failure ? webhookFailureWords(s.f.locale, failure) : [p.lastError];
}

const withIcon = (name: string, rich: Rich): Rich => [emoji(name), " ", ...rich];

const standing = ({ say, f }: Speaker, count: number, limit: number): Rich =>
  say("standing", { count, limit, usage: f.pct(usagePercent(count, limit)) });

const threshold = ({ say, f }: Speaker, t: { level: number | "exceeded"; count: number }): Rich =>
  t.level === "exceeded"
    ? say("threshold.exceeding", { count: t.count })
    : say("threshold.level", { level: f.pct(t.level), count: t.count });

/** A channel id as a link, anything else (a name typed in local mode) as it is. */
const channelRef = (c: string): Rich => (/^[CG][A-Z0-9]+$/.test(c) ? [channel(c)] : [c]);

export const localWords: LocalWords = {
  upgrade: (p, s) => {
    const { say, f } = s;
    const amount = f.money(p.chargeCents);
    const charge =
      p.chargeCents <= 0
        ? ""
        : p.chargeDue
          ? say("upgrade.charge", { amount, due: f.day(p.chargeDue, p.timeZone) })
          : say("upgrade.chargeNextDay", { amount });
    return withIcon(
      "rotating_light",
      say("upgrade", {
        count: p.marketingCount,
        oldLimit: p.oldLimit,
        newLimit: p.newLimit,
        oldMonthly: f.money(p.oldMonthlyCents),
        newMonthly: f.money(p.newMonthlyCents),
        charge,
        usage: f.pct(usagePercent(p.marketingCount, p.newLimit)),
        command: code("/contacts tier downgrade <limit>"),
      }),
    );
  },
  threshold: (p, s) => {
    const now = standing(s, p.marketingCount, p.tierLimit);
    if (p.level === "exceeded") return withIcon("rotating_light", s.say("threshold.over", { standing: now }));
    const when = s.f.at(p.nextUpdate, p.timeZone);
    const next =
      p.pendingCount > 0
        ? s.say("threshold.pending", { count: p.pendingCount, when })
        : s.say("threshold.noPending", { limit: p.tierLimit, when });
    return withIcon("warning", s.say("threshold", { level: s.f.pct(p.level), standing: now, next }));
  },
  "update-summary": (p, s) =>
    withIcon(
      "calendar",
      s.say("update-summary", {
        when: s.f.at(p.instant, p.timeZone),
        changed: p.changed,
        standing: standing(s, p.marketingCount, p.tierLimit),
      }),
    ),
  "downgrade-applied": (p, s) =>
    withIcon(
      "white_check_mark",
      s.say("downgrade-applied", {
        when: s.f.at(p.renewalAt, p.timeZone),
        target: p.target,
        count: p.marketingCount,
      }),
    ),
  "downgrade-cancelled": (p, s) =>
    withIcon(
      "x",
      s.say("downgrade-cancelled", {
        target: p.target,
        when: s.f.at(p.renewalAt, p.timeZone),
        reason: reasonWords(s, p),
      }),
    ),
  spike: (p, s) => {
    const { say, f } = s;
    const share = p.baseline > 0 ? ` (+${f.pct(Math.round((p.growth * 1000) / p.baseline) / 10)})` : "";
    const sources = p.sources.length
      ? join(
          p.sources.map((x) => [`${x.source} ${f.n(x.count)}`]),
          ", ",
        )
      : say("spike.unknown");
    return withIcon(
      "chart_with_upwards_trend",
      say("spike", {
        growth: p.growth,
        share,
        baseline: p.baseline,
        standing: standing(s, p.marketingCount, p.tierLimit),
        sources,
        command: code("/contacts requests"),
      }),
    );
  },
  "update-reminder": (p, s) =>
    withIcon(
      "hourglass_flowing_sand",
      s.say("update-reminder", {
        lead: p.lead,
        when: s.f.at(p.instant, p.timeZone),
        count: p.pendingCount,
        standing: standing(s, p.after, p.tierLimit),
      }),
    ),
  "renewal-reminder": (p, s) => {
    const { say, f } = s;
    const tier =
      p.lowest < p.tierLimit
        ? say("renewal-reminder.lower", { lowest: p.lowest, saving: f.money(p.savingCents), limit: p.tierLimit })
        : say("renewal-reminder.current", { limit: p.tierLimit });
    const downgrade =
      p.downgradeTo !== null
        ? p.after <= p.downgradeTo
          ? say("renewal-reminder.scheduled", { target: p.downgradeTo })
          : say("renewal-reminder.scheduledNoFit", { target: p.downgradeTo, after: p.after })
        : p.lowest < p.tierLimit
          ? say("renewal-reminder.canSchedule", { command: code("/contacts tier downgrade <limit>") })
          : say("renewal-reminder.none");
    return withIcon(
      "spiral_calendar_pad",
      say("renewal-reminder", { when: f.at(p.renewal, p.timeZone), after: p.after, tier, downgrade }),
    );
  },
  forecast: (p, s) => {
    const reached = join(
      p.thresholds.map((t) =>
        s.say("forecast.when", { threshold: threshold(s, t), day: s.f.day(t.date, p.timeZone), days: t.inDays }),
      ),
      "; ",
    );
    return withIcon(
      "crystal_ball",
      s.say("forecast", { perDay: Math.round(p.perDay), reached, count: p.marketingCount, limit: p.tierLimit }),
    );
  },
  setup: (p, s) => {
    const { say, f } = s;
    const zone = p.timeZone;
    const cadence =
      p.term === "monthly"
        ? say("setup.monthly", { day: p.startDay, late: p.startDay > 28 ? "yes" : "no", zone })
        : say("setup.annual", { zone });
    const inChannel = p.alertChannel ? say("setup.inChannel", { channel: channelRef(p.alertChannel) }) : null;
    const byDm = p.billingContacts.length
      ? say("setup.byDm", {
          people: join(
            p.billingContacts.map((u) => [mention(u)]),
            ", ",
          ),
        })
      : null;
    const to =
      inChannel && byDm
        ? say("setup.both", { inChannel, byDm })
        : (inChannel ?? byDm ?? say("setup.nowhere", { command: code("/contacts setup") }));
    const thresholds = f.and(p.thresholds.map((t) => `${f.pct(t.percent)} (${f.n(t.count)})`));
    const renewal = p.renewalReminderDays;
    const reminders = p.reminderDays.length
      ? say("setup.remindersOn", { days: f.and(p.reminderDays.map((d) => plainOf(say("days", { days: d })))), renewal })
      : say("setup.remindersOff", { command: code("/contacts settings reminders 3d,1d"), renewal });
    return [
      say("setup.title"),
      say("setup.tier", {
        limit: p.tierLimit,
        plan: p.plan,
        monthly: f.money(p.monthlyCents),
        count: p.marketingCount,
        usage: f.pct(usagePercent(p.marketingCount, p.tierLimit)),
      }),
      say("setup.updates", { cadence, next: f.at(p.nextUpdate, zone) }),
      say("setup.alerts", { to, thresholds, renewal: f.day(p.renewal, zone) }),
      say("setup.reminders", { reminders }),
      say("setup.approvals", {
        limit: p.directLimit,
        here: p.approvalsChannel ? "yes" : "no",
        command: code("/contacts requests"),
      }),
      say("setup.help", { help: code("/contacts help"), settings: code("/contacts settings") }),
    ];
  },
  "intake-held": (p, s) =>
    withIcon(
      "no_entry",
      s.say("intake-held", {
        count: p.count,
        key: [p.keyId],
        owner: mention(p.ownerId),
        grant: code(`/contacts access grant <@${p.ownerId}>`),
      }),
    ),
  "request-reopened": (p, s) =>
    withIcon(
      "warning",
      s.say("request-reopened", {
        id: [p.requestId],
        count: p.count,
        action: p.action,
        reason: [p.reason],
        approve: code(`/contacts approve ${p.requestId}`),
        reject: code(`/contacts reject ${p.requestId}`),
      }),
    ),
  // The rule's name and filter are as someone typed them; the reason is ours (it may mention the owner).
  "rule-paused": (p, s) =>
    withIcon(
      "pause_button",
      s.say("rule-paused", {
        rule: [p.rule],
        filter: [p.filter],
        reason: pauseWords(s, p),
        command: code(`/contacts rules enable ${p.rule}`),
      }),
    ),
  "webhook-disabled": (p, s) =>
    withIcon(
      "warning",
      s.say("webhook-disabled", {
        id: String(p.webhookId),
        origin: [p.origin],
        since: s.f.day(p.failingSince, "UTC"),
        attempts: p.attempts,
        error: failureWords(s, p),
        command: code(`/contacts settings webhook test ${p.webhookId}`),
      }),
    ),
};

/** The plain text of a message without marks (day counts, which join with other plain text). */
function plainOf(rich: Rich): string {
  return rich.filter((x): x is string => typeof x === "string").join("");
}

/** The speaker of a language: its catalog's messages and its formats. */
export function speaker(locale: Locale): Speaker {
  return { say: (key, args) => message(locale, key, args), f: localFormat(locale) };
}
