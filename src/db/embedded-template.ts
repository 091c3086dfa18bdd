// A new embedded database starts as a copy of a template that `npm run build` made (initdb and every
// migration, in dist/pglite-template/): PGlite's initdb runs a second database in the process and
// takes seconds, a copy of its result a fraction of one. A template is used only when the installed
// PGlite made it from these migrations; otherwise PGlite runs initdb, as it always did.
import {
  constants,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the build leaves the template (two folders up from src/db and from dist/cli alike). */
export const TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/pglite-template");

/** What made a template: the PGlite version and the newest migration (its journal's `when`). */
export interface TemplateKey {
  pglite: string;
  migrations: number;
}

export function templateKey(newestMigration: number): TemplateKey {
  // The package's root from its wasm file (an export of the package, where package.json is not).
  const wasm = createRequire(import.meta.url).resolve("@electric-sql/pglite/pglite.wasm");
  const pkg = JSON.parse(readFileSync(join(dirname(wasm), "../package.json"), "utf8")) as { version: string };
  return { pglite: pkg.version, migrations: newestMigration };
}

/** The template in `dir` (its database in `db/`, what made it in `key.json`). */
export function readTemplateKey(dir: string): TemplateKey | null {
  try {
    return JSON.parse(readFileSync(join(dir, "key.json"), "utf8")) as TemplateKey;
  } catch {
    return null;
  }
}

/**
 * Makes `dataDir` a copy of the template in `dir` when `dataDir` is new (missing, or an empty
 * folder) and the template's key is `key`; says whether it did. The copy is made beside `dataDir`
 * and renamed into place, so a process killed while copying leaves no half database. The caller
 * holds the data directory's lock.
 */
export function copyTemplate(dataDir: string, key: TemplateKey, dir: string = TEMPLATE_DIR): boolean {
  const made = readTemplateKey(dir);
  if (!made || made.pglite !== key.pglite || made.migrations !== key.migrations) return false;
  if (existsSync(dataDir) && (!lstatSync(dataDir).isDirectory() || readdirSync(dataDir).length > 0)) return false;
  const staging = `${dataDir}.new-${process.pid}`;
  try {
    // A copy-on-write clone where the file system makes one (btrfs, XFS, APFS), else a copy.
    cpSync(join(dir, "db"), staging, { recursive: true, mode: constants.COPYFILE_FICLONE });
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    return true;
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
}
