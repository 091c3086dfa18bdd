// `npm run fleet`: tierkeeper as a fleet on this machine, with the real engines, measured.
//
//   a Postgres 15 primary + hot standby (synchronous streaming replication), in temporary directories
//   3 `tierkeeper start` replicas (HTTP mode) behind HAProxy (ops/haproxy.cfg, health checks on /healthz)
//   a fake Slack (the test suite's) for the Web API and the response_urls, in a child process
//   a load generator: FLEET_RATE requests/s (200) for FLEET_SECONDS (60); at FLEET_KILL_AT (20 s) one
//   replica is killed (SIGKILL), at FLEET_FAILOVER_AT (35 s) the primary is stopped (immediate) and
//   the standby promoted; then everything is checked and the figures go to bench/results.md
//   (section FLEET_SECTION, "fleet" by default).
//
// Everything is torn down at the end (FLEET_KEEP=1 keeps the logs and data directories). Exit 0 when
// every check and every target passed. FLEET_REPLICA_NODE_ARGS passes Node flags to the replicas
// (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them).
import { fork } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { withSection } from "../bench/results-file.ts";
import { type Database, openDatabase, rowsOf } from "../src/db/client.ts";
import { SIGNING_SECRET } from "../test/helpers/slack-sign.ts";
import { freePort } from "../test/helpers/throwaway-postgres.ts";
import { checkRun, type SlackDump } from "./fleet/check.ts";
import {
  type DatabasePair,
  ensurePrograms,
  type Replica,
  ROOT,
  startDatabasePair,
  startHaproxy,
  startReplica,
  stopChild,
  waitFor,
} from "./fleet/cluster.ts";
import { LoadGenerator } from "./fleet/load.ts";
import { figures, markdown } from "./fleet/report.ts";
import { ADMIN, makeRolloverDue, type SeededTeam, seedFleet } from "./fleet/seed.ts";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RATE = num("FLEET_RATE", 200);
const SECONDS = num("FLEET_SECONDS", 60);
const KILL_AT = num("FLEET_KILL_AT", 20) * 1000;
const FAILOVER_AT = num("FLEET_FAILOVER_AT", 35) * 1000;
/** The scheduler's minute tick falls this many seconds into the load (after the failover by default). */
const TICK_AT = num("FLEET_TICK_AT", 45);
const WARMUP_MS = 5000;
const KEEP = process.env.FLEET_KEEP === "1";
const RESULTS = process.env.FLEET_OUT ?? join(ROOT, "bench/results.md");
/** The section of results.md this run writes (another name keeps a second run's figures beside the first). */
const SECTION = process.env.FLEET_SECTION ?? "fleet";

const started = Date.now();
const log = (s: string) => console.log(`[fleet ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}`);

const runDir = mkdtempSync(join(tmpdir(), "tk-fleet-"));
let pair: DatabasePair | null = null;
const replicas: Replica[] = [];
let haproxy: Awaited<ReturnType<typeof startHaproxy>> | null = null;
let slackChild: ReturnType<typeof fork> | null = null;
let passed = false;

