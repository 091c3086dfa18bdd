// `access`, `admins`, `billing-contacts`, `tier downgrade`: admin matters (R10, R13).
import { n, when } from "../../domain/format.ts";
import { tierReport } from "../../services/reports.ts";
import { billingContacts, changeRole } from "../../services/roles.ts";
import { scheduleDowngrade } from "../../services/settings.ts";
import { say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated, speak } from "../i18n/answers.ts";
import { join, md, mention } from "../rich.ts";

export const roles: Handler<"access" | "admins" | "billing-contacts"> = async (svc, inv, c) => {
  const { actor } = inv;
  if (c.kind === "billing-contacts" && !("userId" in c)) {
    const ids = await billingContacts(svc, actor.accountId);
    const shown = ids.slice(0, 50).map((id) => [mention(id)]);
    if (isTranslated(inv.locale)) {
      const { say: words } = speak(inv.locale);
      return say(
        ids.length
          ? words("people.billingContacts", { users: join(shown, ", "), more: Math.max(0, ids.length - 50) })
          : words("people.noBillingContacts"),
        { billingContacts: ids },
      );
    }
    return say(
      ids.length
        ? md`Billing contacts: ${join(shown, ", ")}${ids.length > 50 ? ` and ${n(ids.length - 50)} more` : ""}`
        : "No billing contacts yet.",
      { billingContacts: ids },
    );
  }
  const change = { what: c.kind, op: c.op, userId: c.userId } as Parameters<typeof changeRole>[3];
  await changeRole(svc, actor, actor.accountId, change);
  const u = mention(c.userId);
  if (isTranslated(inv.locale)) {
    const key = c.kind === "access" ? "people.access" : c.kind === "admins" ? "people.admin" : "people.billingContact";
    return say(speak(inv.locale).say(key, { user: u, op: c.op }), { userId: c.userId, op: c.op });
  }
  const text =
    c.kind === "access"
      ? md`${u} ${c.op === "grant" ? "now has" : "no longer has"} marketing contacts access.`
      : c.kind === "admins"
        ? md`${u} is ${c.op === "add" ? "now an admin" : "no longer an admin"}.`
        : md`${u} is ${c.op === "add" ? "now a billing contact" : "no longer a billing contact"}.`;
  return say(text, { userId: c.userId, op: c.op });
};

export const downgrade: Handler<"tier-downgrade" | "tier-downgrade-cancel"> = async (svc, inv, c) => {
  const target = c.kind === "tier-downgrade" ? c.limit : null;
  await scheduleDowngrade(svc, inv.actor, target);
  const r = await tierReport(svc, inv.actor);
  const data = { downgradeTo: target, renewalAt: r.nextRenewalAt.toISOString() };
  if (isTranslated(inv.locale)) {
    const { f, say: words } = speak(inv.locale);
    return say(
      target === null
        ? words("downgrade.cancelled")
        : words("downgrade.scheduled", {
            target,
            when: f.instant(r.nextRenewalAt.toISOString(), inv.timeZone),
            count: r.marketingCount,
            after: r.marketingCountAfterUpdate,
          }),
      data,
    );
  }
  return say(
    target === null
      ? "The scheduled downgrade is cancelled."
      : `Downgrade to ${n(target)} contacts scheduled for the renewal on ${when(r.nextRenewalAt, inv.timeZone)}. It happens only if the marketing count then fits (now ${n(r.marketingCount)}, ${n(r.marketingCountAfterUpdate)} after pending changes).`,
    data,
  );
};
