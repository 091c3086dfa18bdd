// DATABASE_URL with several hosts: connections go to the writable one, follow it when it moves,
// fail fast (08001) while there is none, and transactions cut off by a stop fail cleanly.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "../../src/db/client.ts";
import { isDatabaseUnavailable } from "../../src/db/errors.ts";
import { urlForHost, urlHosts } from "../../src/db/primary.ts";
import { runsOwnPostgres } from "../helpers/own-postgres.ts";
import { type PostgresServer, startThrowawayPostgres } from "../helpers/throwaway-postgres.ts";

describe("several hosts in DATABASE_URL", () => {
  it("reads hosts and ports as libpq does", () => {
    const url = "postgres://u:p@h1:5433,h2,[::1]:6000/db?target_session_attrs=read-write&sslmode=disable";
    expect(urlHosts(url)).toEqual([
      { host: "h1", port: 5433 },
      { host: "h2", port: 5432 },
      { host: "::1", port: 6000 },
    ]);
    expect(urlForHost(url, { host: "h2", port: 5432 })).toBe("postgres://u:p@h2:5432/db?sslmode=disable");
    expect(urlForHost("postgres://h1,h2/db?target_session_attrs=read-write", { host: "h1", port: 5432 })).toBe(
      "postgres://h1:5432/db",
    );
  });
});

describe.runIf(runsOwnPostgres)("a pool over two servers, one of them read-only", () => {
  let a: PostgresServer;
  let b: PostgresServer;
  let database: Database;
  const writable = async (server: PostgresServer, on: boolean) => {
    // A read-only default stands in for a standby: the probe asks for both.
    server.set("default_transaction_read_only", on ? "off" : "on");
    await server.stop("fast");
    await server.start();
  };
  const whereAmI = async () =>
    (await rowsOf<{ port: number }>(database.db, sql`select inet_server_port() as port`))[0]?.port;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startThrowawayPostgres({ name: "tk-pg-a" }),
      startThrowawayPostgres({ name: "tk-pg-b", settings: { default_transaction_read_only: "on" } }),
    ]);
    // The same schema on both, as a standby would have it.
    for (const s of [a, b]) {
      const c = postgres(s.url, { max: 1, onnotice: () => {} });
      await c.unsafe("set default_transaction_read_only = off");
      await c.unsafe("create table if not exists notes (id serial primary key, body text not null)");
      await c.end();
    }
    database = await openDatabase(
      `postgres://postgres@127.0.0.1:${b.port},127.0.0.1:${a.port}/postgres?target_session_attrs=read-write`,
      { migrate: false, max: 4 },
    );
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  it("connects to the writable host, whichever place it has in the URL", async () => {
    expect(await whereAmI()).toBe(a.port);
    await database.db.execute(sql`insert into notes (body) values ('first')`);
  });

  it("while no host takes writes, statements fail at once with a 'database unavailable' error", async () => {
    await writable(a, false);
    const started = Date.now();
    const error = await database.db.execute(sql`insert into notes (body) values ('nowhere')`).catch((e) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("follows the primary to the other host without being reopened", async () => {
    await writable(b, true);
    await expect.poll(whereAmI, { timeout: 10_000, interval: 100 }).toBe(b.port);
    await database.db.execute(sql`insert into notes (body) values ('second')`);
  });

  it("a transaction cut off by an immediate stop fails, writes nothing, and the next one commits", async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const cutOff = database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into notes (body) values ('half')`);
        inside();
        await new Promise((r) => setTimeout(r, 1500));
        await tx.execute(sql`insert into notes (body) values ('done')`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    await entered;
    await b.stop("immediate");
    await b.start();
    const error = await cutOff;
    expect(isDatabaseUnavailable(error)).toBe(true);
    await expect
      .poll(
        () =>
          database.db
            .transaction(async (tx) => {
              await tx.execute(sql`insert into notes (body) values ('after')`);
            })
            .then(() => true)
            .catch(() => false),
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    const bodies = await rowsOf<{ body: string }>(database.db, sql`select body from notes order by id`);
    expect(bodies.map((r) => r.body)).not.toContain("half");
    expect(bodies.map((r) => r.body)).toContain("after");
  });
});
