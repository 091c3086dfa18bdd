// The layers import in one direction only, and no module imports itself round a cycle:
//   domain ← db ← services ← commands (presentation) ← slack / api / jobs / app ← cli
// Part of `npm run lint`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

/** Each top-level folder (or file) of src/ and its layer: a module may import only from its own layer or lower ones. */
const LAYERS: Record<string, number> = {
  domain: 0,
  "clock.ts": 0,
  db: 1,
  "config.ts": 1,
  "config-error.ts": 0,
  services: 2,
  commands: 3,
  slack: 4,
  api: 4,
  jobs: 4,
  app: 4,
  cli: 5,
};

/** The longest a file under src/ may be: past it, it does more than one thing. */
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const files = sources(SRC);
const rel = (path: string) => relative(SRC, path);

/** The relative imports of a file, static and dynamic (`import type` included: types are a dependency too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.{1,2}\/[^"]+)"/g)) {
    found.push(normalize(join(dirname(file), m[1] as string)));
  }
  return found;
}

const graph = new Map(files.map((f) => [rel(f), importsOf(f).map(rel)]));

function layerOf(path: string): number {
  const top = path.split("/")[0] ?? path;
  const layer = LAYERS[top];
  if (layer === undefined) throw new Error(`src/${top} has no layer: add it to LAYERS in ${rel(import.meta.filename)}`);
  return layer;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (g.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("architecture", () => {
  it("every import points to the same layer or a lower one", () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        if (layerOf(to) > layerOf(from)) upward.push(`${from} → ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("services never reach for Slack, the presentation or the CLI", () => {
    const reach = [...graph]
      .filter(([from]) => from.startsWith("services/") || from.startsWith("domain/") || from.startsWith("db/"))
      .flatMap(([from, targets]) =>
        targets.filter((t) => /^(slack|commands|cli|api|jobs|app)\//.test(t)).map((t) => `${from} → ${t}`),
      );
    expect(reach).toEqual([]);
    // Nor do they import a Slack package.
    const slackPackages = files
      .filter((f) => /^(services|domain|db)\//.test(rel(f)))
      .filter((f) => /from "@slack\//.test(readFileSync(f, "utf8")))
      .map(rel);
    expect(slackPackages).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it(`no file under src/ is longer than ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({ file: rel(f), lines: readFileSync(f, "utf8").split("\n").length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file} (${f.lines})`);
    expect(long).toEqual([]);
  });

  it("the checks above can fail: an upward import and a cycle are caught", () => {
    const bad = new Map([
      ["services/a.ts", ["slack/b.ts"]],
      ["slack/b.ts", ["services/a.ts"]],
    ]);
    expect(cycles(bad)).toEqual([["services/a.ts", "slack/b.ts"]]);
    expect(layerOf("slack/b.ts")).toBeGreaterThan(layerOf("services/a.ts"));
  });
});
