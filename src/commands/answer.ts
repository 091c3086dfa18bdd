// The one answer of a command, neutral to where it is shown: a few parts (a header, paragraphs,
// facts, lists, notes, buttons, an image) built once, then rendered to Block Kit for Slack
// (src/slack/render/answer.ts) and to plain text for the CLI (renderText below). Scripts read `data`.
import type { BulkRequestView } from "../services/bulk/index.ts";
import { cut, type Interpolated, md, plain, type Rich, text } from "./rich.ts";

export interface Button {
  label: string;
  action: string;
  value: string;
  style?: "primary" | "danger";
}

export type Part =
  | { kind: "header"; text: string }
  | { kind: "paragraph"; text: Rich }
  /** Labelled values, shown side by side in Slack and as `Label: value` lines in a terminal. */
  | { kind: "facts"; items: { label: string; value: Rich }[] }
  /** One line each; the Slack renderer cuts a long list to fit and says how many more. */
  | { kind: "list"; items: Rich[] }
  /** A quieter line: a hint, what comes next, a limit. */
  | { kind: "note"; text: Rich }
  | { kind: "divider" }
  | { kind: "buttons"; id: string; buttons: Button[] }
  | { kind: "image"; url: string; alt: string; title: string };

export interface Answer {
  ok: boolean;
  parts: Part[];
  /** The answer as plain text: what the CLI prints (derived from `parts`). */
  text: string;
  /** The structured result, for scripts (`--json`). */
  data: Record<string, unknown>;
  /** A bulk request made by this command: Slack posts it to the approvals channel. */
  request?: BulkRequestView;
  /** A decision on a request: Slack updates the request's message and tells the requester. */
  decided?: { request: BulkRequestView; outcome: "approved" | "rejected" | "scheduled" };
  /** An approval that needs the typed count (R14). */
  needsConfirmation?: { requestId: string; count: number };
  /** Commands that only work inside Slack (the manage wizard, a file import, the setup modal). */
  slackOnly?: "manage" | "import" | "setup";
  /** Refused or invalid: the CLI exits 1. */
  refusal?: "refused" | "invalid";
  /**
   * It shows a secret (a new API key, a webhook's signing secret) that must never be stored: a
   * copy kept to resend the answer after a crash says so instead.
   */
  showsSecret?: true;
}

export const header = (t: string): Part => ({ kind: "header", text: t });
export const paragraph = (t: Rich | string): Part => ({ kind: "paragraph", text: typeof t === "string" ? text(t) : t });
export const facts = (items: [string, Rich | string][]): Part => ({
  kind: "facts",
  items: items.map(([label, value]) => ({ label, value: typeof value === "string" ? text(value) : value })),
});
/** Longest line of a list; the rest of it is cut with "…" (a rule's filter or a selector may be long). */
export const LIST_ITEM_MAX = 500;

export const list = (items: (Rich | string)[]): Part => ({
  kind: "list",
  items: items.map((i) => cut(typeof i === "string" ? text(i) : i, LIST_ITEM_MAX)),
});
export const note = (t: Rich | string): Part => ({ kind: "note", text: typeof t === "string" ? text(t) : t });
export const divider = (): Part => ({ kind: "divider" });
export const buttons = (id: string, items: Button[]): Part => ({ kind: "buttons", id, buttons: items });

/** The plain-text form of the parts: one line per paragraph, fact, list item and note. */
export function renderText(parts: readonly Part[]): string {
  const lines: string[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case "header":
        lines.push(p.text);
        break;
      case "paragraph":
      case "note":
        lines.push(plain(p.text));
        break;
      case "facts":
        for (const f of p.items) lines.push(`${f.label}: ${plain(f.value)}`);
        break;
      case "list":
        for (const i of p.items) lines.push(plain(i));
        break;
      case "image":
        lines.push(`${p.title}: ${p.url}`);
        break;
      case "divider":
      case "buttons":
        break;
    }
  }
  return lines.join("\n");
}

/** A successful answer. */
export function answer(parts: Part[], data: Record<string, unknown> = {}): Answer {
  return { ok: true, parts, text: renderText(parts), data };
}

/** An answer that shows a secret once (see `showsSecret`). */
export function secretAnswer(parts: Part[], data: Record<string, unknown> = {}): Answer {
  return { ...answer(parts, data), showsSecret: true };
}

/** A one-paragraph answer. */
export function say(t: Rich | string, data: Record<string, unknown> = {}): Answer {
  return answer([paragraph(t)], data);
}

/**
 * A refusal as an answer. `message` is plain text (it may quote what the user typed), or rich text
 * of ours; `usage` is the help for what was tried.
 */
export function refusal(message: Rich | string, kind: "refused" | "invalid" = "refused", usage?: string): Answer {
  const m: Rich = typeof message === "string" ? text(message) : message;
  const parts: Part[] = [paragraph(md`${{ mark: "emoji", name: "warning" }} ${m}`)];
  if (usage) parts.push(note(usage));
  const shown = usage ? `${plain(m)}\n\n${usage}` : plain(m);
  return { ok: false, parts, text: shown, data: { error: plain(m) }, refusal: kind };
}

export type { Interpolated, Rich };
