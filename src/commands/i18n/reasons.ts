// Reasons kept as data (src/domain/reasons.ts) worded in a language: why a rule is paused, how a
// webhook delivery failed, why a scheduled downgrade was cancelled. What a stranger controls (a host
// name, an error code) goes in as an argument; an owner is a mention.
import type { DowngradeCancelWhy, RulePauseWhy, WebhookFailure } from "../../domain/reasons.ts";
import { mention, type Rich } from "../rich.ts";
import type { Locale } from "./format.ts";
import { message } from "./messages.ts";

const VERB = { start: "start", "run again": "again", "run as changed": "changed" } as const;

/** Why a rule is paused. */
export function rulePauseWords(locale: Locale, why: RulePauseWhy): Rich {
  if (why.code === "owner-access") return message(locale, "rules.why.owner", { owner: mention(why.owner) });
  const reason =
    why.code === "over-limit"
      ? message(locale, "rules.why.overLimit", { count: why.count, action: why.action, limit: why.limit })
      : message(locale, "rules.why.upgrade", { limit: why.newLimit });
  return why.verb ? message(locale, "rules.why.waiting", { verb: VERB[why.verb], reason }) : reason;
}

/** How a webhook delivery failed. */
export function webhookFailureWords(locale: Locale, f: WebhookFailure): Rich {
  switch (f.code) {
    case "not-https":
      return message(locale, "webhook.error.notHttps");
    case "timeout":
      return message(locale, "webhook.error.timeout", { seconds: f.seconds });
    case "blocked":
      return message(locale, "webhook.error.blocked", { host: [f.host] });
    case "connect":
      return message(locale, "webhook.error.connect", { error: [f.error] });
    case "status":
      return message(locale, "webhook.error.status", { status: String(f.status) });
    case "broken":
      return message(locale, "webhook.error.broken", { status: String(f.status) });
  }
}

/** Why a scheduled downgrade did not apply at the renewal. */
export function downgradeCancelWords(locale: Locale, why: DowngradeCancelWhy): Rich {
  return why.code === "not-a-tier"
    ? message(locale, "downgrade.notATier", { target: why.target })
    : message(locale, "downgrade.noFit", { target: why.target, count: why.count });
}