async function teardown(): Promise<void> {
  await stopChild(haproxy?.process);
  await Promise.all(replicas.map((r) => stopChild(r.process)));
  if (slackChild?.connected) slackChild.send({ type: "quit" });
  await stopChild(slackChild ?? undefined, 2000);
  if (pair) {
    for (const s of [pair.primary, pair.standby]) {
      // The servers' logs (slow statements, lock waits) stay with the run's logs.
      try {
        copyFileSync(s.logFile, join(runDir, `${s === pair.primary ? "primary" : "standby"}.log`));
      } catch {
        // no log
      }
      if (KEEP) await s.stop("fast").catch(() => {});
      else await s.destroy().catch(() => {});
    }
  }
  if (KEEP) log(`logs in ${runDir}; the Postgres data directories are kept (FLEET_KEEP=1)`);
  else if (!passed) log(`logs kept in ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: tearing down`);
    void teardown().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const { haproxy: haproxyBin } = await ensurePrograms(log);
  log("starting Postgres: a primary and a synchronous hot standby");
  pair = await startDatabasePair();
  log(`primary on ${pair.primary.port}, standby on ${pair.standby.port}`);

  let database: Database = await openDatabase(pair.urlOn(pair.primary));
  const teams: SeededTeam[] = await seedFleet(database);
  await database.close();
  log(`seeded ${teams.length} workspaces`);

  slackChild = fork(join(ROOT, "ops/fleet/slack-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<{ apiUrl: string; responseBase: string }>((resolve, reject) => {
    slackChild?.once("message", (m) => resolve(m as { apiUrl: string; responseBase: string }));
    slackChild?.once("exit", () => reject(new Error("the fake Slack exited")));
  });

  const env = {
    DATABASE_URL: pair.url,
    SLACK_BOT_TOKEN: "xoxb-fleet",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: ready.apiUrl,
    TIERKEEPER_ADMINS: ADMIN,
    LOG_LEVEL: process.env.FLEET_LOG_LEVEL ?? "warn",
  };
  for (const name of ["replica1", "replica2", "replica3"]) replicas.push(await startReplica(name, runDir, env));
  await Promise.all(replicas.map((r) => waitFor(`http://127.0.0.1:${r.port}/healthz`, 200, 120_000)));
  log(`replicas up on ${replicas.map((r) => r.port).join(", ")}`);

  const lbPort = await freePort();
  haproxy = await startHaproxy(haproxyBin, runDir, `127.0.0.1:${lbPort}`, replicas);
  const base = `http://127.0.0.1:${lbPort}`;
  await waitFor(`${base}/healthz`);
  log(`HAProxy on ${lbPort}`);

  // The minute tick (rollover, alerts of other replicas' changes) falls TICK_AT s into the load.
  const second = new Date().getSeconds();
  const waitS = (60 + (60 - TICK_AT) - second) % 60;
  log(`starting the load in ${waitS} s, so the scheduler's minute tick comes ${TICK_AT} s into it`);
  await new Promise((r) => setTimeout(r, waitS * 1000));
  database = await openDatabase(pair.urlOn(pair.primary), { migrate: false, max: 1 });
  await makeRolloverDue(database);
  await database.close();

  const killed = replicas[0] as Replica;
  const primary = pair.primary;
  const standby = pair.standby;
  const generator = new LoadGenerator({
    base,
    responseBase: ready.responseBase,
    teams,
    rate: RATE,
    seconds: SECONDS,
    events: [
      {
        at: KILL_AT,
        name: "kill",
        run: async () => {
          killed.process.kill("SIGKILL");
          await killed.exited;
        },
      },
      {
        at: FAILOVER_AT,
        name: "failover",
        run: async () => {
          await primary.stop("immediate");
          await standby.promote();
        },
      },
    ],
  });
  slackChild.on("message", (m: { type: string; responseId?: string; requestId?: string }) => {
    if (m.type === "request" && m.responseId && m.requestId) generator.requestAnnounced(m.responseId, m.requestId);
  });
  log(`load: ${RATE}/s for ${SECONDS} s; kill at ${KILL_AT / 1000} s, failover at ${FAILOVER_AT / 1000} s`);
  const load = await generator.run();
  log(`load done: ${load.ops.length} requests; waiting for the work to drain`);
  for (const e of load.events)
    log(
      `  ${e.name}: at ${(e.at / 1000).toFixed(1)} s, took ${(e.done - e.at).toFixed(0)} ms${e.error ? ` (${e.error})` : ""}`,
    );

  await drain(pair.urlOn(standby));
  const dumpFile = join(runDir, "slack.json");
  await new Promise<void>((resolve) => {
    slackChild?.once("message", () => resolve());
    slackChild?.send({ type: "dump", file: dumpFile });
  });
  const slack = JSON.parse(readFileSync(dumpFile, "utf8")) as SlackDump;
  // A click's "busy" or "try again" comes through its response_url: its ack carries no text.
  const told = new Map<string, string[]>();
  for (const r of slack.responses) told.set(r.id, [...(told.get(r.id) ?? []), String(r.body.text ?? "")]);
  for (const op of load.ops) {
    if (op.kind !== "approve" || !op.acked) continue;
    const said = told.get(op.id) ?? [];
    if (said.some((t) => /nothing was changed\. Try again/.test(t))) {
      op.acked.tryAgain = true;
      op.acked.busy = said.some((t) => /busy right now/.test(t));
    }
  }
  writeFileSync(join(runDir, "load-log.json"), JSON.stringify(load.ops));
  const check = await checkRun(pair.urlOn(standby), teams, load.ops, slack);

  const answersAt = new Map<string, number[]>();
  for (const r of slack.responses) answersAt.set(r.id, [...(answersAt.get(r.id) ?? []), r.at - load.startedAt]);
  const f = figures(load, SECONDS, answersAt, WARMUP_MS);
  const targetsMet = f.targets.every((t) => t.met);
  passed = check.passed && targetsMet;
  const machine = `${process.platform}/${process.arch}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} at the end`;
  const section = markdown({
    startedAt: new Date(load.startedAt),
    machine,
    rate: RATE,
    seconds: SECONDS,
    figures: f,
    check,
    load,
    notes: notes(check.passed, targetsMet),
  });
  const before = (() => {
    try {
      return readFileSync(RESULTS, "utf8");
    } catch {
      return "# tierkeeper benchmarks\n";
    }
  })();
  writeFileSync(RESULTS, withSection(before, SECTION, section));
  console.log(`\n${section}`);
  log(`written to ${RESULTS}`);
  log(check.passed ? "every check passed" : "CHECKS FAILED (see the table)");
  log(
    targetsMet
      ? "every target met"
      : `targets missed: ${f.targets
          .filter((t) => !t.met)
          .map((t) => t.name)
          .join(", ")}`,
  );
}

