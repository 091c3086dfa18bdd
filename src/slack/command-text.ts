// Slash-command and message text as Slack sends it, made plain: what the user typed. Slack
// escapes `&`, `<` and `>`, auto-links emails and URLs, and labels user and channel mentions;
// the command grammar (src/domain/command) reads plain text.
import { unescapeMrkdwn } from "./render/mrkdwn.ts";

/**
 * Undoes what Slack does to command text: auto-linked emails and URLs become the address or the
 * label typed, `<@U1|ana>` and `<#C1|general>` lose their labels, and `&lt;`-style escapes are decoded.
 * Apply it once, to text that came from Slack: decoding twice would turn a typed `&amp;lt;` into `<`.
 */
export function plainCommandText(text: string): string {
  return unescapeMrkdwn(text.replace(SLACK_MARKUP, (whole, inner: string) => unwrapSlackMarkup(inner) ?? whole)).trim();
}

/**
 * One `<…>` of Slack markup. Slack escapes `<` and `>` in what people type, so the inside never
 * holds either: matching up to the nearest one keeps this linear (a pattern like `<http://[^>]+>`
 * rescans the rest of the text from every `<` that is never closed).
 */
const SLACK_MARKUP = /<([^<>]*)>/g;

/** What a `<target|label>` stands for in command text, or null to leave it as typed. */
function unwrapSlackMarkup(inner: string): string | null {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  if (/^mailto:\S+$/i.test(target)) return target.slice("mailto:".length);
  if (/^(?:https?|ftp):\/\/\S+$/i.test(target)) return bar < 0 ? target : inner.slice(bar + 1);
  if (/^[@#][A-Z0-9]+$/i.test(target)) return `<${target}>`;
  return null;
}
