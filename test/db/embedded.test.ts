import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDatabase, rowsOf } from "../../src/db/client.ts";
import { DatabaseInUse, lockFilePath } from "../../src/db/data-dir-lock.ts";
import { copyTemplate, type TemplateKey } from "../../src/db/embedded-template.ts";
import { makeTemplate } from "../../src/db/make-template.ts";
import { holdDatabase, killAndWait, tierkeeper } from "../helpers/cli.ts";
import { driver, freshDatabase } from "../helpers/db.ts";

const mode = (path: string) => lstatSync(path).mode & 0o777;

/** Every directory and file under `dir` (symbolic links aside) whose mode is not 0700 / 0600. */
function notPrivate(dir: string): string[] {
  const wrong: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (mode(path) !== 0o700) wrong.push(`${path} ${mode(path).toString(8)}`);
        walk(path);
      } else if (entry.isFile() && mode(path) !== 0o600) {
        wrong.push(`${path} ${mode(path).toString(8)}`);
      }
    }
  };
  walk(dir);
  return wrong;
}

describe.runIf(driver === "pglite")("one process at a time on the embedded database", { timeout: 120_000 }, () => {
  let root: string;
  let url: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "tk-lock-"));
    url = `file:${join(root, "db")}`;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("a second process cannot open it while the first has it open, and is told why in one sentence", async () => {
    const holder = await holdDatabase(url);
    try {
      const second = await tierkeeper(["run", "tier", "--user", "U1"], { DATABASE_URL: url });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `The embedded database in ${join(root, "db")} is open in another tierkeeper process (pid ${holder.pid}): wait for it to finish or stop it, or use a Postgres server (DATABASE_URL=postgres://…) to run several processes at once.`,
      );
      // Within one process too: a second open of the same directory is refused, not shared.
      await expect(openDatabase(url)).rejects.toBeInstanceOf(DatabaseInUse);
    } finally {
      await killAndWait(holder);
    }
  });

  it("the kernel releases the lock when the holder is killed with SIGKILL", async () => {
    const holder = await holdDatabase(url);
    await killAndWait(holder, "SIGKILL");
    const database = await openDatabase(url);
    try {
      const rows = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from accounts`);
      expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
      await expect(openDatabase(url)).rejects.toBeInstanceOf(DatabaseInUse);
    } finally {
      await database.close();
    }
    // Closing lets the next opener in.
    await (await openDatabase(url)).close();
  });
});

describe.runIf(driver === "pglite")("the embedded database's files are its owner's only", { timeout: 120_000 }, () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("a new database is 0700 with files 0600 after opening, migrating, writing and closing", async () => {
    root = mkdtempSync(join(tmpdir(), "tk-modes-"));
    // An existing parent is the user's and keeps its mode; one made for the database is private.
    mkdirSync(join(root, "shared"));
    chmodSync(join(root, "shared"), 0o755);
    const dataDir = join(root, "shared", "home", "db");
    const database = await openDatabase(`file:${dataDir}`);
    try {
      expect(mode(join(root, "shared"))).toBe(0o755);
      expect(mode(join(root, "shared", "home"))).toBe(0o700);
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(lockFilePath(dataDir))).toBe(0o600);
      expect(mode(join(dataDir, "global", "pg_control"))).toBe(0o600);
      expect(notPrivate(dataDir)).toEqual([]);
      // New relations, a large insert, an index and a checkpoint: files PGlite creates later.
      await database.db.execute(sql`create table scratch (id int primary key, body text)`);
      await database.db.execute(sql`insert into scratch select i, repeat('x', 200) from generate_series(1, 200000) i`);
      await database.db.execute(sql`create index scratch_body on scratch (body)`);
      await database.db.execute(sql`checkpoint`);
      // A file the server writes with fopen's default mode (0644 unmasked); /pglite/data is the data directory inside PGlite.
      await database.db.execute(sql`copy (select 1) to '/pglite/data/export.txt'`);
      expect(mode(join(dataDir, "export.txt"))).toBe(0o600);
      expect(notPrivate(dataDir)).toEqual([]);
    } finally {
      await database.close();
    }
    expect(notPrivate(dataDir)).toEqual([]);
    expect(mode(dataDir)).toBe(0o700);
  });

  it("a database an older version left world-readable is made private when opened", async () => {
    root = mkdtempSync(join(tmpdir(), "tk-modes-"));
    const dataDir = join(root, "db");
    // As tierkeeper opened it before: PGlite's own modes, most files 0666.
    const old = new PGlite(dataDir);
    await old.query("select 1");
    await old.close();
    chmodSync(dataDir, 0o755);
    expect(mode(join(dataDir, "global", "pg_control"))).toBe(0o666);
    const database = await openDatabase(`file:${dataDir}`);
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(notPrivate(dataDir)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe.runIf(driver === "pglite")(
  "a new embedded database starts from the build's template",
  { timeout: 180_000 },
  () => {
    let root: string;
    let template: string;
    const migrations = (
      JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
        entries: unknown[];
      }
    ).entries.length;
    const tables = async (database: Awaited<ReturnType<typeof openDatabase>>) =>
      (
        await rowsOf<{ name: string }>(
          database.db,
          sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
        )
      ).map((r) => r.name);
    const applied = async (database: Awaited<ReturnType<typeof openDatabase>>) =>
      Number(
        (await rowsOf<{ n: string }>(database.db, sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]?.n,
      );

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), "tk-template-"));
      template = join(root, "template");
      await makeTemplate(template);
      // A mark that only copies of this template have.
      const marking = new PGlite(join(template, "db"));
      await marking.query("create table template_mark (id int)");
      await marking.close();
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("is a copy of the template: every migration applied, files private, and its own afterwards", async () => {
      const dataDir = join(root, "from-template");
      const database = await openDatabase(`file:${dataDir}`, { template });
      try {
        expect(await tables(database)).toContain("template_mark");
        expect(await applied(database)).toBe(migrations);
        expect(notPrivate(dataDir)).toEqual([]);
        await database.db.execute(sql`insert into template_mark values (1)`);
      } finally {
        await database.close();
      }
      const again = await openDatabase(`file:${dataDir}`, { template });
      try {
        expect(await rowsOf(again.db, sql`select * from template_mark`)).toEqual([{ id: 1 }]);
      } finally {
        await again.close();
      }
      expect(readdirSync(root).filter((f) => f.includes(".new-"))).toEqual([]);
    });

    it("is made by initdb when the template is another PGlite's, and never copied over an existing folder", async () => {
      const key = JSON.parse(readFileSync(join(template, "key.json"), "utf8")) as TemplateKey;
      writeFileSync(join(template, "key.json"), JSON.stringify({ ...key, pglite: "0.0.1" }));
      const dataDir = join(root, "by-initdb");
      const database = await openDatabase(`file:${dataDir}`, { template });
      try {
        expect(await tables(database)).not.toContain("template_mark");
        expect(await applied(database)).toBe(migrations);
      } finally {
        await database.close();
        writeFileSync(join(template, "key.json"), JSON.stringify(key));
      }
      // A folder with something in it is left as it is (PGlite is given it, as it always was).
      const used = join(root, "used");
      mkdirSync(used);
      writeFileSync(join(used, "notes.txt"), "mine");
      expect(copyTemplate(used, key, template)).toBe(false);
      expect(readdirSync(used)).toEqual(["notes.txt"]);
    });
  },
);

describe.runIf(driver === "postgres")("a Postgres server", () => {
  it("takes no lock: another process and this one have the same database open at once", async () => {
    const base = await freshDatabase();
    const holder = await holdDatabase(base.url);
    try {
      const again = await openDatabase(base.url);
      const rows = await rowsOf<{ n: number }>(again.db, sql`select 1 as n`);
      expect(rows[0]?.n).toBe(1);
      await again.close();
      expect(existsSync(`${new URL(base.url).pathname}.lock`)).toBe(false);
    } finally {
      await killAndWait(holder);
      await base.close();
    }
  });
});
