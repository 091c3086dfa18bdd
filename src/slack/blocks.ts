// Block Kit builders: pure functions that return blocks, cut to Slack's limits whatever the data.

export type Block = Record<string, unknown>;

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  contextElements: 10,
};

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const header = (text: string): Block => ({
  type: "header",
  text: { type: "plain_text", text: truncate(text, LIMITS.headerText), emoji: true },
});

export const section = (markdown: string, accessory?: Block): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(markdown, LIMITS.sectionText) },
  ...(accessory ? { accessory } : {}),
});

export const fields = (items: [string, string][]): Block => ({
  type: "section",
  fields: items.slice(0, 10).map(([k, v]) => ({ type: "mrkdwn", text: truncate(`*${k}*\n${v}`, 2000) })),
});

export const context = (...markdown: string[]): Block => ({
  type: "context",
  elements: markdown.slice(0, LIMITS.contextElements).map((t) => ({ type: "mrkdwn", text: truncate(t, 3000) })),
});

export const divider = (): Block => ({ type: "divider" });

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: "primary" | "danger",
  confirm?: { title: string; text: string; confirm: string; deny: string },
): Block {
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: truncate(value, LIMITS.buttonValue),
    ...(style ? { style } : {}),
    ...(confirm
      ? {
          confirm: {
            title: { type: "plain_text", text: truncate(confirm.title, 100) },
            text: { type: "mrkdwn", text: truncate(confirm.text, 300) },
            confirm: { type: "plain_text", text: truncate(confirm.confirm, 30) },
            deny: { type: "plain_text", text: truncate(confirm.deny, 30) },
          },
        }
      : {}),
  };
}

export const actions = (blockId: string, elements: Block[]): Block => ({
  type: "actions",
  block_id: blockId,
  elements: elements.slice(0, 25),
});

/** Lines as sections of at most 3,000 characters, cut with "and N more" to fit `maxBlocks`. */
export function listSections(lines: string[], maxBlocks: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) blocks.push(section(current.join("\n")));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = truncate(lines[i] ?? "", 500);
    const size = current.reduce((n, l) => n + l.length + 1, 0);
    if (size + line.length + 40 > LIMITS.sectionText) {
      if (blocks.length + 1 >= maxBlocks) {
        current.push(`_…and ${(lines.length - i).toLocaleString("en-US")} more_`);
        flush();
        return blocks;
      }
      flush();
    }
    current.push(line);
    used++;
  }
  flush();
  void used;
  return blocks;
}

/** Keeps a message within Slack's block limit, replacing the overflow with a note. */
export function capBlocks(blocks: Block[], max = LIMITS.blocksPerMessage): Block[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(`…and ${blocks.length - max + 1} more blocks not shown`)];
}
