#!/usr/bin/env node
// `tierkeeper`: runs the compiled build in dist/ (`npm run build`; `npm install` makes it) when no
// file under src/ is newer than it, so a command starts in a blink. Otherwise (a checkout being
// edited, or never built) it runs the TypeScript sources through tsx: what runs is always what
// src/ says. TIERKEEPER_SOURCE=1 always runs the sources (the tests do), TIERKEEPER_SOURCE=0 the build.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent } from "./build-state.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const choice = process.env.TIERKEEPER_SOURCE;

if (choice === "1" || (choice !== "0" && !buildIsCurrent(root))) {
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

function fail(message) {
  console.error(message);
  process.exit(1);
}
