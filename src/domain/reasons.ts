// Reasons tierkeeper gives for something it stopped (a paused automation rule, a cancelled
// downgrade, a failing webhook) as data: a code and its arguments, stored or passed beside the
// English sentence, so each language words them itself. The English sentences are the ones these
// reasons always had, word for word.
import { z } from "zod";
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

const count0 = z.number().int().nonnegative();
const verbSchema = z.enum(["start", "run again", "run as changed"]);
const rulePauseWhySchema = z.discriminatedUnion("code", [
  z.object({
    code: z.literal("over-limit"),
    count: count0,
    action: z.enum(["marketing", "non-marketing"]),
    limit: count0,
    verb: verbSchema.optional(),
  }),
  z.object({ code: z.literal("upgrade"), newLimit: count0, verb: verbSchema.optional() }),
  z.object({ code: z.literal("owner-access"), owner: z.string().regex(/^[UW][A-Z0-9]{1,30}$/) }),
]);
const downgradeCancelWhySchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("not-a-tier"), target: count0 }),
  z.object({ code: z.literal("no-fit"), target: count0, count: count0 }),
]);
const short = z.string().max(500);
const webhookFailureSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("not-https") }),
  z.object({ code: z.literal("timeout"), seconds: count0 }),
  z.object({ code: z.literal("blocked"), host: short }),
  z.object({ code: z.literal("connect"), error: short }),
  z.object({ code: z.literal("status"), status: count0 }),
  z.object({ code: z.literal("broken"), status: count0 }),
]);

/**
 * A stored or queued reason read back, its whole shape checked: anything else (an older row, a
 * row written by another version, a hand-edited value) is null, and the English sentence kept
 * beside it is used instead.
 */
export const storedRulePause = (value: unknown): RulePauseWhy | null =>
  rulePauseWhySchema.safeParse(value).data ?? null;
export const storedDowngradeCancel = (value: unknown): DowngradeCancelWhy | null =>
  downgradeCancelWhySchema.safeParse(value).data ?? null;
export const storedWebhookFailure = (value: unknown): WebhookFailure | null =>
  webhookFailureSchema.safeParse(value).data ?? null;

// Reasons stored or queued before they were kept as data carry only their English sentence: read
// back from it (the sentences above are ours, so their shape is known), else null.

const count = (s: string): number => Number(s.replace(/,/g, ""));
const VERBS: readonly RuleGateVerb[] = ["start", "run again", "run as changed"];

/** A rule's English pause reason as data, or null when it is not one of ours. */
export function rulePauseFromText(text: string): RulePauseWhy | null {
  const owner = /^its owner <@([UW][A-Z0-9]+)> no longer has marketing contacts access$/.exec(text);
  if (owner?.[1]) return { code: "owner-access", owner: owner[1] };
  const waiting = /^waiting for approval to (start|run again|run as changed): (.*)$/s.exec(text);
  const verb = VERBS.find((v) => v === waiting?.[1]);
  const reason = waiting?.[2] ?? text;
  const over =
    /^it would set ([\d,]+) contacts (marketing|non-marketing), more than the direct-change limit of ([\d,]+)$/.exec(
      reason,
    );
  if (over?.[1] && over[3]) {
    const why: RulePauseWhy = {
      code: "over-limit",
      count: count(over[1]),
      action: over[2] === "marketing" ? "marketing" : "non-marketing",
      limit: count(over[3]),
    };
    return verb ? { ...why, verb } : why;
  }
  const upgrade = /^it would upgrade the tier to ([\d,]+) contacts$/.exec(reason);
  if (upgrade?.[1])
    return verb
      ? { code: "upgrade", newLimit: count(upgrade[1]), verb }
      : { code: "upgrade", newLimit: count(upgrade[1]) };
  return null;
}

/** A webhook's English last error as data, or null when it is not one of ours. */
export function webhookFailureFromText(text: string): WebhookFailure | null {
  if (text === "the URL is not https") return { code: "not-https" };
  let m = /^no answer within (\d+) s$/.exec(text);
  if (m?.[1]) return { code: "timeout", seconds: Number(m[1]) };
  m = /^answered (\d{3}), then the connection broke$/.exec(text);
  if (m?.[1]) return { code: "broken", status: Number(m[1]) };
  m = /^answered (\d{1,3})$/.exec(text);
  if (m?.[1]) return { code: "status", status: Number(m[1]) };
  m = /^could not connect \(([A-Za-z0-9_]{1,40})\)$/.exec(text);
  if (m?.[1]) return { code: "connect", error: m[1] };
  m = /^(\S{1,253}) resolves to no public address$/.exec(text);
  if (m?.[1]) return { code: "blocked", host: m[1] };
  return null;
}

/** A cancelled downgrade's English reason as data, or null when it is not one of ours. */
export function downgradeCancelFromText(text: string): DowngradeCancelWhy | null {
  const tier =
    /^The scheduled downgrade to ([\d,]+) contacts was cancelled: [\d,]+ is no longer a tier of your plan\.$/.exec(
      text,
    );
  if (tier?.[1]) return { code: "not-a-tier", target: count(tier[1]) };
  const fit =
    /^The scheduled downgrade to ([\d,]+) contacts was cancelled: at renewal you had ([\d,]+) marketing contacts, more than [\d,]+\.$/.exec(
      text,
    );
  if (fit?.[1] && fit[2]) return { code: "no-fit", target: count(fit[1]), count: count(fit[2]) };
  return null;
}
