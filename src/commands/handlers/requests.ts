// `bulk`, `requests`, `approve`, `reject`: changes that wait for an admin (R14).
import { n, updateWhen } from "../../domain/format.ts";
import { getAccount } from "../../services/accounts.ts";
import { approveRequest, listRequests, rejectRequest, requestBulkChange } from "../../services/bulk/index.ts";
import { countRequests } from "../../services/reports.ts";
import { answer, header, list, note, paragraph, say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated, speak } from "../i18n/answers.ts";
import { localRequestsParts } from "../i18n/commands.ts";
import { localDecisionText, localWaiting } from "../i18n/requests.ts";
import { decisionAnswer, requestParts, requestSummary } from "../requests-view.ts";
import { emoji, md, mention, strong } from "../rich.ts";

/** Most requests `requests` lists; it says how many more there are. */
const REQUESTS_PAGE = 50;

export const bulk: Handler<"bulk"> = async (svc, inv, c) => {
  const { actor, timeZone: tz } = inv;
  const r = await requestBulkChange(svc, actor, { action: c.to, selector: c.selector, at: c.at });
  if (!r.request) {
    const nothing = isTranslated(inv.locale)
      ? speak(inv.locale).say("bulk.nothing")
      : "No contact matches that would change, so there is nothing to request.";
    return say(nothing, { changed: 0, unchanged: 0, pending: 0, requestId: null });
  }
  if (r.executed) {
    const marketing = c.to === "marketing";
    const zone = (await getAccount(svc.db, actor.accountId)).timeZone;
    const local = isTranslated(inv.locale) ? speak(inv.locale) : null;
    const count = r.executed.changed;
    return say(
      local
        ? marketing
          ? local.say("bulk.marketing", { count })
          : local.say("bulk.nonMarketing", { count, when: local.updateWhen(r.executed.effectiveAt, zone, tz) })
        : marketing
          ? `Set ${n(r.executed.changed)} contacts marketing (within the direct-change limit, no approval needed).`
          : `Set ${n(r.executed.changed)} contacts non-marketing: they stay marketing until ${updateWhen(r.executed.effectiveAt, zone, tz)}.`,
      {
        changed: marketing ? r.executed.changed : 0,
        unchanged: 0,
        pending: marketing ? 0 : r.executed.changed,
        requestId: r.request.id,
      },
    );
  }
  return {
    ...answer(
      isTranslated(inv.locale)
        ? localWaiting(inv.locale, r.request, tz)
        : [
            paragraph(
              md`${emoji("inbox_tray")} Request ${r.request.id} is waiting for approval: ${requestSummary(r.request)}.`,
            ),
            ...requestParts(r.request, tz, { buttons: false }),
          ],
      {
        changed: 0,
        unchanged: 0,
        pending: 0,
        requestId: r.request.id,
        count: r.request.count,
        impact: r.request.impact,
      },
    ),
    request: r.request,
  };
};

export const requests: Handler<"requests"> = async (svc, inv) => {
  const rows = await listRequests(svc, inv.actor);
  const all = rows.map((r) => ({
    id: r.id,
    action: r.action,
    count: r.count,
    requestedBy: r.requestedBy,
    status: r.status,
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    expiresAt: r.expiresAt.toISOString(),
  }));
  if (rows.length === 0) {
    return say(isTranslated(inv.locale) ? speak(inv.locale).say("requests.none") : "No open requests.", {
      requests: all,
    });
  }
  const shown = rows.slice(0, REQUESTS_PAGE);
  const total = rows.length > shown.length ? await countRequests(svc, inv.actor) : rows.length;
  const data = { requests: all.slice(0, REQUESTS_PAGE), shown: shown.length, total };
  if (isTranslated(inv.locale)) return answer(localRequestsParts(inv.locale, shown, total), data);
  return answer(
    [
      header("Open requests"),
      list(
        shown.map(
          (r) => md`• ${strong(r.id)} — ${requestSummary(r)} — ${r.status}, asked by ${mention(r.requestedBy)}`,
        ),
      ),
      ...(total > shown.length
        ? [
            note(
              `Showing the latest ${n(shown.length)} of ${n(total)} open or approved requests; \`approve <id>\` and \`reject <id>\` work on any of them.`,
            ),
          ]
        : []),
    ],
    data,
  );
};

export const decide: Handler<"approve" | "reject"> = async (svc, inv, c) => {
  const r =
    c.kind === "approve"
      ? await approveRequest(svc, inv.actor, c.id, c.confirmCount)
      : await rejectRequest(svc, inv.actor, c.id, c.reason);
  const account = await getAccount(svc.db, inv.actor.accountId);
  const english = decisionAnswer(r, account.timeZone, inv.timeZone);
  if (!isTranslated(inv.locale)) return english;
  return { ...english, parts: [paragraph(localDecisionText(inv.locale, r, account.timeZone, inv.timeZone))] };
};
