// Slack mrkdwn and the text people type: what a user named, typed or uploaded is shown, never obeyed.
// In mrkdwn, `<…>` is a mention (`<@U1>`, `<!channel>`) or a link (`<https://…|label>`) and `&`
// starts an entity; Slack's rule is to escape exactly these three characters in text.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const CHARACTERS: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/**
 * User text for a mrkdwn field (section, context, fields, a message's `text`): shown as typed, it
 * can't ping, link or format a mention. Pure: `*`, `_` and backticks are left alone.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** The inverse of escapeMrkdwn, for surfaces that print mrkdwn as plain text (the CLI). One pass. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (e) => CHARACTERS[e] ?? e);
}
