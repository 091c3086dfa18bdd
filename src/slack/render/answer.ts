// An answer (src/commands/answer.ts) as a Slack message: typed blocks within Slack's limits, and the
// notification text beside them. Every piece of text goes through toMrkdwn, which escapes it.
import type { KnownBlock } from "@slack/types";
import type { Answer, Part } from "../../commands/answer.ts";
import { refusalText } from "../../commands/run.ts";
import type { Refusal } from "../../services/context.ts";
import {
  actions,
  button,
  capBlocks,
  context,
  divider,
  fields,
  header,
  image,
  LIMITS,
  listSections,
  section,
  truncate,
} from "./blocks.ts";
import { escapeMrkdwn, toMrkdwn } from "./mrkdwn.ts";

/** The blocks of some parts (a message, a modal's body, a DM), at most `maxBlocks` of them. */
export function renderParts(parts: readonly Part[], maxBlocks: number = LIMITS.blocksPerMessage): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case "header":
        blocks.push(header(p.text));
        break;
      case "paragraph":
        blocks.push(section(toMrkdwn(p.text)));
        break;
      case "facts":
        blocks.push(...fields(p.items.map((f) => [f.label, toMrkdwn(f.value)] as [string, string])));
        break;
      case "list":
        blocks.push(...listSections(p.items.map(toMrkdwn), Math.max(1, maxBlocks - blocks.length - 4)));
        break;
      case "note":
        blocks.push(context(toMrkdwn(p.text)));
        break;
      case "divider":
        blocks.push(divider());
        break;
      case "buttons":
        blocks.push(
          actions(
            p.id,
            p.buttons.map((b) => button(b.label, b.action, b.value, b.style)),
          ),
        );
        break;
      case "image":
        blocks.push(image(p.url, p.alt, p.title));
        break;
    }
  }
  return capBlocks(blocks, maxBlocks);
}

/**
 * The `text` beside the blocks: notifications, screen readers and clients without blocks read it.
 * The whole answer, line by line like the plain text, escaped, within Slack's size.
 */
export function fallbackText(parts: readonly Part[]): string {
  const lines: string[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case "header":
        lines.push(escapeMrkdwn(p.text));
        break;
      case "paragraph":
      case "note":
        lines.push(toMrkdwn(p.text));
        break;
      case "facts":
        for (const f of p.items) lines.push(`${escapeMrkdwn(f.label)}: ${toMrkdwn(f.value)}`);
        break;
      case "list":
        for (const i of p.items) lines.push(toMrkdwn(i));
        break;
      case "image":
        lines.push(escapeMrkdwn(p.title));
        break;
      case "divider":
      case "buttons":
        break;
    }
  }
  return truncate(lines.join("\n"), FALLBACK_MAX);
}

/** A message's `text` may hold 40,000 characters. */
const FALLBACK_MAX = LIMITS.messageText - 100;

/** An answer as a Slack message: `text` (notification, escaped) and typed `blocks`. */
export function renderAnswer(a: Answer): { text: string; blocks: KnownBlock[] } {
  return { text: fallbackText(a.parts), blocks: renderParts(a.parts) };
}

/** A Refusal's sentence as mrkdwn (a reply, a DM, a modal error), in the user's language when given. */
export const refusalMrkdwn = (e: Refusal, locale?: string): string => toMrkdwn(refusalText(e, locale));
