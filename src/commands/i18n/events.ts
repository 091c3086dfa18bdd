// What the audit log recorded, worded in the languages besides English, as `history` and App
// Home's recent activity show it: each event from its kind and the facts its `detail` keeps. A row
// whose detail lacks what its sentence needs (recorded before the facts were kept, or a kind not
// worded here) shows its stored English summary as before: never a sentence with a hole in it.
// Names people typed (lists, rules, filters, reasons, file names, emails) and ids go into the
// messages as arguments only, so they stay plain text.
import { DateTime } from "luxon";
import { rulePauseFromText, storedDowngradeCancel, storedRulePause } from "../../domain/reasons.ts";
import { storedSelectorWords } from "../../domain/selector-words.ts";
import { code, fromOurMarkup, mention, type Rich } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import { downgradeCancelWords, rulePauseWords } from "./reasons.ts";
import { localSelector } from "./selectors.ts";
import { localValue } from "./settings.ts";

/** What an event shows: its kind, the facts kept with it, how many contacts, the English summary. */
export interface EventFacts {
  kind: string;
  detail: unknown;
  count: number;
  summary: string;
}

/** Longest name people typed that goes into one event's line; the rest is cut with "…". */
const MAX_NAME = 200;

const USER_ID = /^[UW][A-Z0-9]+$/;

// The English summaries that hold no facts beyond the kind (ours, word for word).
const SET_MARKETING = "Set marketing";
const FLAGGED_PENDING = "Set non-marketing: stays marketing until the next update date";

type Detail = Record<string, unknown>;

const record = (v: unknown): Detail | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Detail) : null;
const text = (d: Detail | null, k: string): string | null => {
  const v = d?.[k];
  return typeof v === "string" && v !== "" ? (v.length > MAX_NAME ? `${v.slice(0, MAX_NAME - 1)}…` : v) : null;
};
const num = (d: Detail | null, k: string): number | null => {
  const v = d?.[k];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};
const action = (v: unknown): string | null => (v === "marketing" || v === "non-marketing" ? v : null);

