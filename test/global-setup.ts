// Once before the tests: dist/ is built from the sources as they are now (when it is not already),
// so the tests that start the real `tierkeeper` process run what `npm start` runs, in a fraction of
// a second instead of compiling TypeScript through tsx for every command. bin/tierkeeper.js still
// runs the sources whenever a file under src/ is newer than the build (someone editing mid-run).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export default function buildOnce() {
  const root = resolve(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, [resolve(root, "bin/build.js"), "--quiet", "--if-stale"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error("the build for the CLI tests failed (see above)");
}
