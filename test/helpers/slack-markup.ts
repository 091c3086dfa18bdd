// Checks on what the app sends Slack: every mrkdwn text of some blocks, and markup user text left in it.
import type { KnownBlock } from "@slack/types";

/** Every mrkdwn string of the blocks (plain_text is not parsed by Slack). */
export function mrkdwnOf(blocks: KnownBlock[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(blocks);
  return out;
}

/** Markup left after our own mentions and channels are taken out (none may remain), with what surrounds it. */
export function unsafeMarkup(text: string): string | null {
  const rest = text.replace(/<(?:@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+)>/g, "");
  const m = /[<>]|&(?!(?:amp|lt|gt);)/.exec(rest);
  return m ? rest.slice(Math.max(0, m.index - 30), m.index + 30) : null;
}
