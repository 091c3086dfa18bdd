// How each notice is worded: one function per kind, from the payload the service queued to an
// Answer (rendered to Block Kit for Slack and to plain text for `tierkeeper jobs` and the fallback
// text). The compiler checks that every kind has its words.
import { day, money, n, pct, updateWhen } from "../domain/format.ts";
import { type ThresholdLevel, usagePercent } from "../domain/thresholds.ts";
import type { Notice, NoticeKind, NoticeOf } from "../services/notices.ts";
import { type Answer, answer, list, paragraph } from "./answer.ts";
import type { Locale } from "./i18n/format.ts";
import { localWords, speaker } from "./i18n/notices.ts";
import { channel, code, emoji, fromOurMarkup, join, md, mention, type Rich, strong } from "./rich.ts";

/** An update instant as the account's channel reads it (the subsidiary zone is everyone's zone here). */
const at = (iso: string, zone: string) => updateWhen(new Date(iso), zone, zone);
const of = (count: number, limit: number) => `${n(count)} of ${n(limit)} (${pct(usagePercent(count, limit))})`;
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

const levelText = (level: ThresholdLevel) => (level === "exceeded" ? "more than 100 %" : `${level} %`);

const dayList = (list: number[]) => {
  const words = list.map((d) => plural(d, "day"));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
};

const ordinal = (d: number) => {
  const tens = d % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[d % 10] ?? "th");
  return `${d}${suffix}`;
};

/** A channel id as a link, anything else (a name typed in local mode) as it is. */
const channelRef = (c: string): Rich => (/^[CG][A-Z0-9]+$/.test(c) ? [channel(c)] : [c]);

type Words = { [K in NoticeKind]: (p: NoticeOf<K>["payload"]) => Rich | Rich[] };

