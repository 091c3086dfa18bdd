// Text with a little structure, neutral to where it is shown. A string in it is plain text (ours or
// what a user typed: the renderers escape it for Slack and print it as it is in a terminal); marks
// say what is emphasis, code, a mention or a channel. Built with the `md` tagged template:
//
//   md`Request ${code(id)} from ${mention(userId)}: set ${n(count)} contacts ${action} (${selectorText}).`
//
// so nothing a user typed can ever become Slack markup.

export type Mark =
  | { mark: "strong"; text: Rich }
  | { mark: "em"; text: Rich }
  | { mark: "code"; text: string }
  | { mark: "mention"; userId: string }
  | { mark: "channel"; channelId: string }
  | { mark: "emoji"; name: string };

export type Span = string | Mark;
export type Rich = readonly Span[];

/** Anything `md` accepts between its words. */
export type Interpolated = string | number | Mark | Rich | null | undefined | false;

function push(out: Span[], value: Interpolated): void {
  if (value === null || value === undefined || value === false) return;
  if (typeof value === "number") out.push(String(value));
  else if (typeof value === "string") {
    if (value !== "") out.push(value);
  } else if (Array.isArray(value)) {
    for (const s of value as Rich) push(out, s);
  } else out.push(value as Mark);
}

/** Rich text from a template: the words and strings are plain text, marks stay marks. */
export function md(strings: TemplateStringsArray, ...values: Interpolated[]): Rich {
  const out: Span[] = [];
  strings.forEach((s, i) => {
    push(out, s);
    if (i < values.length) push(out, values[i]);
  });
  return out;
}

/** Plain text (ours or a user's) as rich text. */
export const text = (s: string): Rich => (s === "" ? [] : [s]);

export const strong = (value: Interpolated): Mark => ({ mark: "strong", text: md`${value}` });
export const em = (value: Interpolated): Mark => ({ mark: "em", text: md`${value}` });
export const code = (s: string): Mark => ({ mark: "code", text: s });
export const mention = (userId: string): Mark => ({ mark: "mention", userId });
export const channel = (channelId: string): Mark => ({ mark: "channel", channelId });
export const emoji = (name: string): Mark => ({ mark: "emoji", name });

/** Rich texts joined by `separator` (plain text). */
export function join(parts: readonly Rich[], separator: string): Rich {
  const out: Span[] = [];
  parts.forEach((p, i) => {
    if (i > 0) push(out, separator);
    push(out, p);
  });
  return out;
}

/** The plain-text form: what a terminal prints and what `--json` scripts read. */
export function plain(rich: Rich): string {
  let s = "";
  // An emoji has no plain form: it is left out with the space after it, so no double space remains.
  let afterEmoji = false;
  for (const span of rich) {
    if (typeof span === "string") {
      s += afterEmoji && (s === "" || s.endsWith(" ")) ? span.replace(/^ /, "") : span;
      afterEmoji = false;
      continue;
    }
    afterEmoji = span.mark === "emoji";
    switch (span.mark) {
      case "strong":
      case "em":
        s += plain(span.text);
        break;
      case "code":
        s += `\`${span.text}\``;
        break;
      case "mention":
        s += span.userId;
        break;
      case "channel":
        s += span.channelId;
        break;
      case "emoji":
        break;
    }
  }
  return s;
}

/** The number of characters of the plain form (for cutting to limits). Code counts its backticks. */
export const length = (rich: Rich): number => plain(rich).length;

/** At most `max` characters of plain text, with an ellipsis: marks inside the cut are kept whole or dropped. */
export function cut(rich: Rich, max: number): Rich {
  if (length(rich) <= max) return rich;
  const out: Span[] = [];
  let left = max - 1;
  for (const span of rich) {
    const size = typeof span === "string" ? span.length : length([span]);
    if (size <= left) {
      out.push(span);
      left -= size;
      continue;
    }
    if (typeof span === "string" && left > 0) out.push(span.slice(0, left));
    break;
  }
  out.push("…");
  return out;
}

const USER_ID = /^[UW][A-Z0-9]+$/;

/** Someone who did something: a Slack user id as a mention; `system`, `cli`, `rule:<name>`, `api:<key>` as text. */
export const who = (id: string): Rich => (USER_ID.test(id) ? [mention(id)] : [id]);

/**
 * Our own sentences that name users as `<@U…>` and commands in backticks (a refusal of ours, a
 * rule's pause reason): their mentions and code as marks, the rest plain text. Never for text a
 * user typed: it would turn their `<@U…>` into a mention.
 */
export function fromOurMarkup(s: string): Rich {
  const out: Span[] = [];
  const re = /<@([UW][A-Z0-9]+)>|`([^`\n]{1,300})`/g;
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    if (m[1]) out.push(mention(m[1]));
    else out.push(code(m[2] ?? ""));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}
