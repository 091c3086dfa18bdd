#!/usr/bin/env node
// `tierkeeper`: runs the compiled build in dist/ (`npm run build`; `npm install` makes it) when no
// file under src/ is newer than it, so a command starts in a blink. Otherwise (a checkout being
// edited, or never built) it runs the TypeScript sources through tsx: what runs is always what
// src/ says. TIERKEEPER_SOURCE=1 always runs the sources (the tests do), TIERKEEPER_SOURCE=0 the build.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const choice = process.env.TIERKEEPER_SOURCE;

if (choice === "1" || (choice !== "0" && !buildIsCurrent())) {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    fail("tierkeeper is not built and tsx is not installed: run `npm install` (or `npm run build`).");
  }
  register();
  await import("../src/cli/main.ts");
} else if (!existsSync(join(root, "dist/cli/main.js"))) {
  fail("tierkeeper is not built: run `npm run build`.");
} else {
  await import("../dist/cli/main.js");
}

/**
 * dist/ was built after the last change to any file or folder under src/ (a removed file changes
 * its folder) and to the installed packages (it bundles some of them).
 */
function buildIsCurrent() {
  let startedAt;
  try {
    ({ startedAt } = JSON.parse(readFileSync(join(root, "dist/cli/build.json"), "utf8")));
  } catch {
    return false;
  }
  const src = join(root, "src");
  if (!existsSync(src)) return true; // a build without its sources beside it
  try {
    const installed = statSync(join(root, "node_modules/.package-lock.json"), { throwIfNoEntry: false });
    return (installed?.mtimeMs ?? 0) <= startedAt && newestChange(src) <= startedAt;
  } catch {
    return false; // a file went away meanwhile: someone is editing
  }
}

/** The latest modification time of `dir` and of everything under it. */
function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestChange(path) : stat.mtimeMs);
  }
  return newest;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