const words = {
  upgrade: (p) => {
    const charge =
      p.chargeCents > 0
        ? md` A prorated charge of ${money(p.chargeCents)} is due on ${p.chargeDue ? day(p.chargeDue, p.timeZone) : "the next day"}.`
        : [];
    return md`${emoji("rotating_light")} Tier upgraded automatically: ${n(p.marketingCount)} marketing contacts exceeded the tier of ${n(p.oldLimit)}, so the account moved to ${n(p.newLimit)} contacts (${money(p.oldMonthlyCents)} → ${money(p.newMonthlyCents)} per month).${charge} Usage is now ${pct(usagePercent(p.marketingCount, p.newLimit))} of the new tier, and alerts count against it. The tier is never lowered automatically: an admin can schedule a downgrade for the renewal with ${code("/contacts tier downgrade <limit>")}.`;
  },
  threshold: (p) => {
    if (p.level === "exceeded")
      return md`${emoji("rotating_light")} Marketing contacts exceed the tier: ${of(p.marketingCount, p.tierLimit)}, and the pricing ladder has no larger tier to upgrade to.`;
    const next = at(p.nextUpdate, p.timeZone);
    const pending =
      p.pendingCount > 0
        ? ` ${n(p.pendingCount)} pending contacts become non-marketing at the next update date, ${next}.`
        : ` More than ${n(p.tierLimit)} upgrades the tier automatically; contacts set non-marketing keep counting until ${next}.`;
    return md`${emoji("warning")} Marketing contacts reached ${levelText(p.level)} of the tier: ${of(p.marketingCount, p.tierLimit)}.${pending}`;
  },
  "update-summary": (p) =>
    md`${emoji("calendar")} Update date ${at(p.instant, p.timeZone)} processed: ${plural(p.changed, "contact")} became non-marketing. Marketing contacts now: ${of(p.marketingCount, p.tierLimit)}.`,
  "downgrade-applied": (p) =>
    md`${emoji("white_check_mark")} Scheduled downgrade applied at the renewal ${at(p.renewalAt, p.timeZone)}: the tier is now ${n(p.target)} contacts (${n(p.marketingCount)} marketing contacts).`,
  "downgrade-cancelled": (p) =>
    md`${emoji("x")} Scheduled downgrade to ${n(p.target)} contacts cancelled at the renewal ${at(p.renewalAt, p.timeZone)}: ${p.reason ?? "the count does not fit"}`,
  spike: (p) => {
    const share = p.baseline > 0 ? ` (+${pct(Math.round((p.growth * 1000) / p.baseline) / 10)})` : "";
    // Sources are as an import or a key named them.
    const by = p.sources.length ? p.sources.map((s) => `${s.source} ${n(s.count)}`).join(", ") : "unknown";
    return md`${emoji("chart_with_upwards_trend")} Spike: marketing contacts grew by ${n(p.growth)}${share} within the last hour, from ${n(p.baseline)} to ${of(p.marketingCount, p.tierLimit)}. New marketing contacts by source: ${by}. If an import or rule is running away, pause it and check ${code("/contacts requests")}.`;
  },
  "update-reminder": (p) =>
    md`${emoji("hourglass_flowing_sand")} Reminder: the next update date is ${p.lead === 1 ? "tomorrow" : `in ${p.lead} days`}, ${at(p.instant, p.timeZone)}. ${plural(p.pendingCount, "contact")} will become non-marketing; marketing contacts after it: ${of(p.after, p.tierLimit)}. Contacts set non-marketing before then are included.`,
  "renewal-reminder": (p) => {
    const tier =
      p.lowest < p.tierLimit
        ? `the lowest tier that holds them is ${n(p.lowest)} contacts (${money(p.savingCents)} less per month than the current ${n(p.tierLimit)}). `
        : `the lowest tier that holds them is the current one, ${n(p.tierLimit)} contacts. `;
    const downgrade: Rich =
      p.downgradeTo !== null
        ? md`A downgrade to ${n(p.downgradeTo)} contacts is scheduled for it${p.after <= p.downgradeTo ? "" : `, but ${n(p.after)} contacts do not fit: it will be cancelled unless the count drops`}.`
        : p.lowest < p.tierLimit
          ? md`No downgrade is scheduled: an admin can schedule one with ${code("/contacts tier downgrade <limit>")}.`
          : md`No downgrade is scheduled.`;
    return md`${emoji("spiral_calendar_pad")} The renewal is ${at(p.renewal, p.timeZone)}. After pending changes ${n(p.after)} marketing contacts remain; ${tier}${downgrade}`;
  },
  forecast: (p) => {
    const lines = p.thresholds.map(
      (t) => `${thresholdLabel(t)} on ${day(t.date, p.timeZone)} (in ${plural(t.inDays, "day")})`,
    );
    return md`${emoji("crystal_ball")} Forecast: at the recent growth of ${n(Math.round(p.perDay))} marketing contacts a day, usage reaches ${lines.join("; ")}. Now ${n(p.marketingCount)} of ${n(p.tierLimit)}.`;
  },
  setup: (p) => {
    const zone = p.timeZone;
    const cadence =
      p.term === "monthly"
        ? `on the ${ordinal(p.startDay)} of every month${p.startDay > 28 ? " (the last day in shorter months)" : ""}, at 12:00 ${zone} time`
        : `on the 1st of every month, at 12:00 ${zone} time`;
    const where: Rich[] = [];
    if (p.alertChannel) where.push(md`in ${channelRef(p.alertChannel)}`);
    if (p.billingContacts.length)
      where.push(
        md`by DM to ${join(
          p.billingContacts.map((u) => [mention(u)]),
          ", ",
        )}`,
      );
    const alertsTo = where.length
      ? join(where, " and ")
      : md`nowhere yet: no alert channel or billing contact is set (${code("/contacts setup")} sets them)`;
    const thresholds = p.thresholds.map((t) => `${t.percent} % (${n(t.count)})`).join(", ");
    const reminders = p.reminderDays.length
      ? md`${dayList(p.reminderDays)} before each update date, and ${p.renewalReminderDays} days before each renewal`
      : md`none before update dates (${code("/contacts settings reminders 3d,1d")} turns them on); ${p.renewalReminderDays} days before each renewal`;
    return [
      md`${strong("tierkeeper is set up.")} Here is what it will do, and when.`,
      md`${strong("Your tier:")} ${n(p.tierLimit)} marketing contacts on the ${p.plan} plan, ${money(p.monthlyCents)}/month. Today ${n(p.marketingCount)} contacts are marketing (${pct(usagePercent(p.marketingCount, p.tierLimit))}).`,
      md`${strong("Update dates:")} a contact set non-marketing keeps counting until the next update date, then stops. Update dates are ${cadence}; the next is ${at(p.nextUpdate, zone)}.`,
      md`${strong("Alerts")} ${alertsTo}: when marketing contacts reach ${thresholds} of the tier, and if they go over it. Going over upgrades the tier automatically, with a prorated charge that can't be undone until renewal; the next renewal is ${day(p.renewal, zone)}.`,
      md`${strong("Reminders:")} ${reminders}.`,
      md`${strong("Approvals:")} changes to more than ${n(p.directLimit)} contacts at once, and anything that would upgrade the tier, wait ${p.approvalsChannel ? "in this channel" : md`(${code("/contacts requests")})`} for an admin to approve.`,
      md`${code("/contacts help")} lists everything; ${code("/contacts settings")} shows the settings and who changed them.`,
    ];
  },
  "intake-held": (p) =>
    md`${emoji("no_entry")} ${n(p.count)} contacts that came in through API key ${p.keyId} would have been marketing, but the key's maker ${mention(p.ownerId)} no longer has marketing contacts access, so they were created non-marketing. Grant the access back (${code(`/contacts access grant <@${p.ownerId}>`)}) or have an admin make a new key.`,
  "request-reopened": (p) =>
    md`${emoji("warning")} Scheduled request ${p.requestId} (set ${n(p.count)} contacts ${p.action}) did not run: ${p.reason}. It needs a new decision: ${code(`/contacts approve ${p.requestId}`)} or ${code(`/contacts reject ${p.requestId}`)}.`,
  // The rule's name and filter are as someone typed them; the reason is ours (it may mention the owner).
  "rule-paused": (p) =>
    md`${emoji("pause_button")} Automation rule "${p.rule}" (set marketing when ${p.filter}) is paused: ${fromOurMarkup(p.reason)}. Someone with marketing contacts access can ${code(`/contacts rules enable ${p.rule}`)} to run it as theirs, or remove it.`,
  "webhook-disabled": (p) =>
    md`${emoji("warning")} Webhook ${p.webhookId} to ${p.origin} is turned off: every delivery failed since ${p.failingSince.slice(0, 10)} (${n(p.attempts)} attempts; the last: ${p.lastError}). Nothing was lost: once the endpoint works, ${code(`/contacts settings webhook test ${p.webhookId}`)} turns it back on and it catches up from where it stopped.`,
} satisfies Words;

