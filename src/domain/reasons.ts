// Reasons tierkeeper gives for something it stopped (a paused automation rule, a cancelled
// downgrade, a failing webhook) as data: a code and its arguments, stored or passed beside the
// English sentence, so each language words them itself. The English sentences are the ones these
// reasons always had, word for word.
import { n } from "./format.ts";
import type { MarketingStatus } from "./types.ts";

/** What a rule that was just added, enabled or changed waits for approval to do. */
export type RuleGateVerb = "start" | "run again" | "run as changed";

/** Why an automation rule is paused (R13, R16). */
export type RulePauseWhy =
  | { code: "over-limit"; count: number; action: MarketingStatus; limit: number; verb?: RuleGateVerb }
  | { code: "upgrade"; newLimit: number; verb?: RuleGateVerb }
  | { code: "owner-access"; owner: string };

/** A rule's pause reason in English; an owner is named `<@U…>` (our markup). */
export function rulePauseText(why: RulePauseWhy): string {
  if (why.code === "owner-access") return `its owner <@${why.owner}> no longer has marketing contacts access`;
  const reason =
    why.code === "over-limit"
      ? `it would set ${n(why.count)} contacts ${why.action}, more than the direct-change limit of ${n(why.limit)}`
      : `it would upgrade the tier to ${n(why.newLimit)} contacts`;
  return why.verb ? `waiting for approval to ${why.verb}: ${reason}` : reason;
}

/** Why a scheduled downgrade did not apply at the renewal (R10). */
export type DowngradeCancelWhy =
  | { code: "not-a-tier"; target: number }
  | { code: "no-fit"; target: number; count: number };

export function downgradeCancelText(why: DowngradeCancelWhy): string {
  const target = n(why.target);
  return why.code === "not-a-tier"
    ? `The scheduled downgrade to ${target} contacts was cancelled: ${target} is no longer a tier of your plan.`
    : `The scheduled downgrade to ${target} contacts was cancelled: at renewal you had ` +
        `${n(why.count)} marketing contacts, more than ${target}.`;
}

/** How a webhook delivery failed, in a few words (never the URL's path or the answer's body). */
export type WebhookFailure =
  | { code: "not-https" }
  | { code: "timeout"; seconds: number }
  | { code: "blocked"; host: string }
  | { code: "connect"; error: string }
  | { code: "status"; status: number }
  | { code: "broken"; status: number };

export function webhookFailureText(f: WebhookFailure): string {
  switch (f.code) {
    case "not-https":
      return "the URL is not https";
    case "timeout":
      return `no answer within ${f.seconds} s`;
    case "blocked":
      return `${f.host} resolves to no public address`;
    case "connect":
      return `could not connect (${f.error})`;
    case "status":
      return `answered ${f.status}`;
    case "broken":
      return `answered ${f.status}, then the connection broke`;
  }
}

/** A stored reason read back: the shape is checked, anything else (an older row, a bad value) is null. */
export function storedWhy<T extends { code: string }>(value: unknown, codes: readonly T["code"][]): T | null {
  if (typeof value !== "object" || value === null) return null;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && (codes as readonly string[]).includes(code) ? (value as T) : null;
}
