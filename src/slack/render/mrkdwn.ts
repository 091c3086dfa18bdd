// Slack mrkdwn from rich text: what a user named, typed or uploaded is shown, never obeyed. In
// mrkdwn, `<…>` is a mention (`<@U1>`, `<!channel>`) or a link (`<https://…|label>`) and `&` starts
// an entity; Slack's rule is to escape exactly these three characters in text. Every mrkdwn string
// the app sends is made here (toMrkdwn), so there is one escaping function.
import type { Rich } from "../../commands/rich.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const CHARACTERS: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/** Text for a mrkdwn field: shown as typed, it can't ping, link or make a mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** The inverse of escapeMrkdwn. One pass. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (e) => CHARACTERS[e] ?? e);
}

const USER_ID = /^[UW][A-Z0-9]{1,20}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{1,20}$/;
const EMOJI = /^[a-z0-9_+-]{1,50}$/;

/** Rich text as mrkdwn: its plain text escaped, its marks as Slack writes them. */
export function toMrkdwn(rich: Rich): string {
  let s = "";
  for (const span of rich) {
    if (typeof span === "string") {
      s += escapeMrkdwn(span);
      continue;
    }
    switch (span.mark) {
      case "strong":
        s += `*${toMrkdwn(span.text)}*`;
        break;
      case "em":
        s += `_${toMrkdwn(span.text)}_`;
        break;
      case "code":
        // A backtick inside would end the code span early.
        s += `\`${escapeMrkdwn(span.text.replace(/`/g, "ˋ"))}\``;
        break;
      case "mention":
        s += USER_ID.test(span.userId) ? `<@${span.userId}>` : escapeMrkdwn(span.userId);
        break;
      case "channel":
        s += CHANNEL_ID.test(span.channelId) ? `<#${span.channelId}>` : escapeMrkdwn(span.channelId);
        break;
      case "emoji":
        s += EMOJI.test(span.name) ? `:${span.name}:` : "";
        break;
    }
  }
  return s;
}