/** A threshold as people say it: "90 % (1,800)", or going over the tier. */
export function thresholdLabel(t: { level: ThresholdLevel; count: number }): string {
  return t.level === "exceeded"
    ? `exceeding the tier (${n(t.count)}, an automatic upgrade)`
    : `${t.level} % (${n(t.count)})`;
}

/**
 * A notice as an answer in the account's language: its first paragraph is the headline, the rest a
 * list (the setup note). English is worded here; the other languages from their catalogs (./i18n).
 */
export function noticeAnswer(notice: Notice, locale: Locale = "en"): Answer {
  const said =
    locale === "en"
      ? (words[notice.kind] as (p: Notice["payload"]) => Rich | Rich[])(notice.payload)
      : (localWords[notice.kind] as (p: Notice["payload"], s: ReturnType<typeof speaker>) => Rich | Rich[])(
          notice.payload,
          speaker(locale),
        );
  const lines = isLines(said) ? said : [said];
  const [first, ...rest] = lines;
  return answer([paragraph(first ?? []), ...(rest.length ? [list(rest)] : [])], { kind: notice.kind });
}

function isLines(x: Rich | Rich[]): x is Rich[] {
  return x.length > 0 && Array.isArray(x[0]);
}

/** A queued row as an answer: its notice, or (rows queued by an older version) the text it was queued with. */
export function notificationAnswer(
  row: { kind: string; payload: unknown; text: string | null },
  locale: Locale = "en",
): Answer {
  if (row.payload && typeof row.payload === "object" && row.kind in words)
    return noticeAnswer({ kind: row.kind, payload: row.payload } as Notice, locale);
  return answer([paragraph(row.text ?? "")], { kind: row.kind });
}

/** A notice as plain text: what `tierkeeper jobs` prints and what a terminal shows. */
export const noticeText = (notice: Notice, locale: Locale = "en"): string => noticeAnswer(notice, locale).text;
