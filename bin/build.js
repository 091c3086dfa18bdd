#!/usr/bin/env node
// `npm run build` (and `npm install`, through `prepare`): compiles src/ to plain JavaScript in dist/
// with esbuild, so `tierkeeper` and `npm start` start without compiling TypeScript. One bundle for
// the CLI's entry; what a command imports with `await import()` becomes a chunk of its own, loaded
// only by the commands that use it. Small pure-JavaScript packages are bundled in: Node loads an
// ES module file at a time, and chrono-node, drizzle-orm and zod are hundreds of files. Packages
// that find files beside their own (PGlite's wasm, pino's workers, native addons) or that load
// only with Slack or a chart stay in node_modules.
//
// Every output file is two levels under the root (dist/cli/), as src/cli and src/db are: the code
// finds package.json and drizzle/ relative to its own file.
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Left in node_modules, with their subpaths: see above. */
const EXTERNAL = ["@electric-sql/pglite", "@resvg/resvg-js", "@slack/*", "fs-ext", "pino", "vega", "vega-lite"];

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // An install without devDependencies (npm install --omit=dev) builds nothing: it runs a dist/ made elsewhere.
  console.warn("tierkeeper: esbuild is not installed (an install without devDependencies?): dist/ was not built.");
  process.exit(0);
}

// Sources changed after this instant make the build stale (bin/tierkeeper.js then runs them through tsx).
const startedAt = Date.now();
const staging = `${root}dist.${process.pid}`;
const quiet = process.argv.includes("--quiet");
rmSync(staging, { recursive: true, force: true });
try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts", "make-template": "src/db/make-template.ts" },
    outdir: `${staging}/cli`,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    // Bundled CommonJS packages require Node's built-ins.
    banner: {
      js: 'import { createRequire as __tkRequire } from "node:module"; const require = __tkRequire(import.meta.url);',
    },
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    legalComments: "none",
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  // The database a new embedded database starts as (src/db/embedded-template.ts); without it, PGlite runs initdb.
  const template = spawnSync(
    process.execPath,
    [`${staging}/cli/make-template.js`, `${staging}/pglite-template`, `${root}dist/pglite-template`],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, LOG_LEVEL: "silent" } },
  );
  if (template.status !== 0) {
    rmSync(`${staging}/pglite-template`, { recursive: true, force: true });
    console.warn("tierkeeper: no template for new embedded databases (see above): PGlite will run initdb for each.");
  }
  writeFileSync(`${staging}/cli/build.json`, `${JSON.stringify({ startedAt })}\n`);
  // Swapped in whole, so a command running meanwhile sees the old build or the new one, never half.
  mkdirSync(`${root}dist`, { recursive: true });
  const old = `${root}dist.old.${process.pid}`;
  renameSync(`${root}dist`, old);
  renameSync(staging, `${root}dist`);
  rmSync(old, { recursive: true, force: true });
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`tierkeeper: the build failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
if (!quiet) console.log(`tierkeeper: built dist/ in ${Date.now() - startedAt} ms.`);
