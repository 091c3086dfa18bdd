// The answers of `rules`, `rules add|change`, `rules enable|disable|remove|test` in the languages
// besides English (English keeps the handlers' own wording). A rule's name and filter are as
// someone typed them: they go into messages only as arguments. Why a rule is paused is worded from
// its data; a rule paused before that was kept shows the reason as it was stored.
import type { RulePauseWhy } from "../../domain/reasons.ts";
import type { Rule, RuleTest } from "../../services/rules/index.ts";
import { pauseWhyOf } from "../../services/rules/pause.ts";
import { code, cut, fromOurMarkup, join, type Rich } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import { rulePauseWords } from "./reasons.ts";

/** Longest line of a listing (a rule's filter may be long). */
const MAX_LINE = 500;

const quoteName = (name: string) => (/\s/.test(name) ? `"${name}"` : name);

/** Why the rule is paused (or "it needs approval" when nothing says). */
function pauseReason(locale: AnswerLocale, rule: Rule): Rich {
  const why = pauseWhyOf(rule);
  if (why) return rulePauseWords(locale, why);
  return rule.pausedReason ? fromOurMarkup(rule.pausedReason) : speak(locale).say("rules.needsApproval");
}

export function ruleLine(locale: AnswerLocale, r: Rule): Rich {
  const { say, label } = speak(locale);
  const state: Rich = !r.enabled
    ? [label("rules.disabled")]
    : r.pausedReason
      ? say("rules.paused", { reason: pauseReason(locale, r), request: r.pausedRequestId ?? "none" })
      : [label("rules.enabled")];
  return cut(say("rules.line", { name: [r.name], filter: [r.filter], action: r.action, state }), MAX_LINE);
}

export function rulesNone(locale: AnswerLocale): Rich {
  return speak(locale).say("rules.none", {
    example: code('rules add "Stale leads" when last_engaged < "1 year ago" then non-marketing'),
  });
}

export function rulesShowing(locale: AnswerLocale, shown: number, total: number): Rich {
  return speak(locale).say("rules.showing", { shown, total, command: code("rules test <name>") });
}

/** Older rules that win over this one on contacts both match. */
function overridden(locale: AnswerLocale, items: RuleTest["overridden"]): Rich {
  if (items.length === 0) return [];
  const { say } = speak(locale);
  const parts = items.map((o) => say("rules.overriddenItem", { count: o.count, rule: [o.rule], action: o.action }));
  return say("rules.overridden", { items: join(parts, "; ") });
}

/** `rules add|change`: what the rule does now, and whether it waits for a request. */
export function ruleAddedText(
  locale: AnswerLocale,
  rule: Rule,
  change: boolean,
  requestId: string | null,
  t: RuleTest,
): Rich {
  const { say } = speak(locale);
  const what = say("rules.added", {
    name: [rule.name],
    change: change ? "yes" : "no",
    filter: [rule.filter],
    action: rule.action,
  });
  return requestId
    ? say("rules.waiting", {
        what,
        reason: pauseReason(locale, rule),
        id: [requestId],
        overridden: overridden(locale, t.overridden),
      })
    : say("rules.runs", {
        what,
        overridden: overridden(locale, t.overridden),
        command: code(`rules test ${quoteName(rule.name)}`),
      });
}

/** `rules test <name>`. */
export function ruleTestText(locale: AnswerLocale, t: RuleTest): Rich {
  const { say } = speak(locale);
  const why: RulePauseWhy | null = t.wouldPauseWhy;
  const text =
    t.count === 0
      ? say("rules.testNone", { name: [t.rule.name] })
      : say("rules.testSome", {
          name: [t.rule.name],
          count: t.count,
          action: t.rule.action,
          become: t.becomeMarketing,
          pause: why ? say("rules.wouldPause", { reason: rulePauseWords(locale, why) }) : "",
        });
  return [...text, ...overridden(locale, t.overridden)];
}

/** `rules enable|disable|remove <name>`. */
export function ruleToggledText(locale: AnswerLocale, rule: Rule, op: string, requestId: string | null): Rich {
  const { say } = speak(locale);
  const done = say("rules.done", { name: [rule.name], op });
  return requestId ? say("rules.doneWaiting", { done, reason: pauseReason(locale, rule), id: [requestId] }) : done;
}
