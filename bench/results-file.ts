// bench/results.md is written by more than one tool: `npm run bench` rewrites its tables, `npm run
// fleet` its own section. A section a tool owns sits between markers; every other tool keeps it.

const start = (name: string) => `<!-- section:${name} -->`;
const end = (name: string) => `<!-- /section:${name} -->`;
const MARKED = /<!-- section:([a-z0-9-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

/** The marked sections of a results file, as they are (to write back after a rewrite). */
export function markedSections(text: string): string[] {
  return [...text.matchAll(MARKED)].map((m) => (m[0].endsWith("\n") ? m[0] : `${m[0]}\n`));
}

/** The text with section `name` replaced by `body` (appended at the end when it is not there yet). */
export function withSection(text: string, name: string, body: string): string {
  const block = `${start(name)}\n${body.trimEnd()}\n${end(name)}\n`;
  const at = text.indexOf(start(name));
  const until = text.indexOf(end(name));
  if (at >= 0 && until > at) return text.slice(0, at) + block + text.slice(until + end(name).length).replace(/^\n/, "");
  return `${text.trimEnd()}\n\n${block}`;
}
