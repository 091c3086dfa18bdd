// Postgres restarts under a running service (Slack over HTTP, the intake API, the scheduler, as
// `tierkeeper start` runs them) and the next commands succeed without tierkeeper restarting. A
// server of its own, in a temporary directory on another port: the shared test server is untouched.
import { sql } from "drizzle-orm";
import pino from "pino";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../../src/api/routes.ts";
import { boot } from "../../src/app/boot.ts";
import type { Config } from "../../src/config.ts";
import { type Database, rowsOf } from "../../src/db/client.ts";
import { createScheduler, type Scheduler } from "../../src/jobs/scheduler.ts";
import type { Services } from "../../src/services/context.ts";
import { type CustomRouteLike, createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { TRY_AGAIN } from "../../src/slack/inbox-contract.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { runsOwnPostgres } from "../helpers/own-postgres.ts";
import { newId, postSigned, SIGNING_SECRET, slashCommandBody } from "../helpers/slack-sign.ts";
import { type PostgresServer, startThrowawayPostgres } from "../helpers/throwaway-postgres.ts";

describe.runIf(runsOwnPostgres)("a Postgres restart under a running service", () => {
  let server: PostgresServer;
  let fake: FakeSlack;
  let svc: Services;
  let database: Database;
  let slack: SlackApp;
  let scheduler: Scheduler;
  let base = "";
  const team = "TRESTART";

  beforeAll(async () => {
    server = await startThrowawayPostgres({ name: "tk-pg-restart" });
    const admin = postgres(server.url, { max: 1, onnotice: () => {} });
    await admin.unsafe("create database tierkeeper");
    await admin.end();
    fake = await new FakeSlack().start();
    const config: Config = {
      databaseUrl: server.url.replace(/\/postgres$/, "/tierkeeper"),
      slack: { botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET, apiUrl: fake.url, mode: "http" },
      port: 0,
      host: "127.0.0.1",
      admins: ["UADMIN1"],
      logLevel: "silent",
    };
    ({ svc, database } = await boot(config));
    const logger = pino({ level: "silent" });
    slack = createSlackApp({
      svc,
      config,
      logger,
      apiRoutes: apiRoutes(svc, logger) as unknown as CustomRouteLike[],
    });
    const { port } = await slack.start(0);
    base = `http://127.0.0.1:${port}`;
    scheduler = createScheduler(svc, { slack: null, logger, retryAfterMs: 200 });
    await rowsOf(
      svc.db,
      sql`insert into accounts (team_id, contract_start, tier_limit) values (${team}, '2026-01-15', 2000)`,
    );
    await rowsOf(
      svc.db,
      sql`insert into contacts (account_id, email) select a.id, 'c' || i || '@test.io'
          from accounts a, generate_series(1, 20) i where a.team_id = ${team}`,
    );
    await rowsOf(svc.db, sql`update contact_status set marketing = true`);
  }, 120_000);

  afterAll(async () => {
    await scheduler?.stop();
    await slack?.stop();
    await database?.close();
    await fake?.stop();
    await server?.destroy();
  });

  /** `/contacts <text>` over signed HTTP: the ack, and the answer posted to its response_url. */
  async function command(text: string, userId = "UADMIN1") {
    const responseId = newId("cmd");
    const body = slashCommandBody({ text, userId, teamId: team, responseUrl: fake.responseUrl(responseId) });
    const ack = await postSigned(`${base}/slack/events`, body);
    return { ack, answer: () => fake.waitForResponse(responseId, 20_000), responseId };
  }

  const healthz = async () => (await fetch(`${base}/healthz`)).status;
  const pending = async (email: string) =>
    (
      await rowsOf<{ pending: boolean }>(
        svc.db,
        sql`select s.pending_since is not null as pending from contacts c join contact_status s on s.contact_id = c.id where c.email = ${email}`,
      )
    )[0]?.pending;

  it("answers before the restart", async () => {
    const c = await command("set non-marketing c1@test.io");
    expect(c.ack.status).toBe(200);
    expect(String((await c.answer()).text)).toMatch(/non-marketing/);
    expect(await healthz()).toBe(200);
  });

  it("after a restart (fast), the next commands succeed at once", async () => {
    await server.stop("fast");
    await server.start();
    const c = await command("set non-marketing c2@test.io");
    expect(c.ack.status).toBe(200);
    expect(c.ack.text).not.toContain("Try again");
    expect(String((await c.answer()).text)).toMatch(/non-marketing/);
    expect(await pending("c2@test.io")).toBe(true);
    expect(String((await (await command("tier")).answer()).text)).toMatch(/marketing contacts/i);
    expect((await scheduler.tickUntilDone()).failed).toBe(false);
  });

  it("while it is down: try again, /healthz 503; after it is back (immediate stop, crash recovery) all is well", async () => {
    await server.stop("immediate");
    const down = await command("set non-marketing c3@test.io");
    expect(down.ack.status).toBe(200);
    expect(down.ack.text).toContain(TRY_AGAIN.slice(0, 40));
    expect(await healthz()).toBe(503);
    const intake = await fetch(`${base}/api/contacts`, {
      method: "POST",
      headers: { authorization: "Bearer tk_whatever", "content-type": "application/json" },
      body: JSON.stringify({ email: "x@test.io" }),
    });
    expect(intake.status).toBe(503);
    expect(intake.headers.get("retry-after")).toBe("5");
    await server.start();
    await expect.poll(healthz, { timeout: 10_000, interval: 100 }).toBe(200);
    const c = await command("set non-marketing c4@test.io");
    expect(String((await c.answer()).text)).toMatch(/non-marketing/);
    expect(await pending("c3@test.io")).toBe(false);
    expect(await pending("c4@test.io")).toBe(true);
  });

  it("a command acked before the server stopped and cut off mid-work is carried out once it is back, once", async () => {
    // The command waits in users.info (a user seen for the first time) while the server stops.
    let release!: () => void;
    fake.slow(
      "users.info",
      new Promise<void>((resolve) => {
        release = resolve;
      }),
      1,
    );
    const c = await command("set non-marketing c5@test.io", "UNEWCOMER");
    expect(c.ack.status).toBe(200);
    expect(c.ack.text).toBe("");
    await fake.waitFor((calls) => calls.some((x) => x.method === "users.info"));
    await server.stop("immediate");
    release();
    await new Promise((r) => setTimeout(r, 300));
    await server.start();
    const answer = await c.answer();
    expect(String(answer.text)).toMatch(/non-marketing/);
    expect(await pending("c5@test.io")).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.responsesTo(c.responseId)).toHaveLength(1);
  });
});