/** The event in `locale`, or null when its detail lacks what the sentence needs. */
export function wordEvent(locale: AnswerLocale, e: EventFacts, tz: string): Rich | null {
  const { f, say, shortList } = speak(locale);
  const d = record(e.detail);
  const id = text(d, "requestId");
  const rule = text(d, "rule");
  const filter = text(d, "filter");
  switch (e.kind) {
    case "status.made-marketing":
      if (id) return say("event.madeMarketingByRequest", { id });
      if (rule && filter) return say("event.madeMarketingByRule", { rule, filter });
      if (d?.form === true) return say("event.madeMarketingByForm", { count: e.count });
      return d === null && e.summary === SET_MARKETING ? say("event.madeMarketing") : null;
    case "status.cancelled-pending":
      return say("event.cancelledPending");
    case "status.flagged-pending":
      if (id) return say("event.flaggedPendingByRequest", { id });
      if (rule && filter) return say("event.flaggedPendingByRule", { rule, filter });
      return d === null && e.summary === FLAGGED_PENDING ? say("event.flaggedPending") : null;
    case "status.became-non-marketing":
      return say("event.becameNonMarketing");
    case "contact.created": {
      const marketing = num(d, "marketing");
      if (marketing === null) return null;
      const counts = { count: e.count, marketing, other: Math.max(0, e.count - marketing) };
      if (d?.source === "api") return say("event.contactsCreated", counts);
      const from = importOf(locale, d);
      return from ? say("event.contactsCreatedImport", { ...counts, ...from }) : null;
    }
    case "contact.updated": {
      if (d?.source === "api") return say("event.contactsUpdated", { count: e.count });
      const from = importOf(locale, d);
      return from ? say("event.contactsUpdatedImport", { count: e.count, ...from }) : null;
    }
    case "contact.deleted": {
      const emails = Array.isArray(d?.emails) ? d.emails.filter((x): x is string => typeof x === "string") : [];
      return emails.length ? say("event.contactsDeleted", { emails: [shortList(emails, 10)] }) : null;
    }
    case "request.created": {
      const act = action(d?.action);
      const selector = storedSelectorWords(d?.selector);
      if (!id || !act || !selector) return null;
      return say("event.requestCreated", {
        action: act,
        count: e.count,
        selector: localSelector(locale, selector),
        id,
      });
    }
    case "request.approved": {
      if (!id || typeof d?.automatic !== "boolean") return null;
      if (d.automatic) return say("event.requestAppliedDirectly", { id });
      const at = text(d, "scheduledAt");
      return at && DateTime.fromISO(at).isValid
        ? say("event.requestApprovedFor", { id, when: f.instant(at, tz) })
        : say("event.requestApproved", { id });
    }
    case "request.rejected": {
      if (!id || !d || !("reason" in d) || typeof d.scheduled !== "boolean") return null;
      const reason = text(d, "reason");
      return say("event.requestRejected", {
        id,
        scheduled: d.scheduled ? "yes" : "no",
        reason: reason ? say("event.because", { reason: [reason] }) : [],
      });
    }
    case "request.expired":
      return id ? say("event.requestExpired", { id }) : null;
    case "import.finished": {
      const counts = ["created", "updated", "unchanged", "rejected"].map((k) => num(d, k));
      if (!d || !("fileName" in d) || !("list" in d) || counts.some((c) => c === null)) return null;
      const [created, updated, unchanged, rejected] = counts as number[];
      const file = text(d, "fileName");
      const list = text(d, "list");
      return say("event.importFinished", {
        file: file ? [file] : say("event.aCsvFile"),
        created: created ?? 0,
        updated: updated ?? 0,
        unchanged: unchanged ?? 0,
        rejected: rejected ?? 0,
        list: list ? say("event.importList", { name: [list] }) : [],
        request: id ? say("event.importRequest", { id }) : [],
      });
    }
    case "list.added": {
      const name = text(d, "list");
      if (name) return say("event.listAdded", { name: [name] });
      // An import's contacts added to its list: the row names the import, not the list.
      return num(d, "importId") !== null ? say("event.listAddedImport", { count: e.count }) : null;
    }
    case "list.created": {
      const name = text(d, "list");
      return name ? say("event.listCreated", { name: [name] }) : null;
    }
    case "setting.changed":
      return settingChanged(locale, d, e.summary);
    case "tier.upgrade": {
      const from = num(d, "oldLimit");
      const to = num(d, "newLimit");
      const count = num(d, "marketingCount");
      return from !== null && to !== null && count !== null ? say("event.tierUpgrade", { from, to, count }) : null;
    }
    case "tier.downgrade": {
      const from = num(d, "from");
      const to = num(d, "target");
      return from !== null && to !== null ? say("event.tierDowngrade", { from, to }) : null;
    }
    case "tier.downgrade-cancelled": {
      if (d && d.target === null) return say("event.downgradeCancelled");
      const target = num(d, "target");
      const why = storedDowngradeCancel(d?.why);
      return target !== null && why
        ? say("event.downgradeCancelledAtRenewal", { target, reason: downgradeCancelWords(locale, why) })
        : null;
    }
    case "tier.downgrade-scheduled": {
      const target = num(d, "target");
      return target !== null ? say("event.downgradeScheduled", { target }) : null;
    }
    case "tier.threshold-reached": {
      const percent = num(d, "percent");
      const count = num(d, "marketingCount");
      const limit = num(d, "tierLimit");
      return percent !== null && count !== null && limit !== null
        ? say("event.thresholdReached", { percent: f.pct(percent), count, limit })
        : null;
    }
    case "rule.added": {
      const act = action(d?.action);
      return rule && filter && act ? say("event.ruleAdded", { rule: [rule], filter: [filter], action: act }) : null;
    }
    case "rule.changed": {
      const act = action(d?.action);
      const was = record(d?.was);
      const wasFilter = text(was, "filter");
      const wasAction = action(was?.action);
      return rule && filter && act && wasFilter && wasAction
        ? say("event.ruleChanged", {
            rule: [rule],
            filter: [filter],
            action: act,
            wasFilter: [wasFilter],
            wasAction,
          })
        : null;
    }
    case "rule.enabled":
    case "rule.removed":
      return rule ? say("event.ruleDone", { op: e.kind === "rule.enabled" ? "enable" : "remove", rule: [rule] }) : null;
    case "rule.disabled":
      if (!rule) return null;
      if (d?.requestStatus === "rejected")
        return id ? say("event.ruleDisabledRejected", { rule: [rule], id, command: code("rules enable") }) : null;
      return d && "requestStatus" in d ? null : say("event.ruleDone", { op: "disable", rule: [rule] });
    case "rule.resumed": {
      const status = d?.requestStatus;
      return rule && id
        ? say("event.ruleResumed", {
            rule: [rule],
            id,
            status: status === "executed" || status === "expired" ? status : "other",
          })
        : null;
    }
    case "rule.paused": {
      const stored = storedRulePause(d?.why);
      const reasonText = text(d, "reason");
      const why = stored ?? (reasonText ? rulePauseFromText(reasonText) : null);
      if (!rule || !why) return null;
      const reason = rulePauseWords(locale, why);
      return id
        ? say("event.rulePausedRequest", { rule: [rule], reason, id })
        : say("event.rulePaused", { rule: [rule], reason });
    }
    case "api-key.created": {
      const key = text(d, "keyId");
      const scopes = Array.isArray(d?.scopes) ? d.scopes.filter((s): s is string => typeof s === "string") : null;
      return key && scopes ? say("event.apiKeyCreated", { id: key, scopes: [scopes.join(", ")] }) : null;
    }
    case "api-key.revoked": {
      const key = text(d, "keyId");
      return key ? say("event.apiKeyRevoked", { id: key }) : null;
    }
    case "webhook.added": {
      const hook = text(d, "webhookId");
      const origin = text(d, "origin");
      return hook && origin ? say("event.webhookAdded", { id: hook, origin: [origin] }) : null;
    }
    case "webhook.removed": {
      const hook = text(d, "webhookId");
      return hook ? say("event.webhookRemoved", { id: hook }) : null;
    }
    case "demo.seeded":
      return say("event.demoSeeded");
  }
  const change = USER_CHANGES[e.kind];
  const userId = text(d, "userId");
  return change && userId && USER_ID.test(userId) ? say("event.userChanged", { change, user: mention(userId) }) : null;
}

