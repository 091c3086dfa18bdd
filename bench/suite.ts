import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { ManualClock } from "../src/clock.ts";
import { type Database, openDatabase, rowsOf, timestamptz } from "../src/db/client.ts";
import { accounts } from "../src/db/schema.ts";
import { DEFAULT_PRICING } from "../src/domain/pricing.ts";
import { approveRequest, requestBulkChange } from "../src/services/bulk.ts";
import { ChangeEvents, type Services } from "../src/services/context.ts";
import { tierReport } from "../src/services/reports.ts";
import { rolloverInstant } from "../src/services/rollover.ts";

export interface Row {
  what: string;
  n: number;
  figure: number;
  baseline: number;
  baselineName: string;
  ratio: number;
  target: number;
}

const REPEAT = 3;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function openBenchDatabase(
  kind: "pglite" | "postgres",
  serverUrl?: string,
): Promise<Database & { drop(): Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "tk-bench-"));
    const database = await openDatabase(`file:${join(dir, "db")}`);
    return { ...database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const u = new URL(serverUrl ?? "");
  const name = `tk_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  u.pathname = `/${name}`;
  const database = await openDatabase(u.toString());
  return {
    ...database,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export async function benchDatabase(kind: "pglite" | "postgres", sizes: number[], serverUrl?: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    console.log(`${kind}: N = ${n.toLocaleString("en-US")} …`);
    const database = await openBenchDatabase(kind, serverUrl);
    try {
      rows.push(...(await benchSize(database, n)));
    } finally {
      await database.close();
      await database.drop();
    }
  }
  return rows;
}

async function benchSize(database: Database, n: number): Promise<Row[]> {
  const clock = new ManualClock(new Date("2026-05-15T14:00:00Z"));
  const svc: Services = {
    db: database.db,
    clock,
    pricing: DEFAULT_PRICING,
    configAdmins: [],
    events: new ChangeEvents(),
  };
  const db = database.db;
  const [account] = await db
    .insert(accounts)
    .values({
      teamId: "TBENCH",
      contractStart: "2026-01-15",
      tierLimit: 10_000_000,
      plan: "enterprise",
      selfApproval: true,
      createdAt: new Date("2026-01-15T17:00:00Z"),
    })
    .returning();
  const accountId = account!.id;
  await db.execute(
    sql`insert into users (account_id, user_id, role) values (${accountId}, 'UADMIN', 'admin'), (${accountId}, 'UADMIN2', 'admin')`,
  );
  await db.execute(sql`insert into contacts (account_id, email, marketing, source)
    select ${accountId}, 'c' || i || '@bench.io', true, 'manual' from generate_series(1, ${n}) i`);
  await db.execute(sql`analyze contacts`);
  const flaggedAt = new Date("2026-05-15T14:00:00Z");
  const flagAll = () =>
    db.execute(
      sql`update contacts set marketing = true, pending_since = ${timestamptz(flaggedAt)} where account_id = ${accountId}`,
    );
  const rows: Row[] = [];

  // 1. Update-date rollover of N pending contacts vs one hand-written UPDATE flipping the same rows.
  {
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      await flagAll();
      const u = new Date(Date.UTC(2026, 5 + i, 1, 16));
      base.push(
        await time(() =>
          db.execute(sql`update contacts set marketing = false, pending_since = null, updated_at = now()
            where account_id = ${accountId} and pending_since is not null and pending_since <= ${timestamptz(u)}`),
        ),
      );
      await flagAll();
      clock.set(new Date(u.getTime() + 60_000));
      svcTimes.push(await time(() => rolloverInstant(svc, accountId, u)));
    }
    rows.push(row("update-date rollover (service, audit included)", n, svcTimes, base, "one `UPDATE … WHERE`", 1.5));
  }

  // 2. An approved bulk change of N contacts selected by a filter vs the same hand-written UPDATE.
  {
    const reset = () =>
      db.execute(sql`update contacts set marketing = false, pending_since = null where account_id = ${accountId}`);
    const filter = {
      conditions: [{ field: "source" as const, op: "=" as const, value: "manual" }],
      text: "source = manual",
    };
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      await reset();
      base.push(
        await time(() =>
          db.execute(sql`update contacts set marketing = true, pending_since = null, updated_at = now()
            where account_id = ${accountId} and lower(source) = 'manual' and (marketing = false or pending_since is not null)`),
        ),
      );
      await reset();
      const actor = { accountId, userId: "UADMIN" };
      const { request } = await requestBulkChange(svc, actor, {
        action: "marketing",
        selector: { type: "filter", filter },
        at: null,
      });
      if (!request) throw new Error("bench: the filter selected nothing");
      svcTimes.push(await time(() => approveRequest(svc, { accountId, userId: "UADMIN2" }, request.id, request.count)));
    }
    rows.push(
      row("approved bulk change by filter (service, audit, tier check)", n, svcTimes, base, "the same `UPDATE`", 2),
    );
  }

  // 3. The tier report vs a `select 1` round trip: the same at every N (no scan).
  {
    const actor = { accountId, userId: "UADMIN" };
    const loops = 200;
    for (let i = 0; i < 20; i++) {
      await tierReport(svc, actor);
      await rowsOf(db, sql`select 1`);
    }
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      base.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await rowsOf(db, sql`select 1`);
        })) / loops,
      );
      svcTimes.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await tierReport(svc, actor);
        })) / loops,
      );
    }
    rows.push(row("`tier` report (service call)", n, svcTimes, base, "`select 1`", 3));
  }
  return rows;
}

function row(
  what: string,
  n: number,
  figureTimes: number[],
  baseTimes: number[],
  baselineName: string,
  target: number,
): Row {
  const figure = median(figureTimes);
  const baseline = median(baseTimes);
  return { what, n, figure, baseline, baselineName, ratio: figure / baseline, target };
}
