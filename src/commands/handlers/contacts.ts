// `status`, `can-market`, `set`, `delete`: one contact or a few at a time.
import { day, money, n, shortList, updateWhen, when } from "../../domain/format.ts";
import { listRequests } from "../../services/bulk/index.ts";
import { canMarket, contactStatus, deleteContacts, setStatus } from "../../services/contacts.ts";
import { answer, facts, list, paragraph, say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { canMarketText, isTranslated, speak, statusParts } from "../i18n/answers.ts";
import { localSetParts, localSetRequestParts } from "../i18n/commands.ts";
import { requestParts } from "../requests-view.ts";
import { em, emoji, md, strong } from "../rich.ts";

/** Most per-email outcomes a `set` answer spells out; the rest are counted by outcome. */
const OUTCOMES_SHOWN = 50;

export const status: Handler<"status"> = async (svc, inv, c) => {
  const s = await contactStatus(svc, inv.actor, c.email);
  const data = {
    email: s.email,
    status: s.status,
    pending: s.pending,
    effectiveAt: s.effectiveAt?.toISOString() ?? null,
    source: s.source,
    sourceId: s.sourceId,
    lists: s.lists,
    bounced: s.bounced,
    unsubscribed: s.unsubscribed,
  };
  if (isTranslated(inv.locale)) return answer(statusParts(inv.locale, s, inv.timeZone), data);
  const pendingLine = s.effectiveAt
    ? `Marketing until the next update date: becomes non-marketing ${updateWhen(s.effectiveAt, s.timeZone, inv.timeZone)}`
    : null;
  const unengaged = [s.bounced && "bounced", s.unsubscribed && "unsubscribed"].filter(Boolean).join(", ");
  return answer(
    [
      paragraph(
        md`${strong(s.email)} is a ${strong(s.status)} contact${s.pending ? md` (${em("pending: marketing until next update")})` : ""}.`,
      ),
      ...(pendingLine ? [paragraph(md`${emoji("hourglass_flowing_sand")} ${pendingLine}`)] : []),
      facts([
        ["Source", `${s.source}${s.sourceId ? ` (${s.sourceId})` : ""}`],
        ["Lists", s.lists.length ? shortList(s.lists, 20) : "none"],
        ["Lifecycle", s.lifecycle ?? "—"],
        ["Created", when(s.createdAt, inv.timeZone)],
        ...(unengaged ? ([["Unengaged", unengaged]] as [string, string][]) : []),
      ]),
    ],
    data,
  );
};

export const canMarketHandler: Handler<"can-market"> = async (svc, inv, c) => {
  const r = await canMarket(svc, inv.actor, c.email);
  const data = { email: r.email, canMarket: r.yes, status: r.status, reason: r.reason };
  if (isTranslated(inv.locale)) return say(canMarketText(inv.locale, r.yes, r.email), data);
  return say(
    md`${emoji(r.yes ? "white_check_mark" : "no_entry")} ${strong(r.yes ? "Yes" : "No")} — ${strong(r.email)}: ${r.reason}`,
    data,
  );
};

export const set: Handler<"set"> = async (svc, inv, c) => {
  const { actor, timeZone: tz } = inv;
  const r = await setStatus(svc, actor, c.to, c.emails);
  const data = { changed: r.changed, unchanged: r.unchanged, pending: r.pending, requestId: r.requestId };
  if (r.requestId) {
    const request = (await listRequests(svc, actor, ["open"])).find((v) => v.id === r.requestId);
    if (isTranslated(inv.locale)) {
      const parts = localSetRequestParts(
        inv.locale,
        { reason: r.requestReason, requestId: r.requestId, count: c.emails.length, request },
        tz,
      );
      return { ...answer(parts, data), request };
    }
    const upgrade = request?.impact.upgrade;
    const why =
      r.requestReason === "upgrade" && upgrade
        ? `This would upgrade the tier from ${n(upgrade.oldLimit)} to ${n(upgrade.newLimit)} contacts (prorated charge ${money(upgrade.chargeCents)}), so it needs an admin's approval: request ${r.requestId}.`
        : `${n(c.emails.length)} contacts is more than the direct-change limit, so this needs approval: request ${r.requestId}.`;
    return {
      ...answer([paragraph(why), ...(request ? requestParts(request, tz, { buttons: false }) : [])], data),
      request,
    };
  }
  // The account's zone as the change read it: no second read inside the change's transaction.
  const account = { timeZone: r.accountTimeZone };
  if (isTranslated(inv.locale)) return answer(localSetParts(inv.locale, r, account.timeZone, tz), data);
  const lines = r.outcomes
    .slice(0, OUTCOMES_SHOWN)
    .map((o) => `${o.email}: ${outcomeText(o.outcome, o.effectiveAt, account.timeZone, tz)}`);
  if (r.outcomes.length > OUTCOMES_SHOWN) lines.push(moreOutcomes(r.outcomes.slice(OUTCOMES_SHOWN)));
  return answer(
    [
      list(lines),
      ...(r.upgrade
        ? [
            paragraph(
              md`${emoji("rotating_light")} This change upgraded the tier from ${n(r.upgrade.oldLimit)} to ${n(r.upgrade.newLimit)} contacts; a prorated charge of ${money(r.upgrade.chargeCents)} is due ${day(r.upgrade.chargeDue, account.timeZone)}.`,
            ),
          ]
        : []),
      paragraph(`Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)}.`),
    ],
    data,
  );
};

export const remove: Handler<"delete"> = async (svc, inv, c) => {
  const r = await deleteContacts(svc, inv.actor, c.emails);
  if (isTranslated(inv.locale)) {
    const words = speak(inv.locale).say("delete.done", {
      deleted: r.deleted,
      freed: r.marketingFreed,
      count: r.marketingCount,
      limit: r.tierLimit,
    });
    return say(words, r);
  }
  return say(
    `Deleted ${n(r.deleted)} contacts (${n(r.marketingFreed)} of them marketing). Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)}; the tier stays as it is.`,
    r,
  );
};

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