function notes(checksPassed: boolean, targetsMet: boolean): string[] {
  const out: string[] = [];
  if (!checksPassed) out.push("**Some checks failed: the run does not pass.**");
  if (!targetsMet)
    out.push(
      '**Not every target was met on this machine** (2 cores shared by the replicas, both Postgres servers, HAProxy, the fake Slack and the load generator). See README "Running in production" for sizing.',
    );
  return out;
}

/**
 * Waits until the fleet has finished what it acked: no Slack request left in the inbox, no alert
 * unsent, the minute tick after the load done; at most 3 minutes.
 */
async function drain(url: string): Promise<void> {
  const db = await openDatabase(url, { migrate: false, max: 1 });
  try {
    const until = Date.now() + 180_000;
    let quietSince = 0;
    for (;;) {
      const [r] = await rowsOf<{ open: number; unsent: number }>(
        db.db,
        sql`select (select count(*) from slack_inbox where state in ('queued', 'done'))::int as open,
                   (select count(*) from notifications where sent_at is null and (channel is not null or user_id is not null))::int as unsent`,
      ).catch(() => [{ open: -1, unsent: -1 }]);
      if (r && r.open === 0 && r.unsent === 0) {
        quietSince ||= Date.now();
        if (Date.now() - quietSince > 5000) return;
      } else quietSince = 0;
      if (Date.now() > until) {
        log(`drain: gave up waiting (${r?.open} requests open, ${r?.unsent} notices unsent)`);
        return;
      }
      await new Promise((res) => setTimeout(res, 1000));
    }
  } finally {
    await db.close();
  }
}

try {
  await main();
} catch (e) {
  console.error("fleet: the run failed:", e);
  for (const r of replicas) {
    try {
      const tail = readFileSync(join(runDir, `${r.name}.log`), "utf8")
        .split("\n")
        .slice(-15)
        .join("\n");
      console.error(`--- ${r.name}.log (last lines)\n${tail}`);
    } catch {
      // no log
    }
  }
} finally {
  await teardown();
}
process.exit(passed ? 0 : 1);
