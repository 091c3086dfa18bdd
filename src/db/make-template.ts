// `npm run build` runs this (dist/cli/make-template.js <dir> [<previous dir>]): the template new
// embedded databases start from (embedded-template.ts).
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMigration, openDatabase } from "./client.ts";
import { readTemplateKey, templateKey } from "./embedded-template.ts";

/**
 * Makes the template in `dir`: a copy of `previous` when the same PGlite made it from the same
 * migrations, otherwise a database made with initdb and every migration, then closed (PGlite shuts
 * Postgres down cleanly).
 */
export async function makeTemplate(dir: string, previous?: string): Promise<void> {
  const key = templateKey(newestMigration());
  const old = previous ? readTemplateKey(previous) : null;
  rmSync(dir, { recursive: true, force: true });
  if (previous && old?.pglite === key.pglite && old.migrations === key.migrations) {
    cpSync(previous, dir, { recursive: true });
    return;
  }
  const database = await openDatabase(`file:${join(dir, "db")}`, { template: null });
  await database.close();
  rmSync(join(dir, "db.lock"), { force: true });
  writeFileSync(join(dir, "key.json"), `${JSON.stringify(key)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, previous] = process.argv.slice(2);
  if (!dir) throw new Error("usage: make-template <dir> [<previous template dir>]");
  await makeTemplate(dir, previous);
}