const USER_CHANGES: Readonly<Record<string, string>> = {
  "user.access.grant": "accessGrant",
  "user.access.revoke": "accessRevoke",
  "user.admins.add": "adminsAdd",
  "user.admins.remove": "adminsRemove",
  "user.billing-contacts.add": "billingAdd",
  "user.billing-contacts.remove": "billingRemove",
};

/** An import's number and file name, as contacts created or updated by it name it; null when the detail lacks them. */
function importOf(locale: AnswerLocale, d: Detail | null): { id: string; file: Rich } | null {
  const id = num(d, "importId");
  if (d?.source !== "import" || id === null || !("fileName" in d)) return null;
  const name = text(d, "fileName");
  return { id: String(id), file: name ? speak(locale).say("event.importFile", { name: [name] }) : [] };
}

/** `setting.changed`: a setting of the account, or a creation source's default status. */
function settingChanged(locale: AnswerLocale, d: Detail | null, summary: string): Rich | null {
  const { say } = speak(locale);
  const key = text(d, "key");
  if (!d || !key || !("before" in d) || !("after" in d)) return null;
  if (key === "source-default") {
    const source = text(d, "source");
    const after = action(d.after);
    if (!source || !after) return null;
    const before = d.before === "marketing" ? "marketing" : d.before === "non-marketing" ? "non" : "default";
    return say("event.sourceDefaultChanged", { source: [source], before, after });
  }
  const fitted = record(d.fitted);
  const plan = text(fitted, "plan");
  const count = num(fitted, "marketingCount");
  // A tier fitted to the plan says why; an older row that said so in English only keeps its summary.
  if (!fitted && summary.includes(" (the smallest ")) return null;
  return say("event.settingChanged", {
    key,
    before: localValue(locale, key, d.before),
    after: localValue(locale, key, d.after),
    fitted: plan && count !== null ? say("event.tierFitted", { plan, count }) : [],
  });
}

/** Audit kinds whose summary is only our words and validated user ids, with mentions meant as mentions. */
const MARKUP_SUMMARY = /^(?:user\.|request\.reopened$)/;

/**
 * An audit summary as recorded (English): it mixes our words with names people typed (lists,
 * rules, reasons, file names), so it is plain text; only role changes and reopened requests, which
 * name users by validated id and hold no typed text, show their mentions.
 */
export const eventSummary = (kind: string, summary: string): Rich =>
  MARKUP_SUMMARY.test(kind) ? fromOurMarkup(summary) : [summary];

/** An event as `history` and App Home show it in `locale`: worded from its facts, else its English summary. */
export function localEventSummary(locale: AnswerLocale, e: EventFacts, tz: string, maxLine = 500): Rich {
  let worded: Rich | null = null;
  try {
    worded = wordEvent(locale, e, tz);
  } catch {
    // Facts of a shape no reader here expected (another version's row, a hand edit): the English summary.
  }
  return worded ?? eventSummary(e.kind, e.summary.slice(0, maxLine));
}
