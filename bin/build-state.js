// Whether dist/ is the build of what src/ says now: bin/tierkeeper.js runs it only then, and the
// tests' global set-up (test/global-setup.ts) rebuilds it when it is not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * dist/ under `root` was built after the last change to any file or folder under src/ (a removed
 * file changes its folder) and to the installed packages (it bundles some of them).
 */
export function buildIsCurrent(root) {
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
