// Checks on what the app sends Slack: every mrkdwn text of some blocks, markup user text left in
// it, and Block Kit's limits.
import type { KnownBlock } from "@slack/types";
import { expect } from "vitest";
import { LIMITS } from "../../src/slack/render/blocks.ts";

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

type AnyBlock = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type?: string; text?: { text: string } | string }[];
};

/**
 * What Slack would refuse: a message's text (null for a view) and its blocks against Block Kit's
 * limits (src/slack/render/blocks.ts LIMITS): block count, header, section, fields, context and
 * actions with their buttons.
 */
export function expectWithinSlackLimits(text: string | null, blocks: unknown[], where: "message" | "view"): void {
  if (text !== null) expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
  expect(blocks.length).toBeLessThanOrEqual(where === "view" ? LIMITS.blocksPerView : LIMITS.blocksPerMessage);
  for (const b of blocks as AnyBlock[]) {
    if (b.type === "header") expect(b.text?.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (b.fields) {
      expect(b.fields.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
      for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    if (b.type === "context") expect(b.elements?.length ?? 0).toBeLessThanOrEqual(LIMITS.contextElements);
    if (b.type === "actions") {
      expect(b.elements?.length ?? 0).toBeLessThanOrEqual(LIMITS.elementsPerActions);
      for (const e of b.elements ?? [])
        if (e.type === "button" && typeof e.text === "object")
          expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    }
  }
}
