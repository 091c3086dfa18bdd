// Typed Block Kit builders, cut to Slack's limits whatever the data. Text given to them as a
// string is mrkdwn we made (toMrkdwn) or plain_text; nothing here escapes or formats user text.
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";

/** Slack's limits, beside the types they limit. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  elementsPerActions: 25,
  imageAlt: 2000,
  messageText: 40_000,
};

/** `text` in at most `max` UTF-16 units, cut with "…"; never between the halves of an emoji's surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export const plainText = (text: string, max = LIMITS.sectionText): PlainTextElement => ({
  type: "plain_text",
  text: truncate(text, max),
  emoji: true,
});

export const mrkdwn = (text: string, max = LIMITS.sectionText): MrkdwnElement => ({
  type: "mrkdwn",
  text: truncate(text, max),
});

export const header = (text: string): HeaderBlock => ({ type: "header", text: plainText(text, LIMITS.headerText) });

export const section = (markdown: string, accessory?: Button): SectionBlock => ({
  type: "section",
  text: mrkdwn(markdown),
  ...(accessory ? { accessory } : {}),
});

/** A section of plain text (user text shown as it is, nothing to escape). */
export const plainSection = (text: string): SectionBlock => ({ type: "section", text: plainText(text) });

/** Labelled mrkdwn values, ten to a section. */
export function fields(items: [string, string][]): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = 0; i < items.length; i += LIMITS.fieldsPerSection) {
    out.push({
      type: "section",
      fields: items
        .slice(i, i + LIMITS.fieldsPerSection)
        .map(([label, value]) => mrkdwn(`*${label}*\n${value}`, LIMITS.fieldText)),
    });
  }
  return out;
}

export const context = (...markdown: string[]): ContextBlock => ({
  type: "context",
  elements: markdown.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t, LIMITS.contextText)),
});

export const divider = (): DividerBlock => ({ type: "divider" });

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: "primary" | "danger",
  confirm?: { title: string; text: string; confirm: string; deny: string },
): Button {
  return {
    type: "button",
    text: plainText(text, LIMITS.buttonText),
    action_id: actionId,
    value: truncate(value, LIMITS.buttonValue),
    ...(style ? { style } : {}),
    ...(confirm
      ? {
          confirm: {
            title: plainText(confirm.title, 100),
            text: mrkdwn(confirm.text, 300),
            confirm: plainText(confirm.confirm, 30),
            deny: plainText(confirm.deny, 30),
          },
        }
      : {}),
  };
}

export const actions = (blockId: string, elements: Button[]): ActionsBlock => ({
  type: "actions",
  block_id: blockId,
  elements: elements.slice(0, LIMITS.elementsPerActions),
});

export const image = (url: string, alt: string, title: string): ImageBlock => ({
  type: "image",
  image_url: url,
  alt_text: truncate(alt, LIMITS.imageAlt),
  title: plainText(title, 2000),
});

/** Lines (mrkdwn) as sections of at most 3,000 characters, cut with "and N more" to fit `maxBlocks`. */
export function listSections(lines: string[], maxBlocks: number): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) blocks.push(section(current.join("\n")));
    current = [];
    size = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = truncate(lines[i] ?? "", 500);
    if (size + line.length + 40 > LIMITS.sectionText) {
      if (blocks.length + 1 >= maxBlocks) {
        current.push(`_…and ${(lines.length - i).toLocaleString("en-US")} more_`);
        flush();
        return blocks;
      }
      flush();
    }
    current.push(line);
    size += line.length + 1;
  }
  flush();
  return blocks;
}

/** Keeps a message within Slack's block limit, replacing the overflow with a note. */
export function capBlocks(blocks: KnownBlock[], max = LIMITS.blocksPerMessage): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(`…and ${blocks.length - max + 1} more blocks not shown`)];
}
