import type { WebClient } from "@slack/web-api";
import { and, like, lt } from "drizzle-orm";
import cron from "node-cron";
import pino, { type Logger } from "pino";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { jobFires } from "../db/schema.ts";
import type { Services } from "../services/context.ts";
import { claimKeys } from "../services/outbox.ts";
import { deliverAll, runDueWork } from "./run-once.ts";
import { slackClientFromEnv } from "./slack-client.ts";
import { type CountWatcher, watchCountChanges } from "./watch.ts";
import { deliverWebhooks } from "./webhooks.ts";

export interface SchedulerDeps {
  /** Web API client; null keeps messages queued (local mode). Default: from the environment. */
  slack?: WebClient | null;
  logger?: Logger;
  /** How long after a tick that failed for want of a database it is tried again, within its minute (default 5 s). */
  retryAfterMs?: number;
}

export interface TickReport {
  /** This process claimed the minute's fire and ran the due work (another replica did otherwise). */
  ran: boolean;
  lines: string[];
  sent: number;
  failed: boolean;
  /** It failed because the database was unavailable (a restart or failover): worth trying again soon. */
  unavailable: boolean;
}

export interface Scheduler {
  /**
   * One tick for the clock's current minute: the due work if this process wins the fire, then
   * delivery. `retry`: a second try within the minute after a failed one (the work runs again if
   * this process had won the fire).
   */
  tick(opts?: { retry?: boolean }): Promise<TickReport>;
  /** A tick, tried again every `retryAfterMs` within its minute while the database is unavailable. */
  tickUntilDone(): Promise<TickReport>;
  /** Sends queued messages now (after a change queued an alert). */
  deliverSoon(): Promise<void>;
  watcher: CountWatcher;
  /** Starts the node-cron minute tick. */
  start(): void;
  stop(): Promise<void>;
}

/** `tick:2026-05-15T14:03`: one fire per minute, whichever process inserts it first runs it. */
export function fireKey(at: Date): string {
  return `tick:${at.toISOString().slice(0, 16)}`;
}

/**
 * The run coordinator: every process ticks every minute, but only the one whose
 * INSERT … ON CONFLICT DO NOTHING of the minute's fire key succeeds runs the due work; delivery
 * runs in every process (each row is claimed on its own, under a lease that outlasts its Slack
 * calls, so never by two at once). A tick that fails (database down) is logged and the next one
 * catches up: every job works from what is due, not from what fired.
 */
export function createScheduler(svc: Services, deps: SchedulerDeps = {}): Scheduler {
  const logger = deps.logger ?? pino({ name: "tierkeeper.jobs", level: process.env.LOG_LEVEL ?? "info" });
  const slack = deps.slack === undefined ? slackClientFromEnv() : deps.slack;
  let delivering: Promise<void> | null = null;
  let again = false;

  const deliverSoon = async (): Promise<void> => {
    if (delivering) {
      again = true;
      return delivering;
    }
    delivering = (async () => {
      do {
        again = false;
        if (slack) {
          try {
            const d = await deliverAll(svc, slack);
            if (d.sent > 0) logger.info({ sent: d.sent }, "notifications sent");
            for (const e of d.errors) logger.warn({ error: e }, "notification not sent; retried later");
          } catch (err) {
            logger.error({ err }, "notification delivery failed; retried on the next tick");
          }
        }
        // Webhooks need no Slack: the changes feed goes to every endpoint that is due.
        try {
          const w = await deliverWebhooks(svc, { logger });
          if (w.sent > 0 || w.failed > 0) logger.info(w, "webhooks delivered");
        } catch (err) {
          logger.error({ err }, "webhook delivery failed; retried on the next tick");
        }
      } while (again);
    })().finally(() => {
      delivering = null;
    });
    return delivering;
  };

  const watcher = watchCountChanges(svc, { logger, onQueued: () => void deliverSoon() });

  // The fire this process won and whose work failed: a retry within the minute runs the work again.
  let wonButFailed: string | null = null;
  let stopped = false;

  const tick = async (opts: { retry?: boolean } = {}): Promise<TickReport> => {
    const now = svc.clock.now();
    const report: TickReport = { ran: false, lines: [], sent: 0, failed: false, unavailable: false };
    const key = fireKey(now);
    try {
      const won = (opts.retry && wonButFailed === key) || (await claimKeys(svc.db, [key], now)).has(key);
      if (won) {
        wonButFailed = key;
        report.ran = true;
        const work = await runDueWork(svc, { slack });
        report.lines = work.lines;
        for (const l of work.lines) logger.info(l);
        for (const e of work.errors) {
          report.failed = true;
          if (isDatabaseUnavailable(e.error)) report.unavailable = true;
          logger.error({ err: e.error, step: e.step }, "scheduled step failed; the next tick runs it again");
        }
        await svc.db
          .delete(jobFires)
          .where(and(like(jobFires.key, "tick:%"), lt(jobFires.firedAt, new Date(now.getTime() - 2 * 86_400_000))));
        if (!report.failed) wonButFailed = null;
      }
    } catch (err) {
      report.failed = true;
      report.unavailable = isDatabaseUnavailable(err);
      logger.error({ err }, "tick failed; the next tick catches up");
    }
    await deliverSoon();
    return report;
  };

  const retryAfterMs = deps.retryAfterMs ?? 5_000;
  const tickUntilDone = async (): Promise<TickReport> => {
    const minute = fireKey(svc.clock.now());
    let report = await tick();
    // A restart or failover: try again while the minute lasts (every step is idempotent).
    while (report.failed && report.unavailable && !stopped) {
      await new Promise((r) => setTimeout(r, retryAfterMs));
      if (stopped || fireKey(svc.clock.now()) !== minute) break;
      logger.info("trying the tick again after a database outage");
      report = await tick({ retry: true });
    }
    return report;
  };

  // noOverlap: a tick still running when the next minute comes is not started twice in this process.
  const task = cron.createTask("* * * * *", async () => void (await tickUntilDone()), { noOverlap: true });

  return {
    tick,
    tickUntilDone,
    deliverSoon,
    watcher,
    start: () => void task.start(),
    stop: async () => {
      stopped = true;
      await task.stop();
      watcher.stop();
      await watcher.settled();
      await delivering;
    },
  };
}

/** `tierkeeper start`: ticks every minute (node-cron) and checks alerts after every change. Returns stop. */
export function startScheduler(svc: Services, deps: SchedulerDeps = {}): () => Promise<void> {
  const s = createScheduler(svc, deps);
  s.start();
  return s.stop;
}
