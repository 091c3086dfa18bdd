#!/usr/bin/env node
// `tierkeeper`: runs the compiled build in dist/ (`npm run build`; `npm install` makes it) when no
// file under src/ is newer than it, so a command starts in a blink. Otherwise (a checkout being
// edited, or never built) it runs the TypeScript sources through tsx: what runs is always what
// src/ says. TIERKEEPER_SOURCE=1 always runs the sources (the tests do), TIERKEEPER_SOURCE=0 the build.
import { readdirSync, readFileSync, statSync } from "node:fs";
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
} else {
  try {
    await import("../dist/cli/main.js");
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND" && e.message?.includes("dist/cli/main.js")) {
      fail("tierkeeper is not built: run `npm run build`.");
    }
    throw e;
  }
}

/** dist/ was built after the last change to any file or folder under src/ (a removed file changes its folder). */
function buildIsCurrent() {
  let startedAt;
  try {
    ({ startedAt } = JSON.parse(readFileSync(join(root, "dist/cli/build.json"), "utf8")));
  } catch {
    return false;
  }
  const src = join(root, "src");
  let entries;
  try {
    entries = readdirSync(src, { recursive: true });
  } catch {
    return true; // a build without its sources beside it
  }
  try {
    if (statSync(src).mtimeMs > startedAt) return false;
    return entries.every((entry) => statSync(join(src, entry)).mtimeMs <= startedAt);
  } catch {
    return false; // a file went away meanwhile: someone is editing
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
