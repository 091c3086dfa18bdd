// Slack's limits on a modal (views.open / views.push / views.update and a response_action's view):
// what goes over one, and any text our own truncation had to cut (a translation too long for its
// place shows up here instead of as a silently cut "Hantera kontakter · 1…").
import { LIMITS } from "../../src/slack/render/blocks.ts";

/** Slack's limits on a modal's parts (https://api.slack.com/reference/surfaces/views, block elements). */
export const MODAL_LIMITS = {
  title: 24,
  submit: 24,
  close: 24,
  privateMetadata: 3000,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  optionsPerElement: 100,
} as const;

interface Plain {
  type?: string;
  text?: string;
}

const cut = (text: string) => text.endsWith("…") && !text.startsWith("…");

/** Everything in `view` over Slack's limits or cut to fit; empty when the view is within them. */
export function modalProblems(view: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (where: string, text: unknown, max: number) => {
    if (typeof text !== "string") return;
    if (text.length > max) problems.push(`${where} has ${text.length} > ${max}: ${text}`);
    else if (cut(text)) problems.push(`${where} was cut: ${text}`);
  };
  for (const part of ["title", "submit", "close"] as const) {
    const p = view[part] as Plain | undefined;
    if (part === "title" && !p?.text) problems.push("no title");
    check(part, p?.text, MODAL_LIMITS[part]);
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > MODAL_LIMITS.privateMetadata)
    problems.push(`private_metadata has ${view.private_metadata.length}`);
  const blocks = (view.blocks ?? []) as Record<string, unknown>[];
  if (blocks.length > LIMITS.blocksPerView) problems.push(`${blocks.length} blocks`);
  const walkElement = (where: string, e: Record<string, unknown>) => {
    check(`${where} placeholder`, (e.placeholder as Plain | undefined)?.text, MODAL_LIMITS.placeholder);
    const options = [...((e.options ?? []) as Record<string, unknown>[])];
    if (options.length > MODAL_LIMITS.optionsPerElement) problems.push(`${where}: ${options.length} options`);
    for (const o of [...options, ...((e.initial_options ?? []) as Record<string, unknown>[])]) {
      check(`${where} option`, (o.text as Plain | undefined)?.text, MODAL_LIMITS.optionText);
      check(`${where} option value`, o.value, MODAL_LIMITS.optionValue);
    }
    if (e.initial_option) {
      const o = e.initial_option as Record<string, unknown>;
      check(`${where} initial option`, (o.text as Plain | undefined)?.text, MODAL_LIMITS.optionText);
    }
  };
  blocks.forEach((b, i) => {
    const where = `block ${i} (${String(b.type)})`;
    switch (b.type) {
      case "header":
        check(where, (b.text as Plain).text, LIMITS.headerText);
        break;
      case "section":
        check(where, (b.text as Plain | undefined)?.text, LIMITS.sectionText);
        for (const f of (b.fields ?? []) as Plain[]) check(`${where} field`, f.text, LIMITS.fieldText);
        break;
      case "context":
        for (const e of (b.elements ?? []) as Plain[]) check(where, e.text, LIMITS.contextText);
        break;
      case "input":
        check(`${where} label`, (b.label as Plain).text, MODAL_LIMITS.label);
        check(`${where} hint`, (b.hint as Plain | undefined)?.text, MODAL_LIMITS.hint);
        walkElement(where, b.element as Record<string, unknown>);
        break;
    }
  });
  return problems;
}

/** Every human-readable text of a view (titles, buttons, blocks, labels, options, hints), for language checks. */
export function viewTexts(view: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === "string" && key === "text") out.push(v);
  };
  walk({ title: view.title, submit: view.submit, close: view.close, blocks: view.blocks }, "");
  return out;
}
