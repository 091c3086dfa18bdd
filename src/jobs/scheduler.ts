import type { WebClient } from "@slack/web-api";
import { and, like, lt } from "drizzle-orm";
import cron from "node-cron";
import pino, { type Logger } from "pino";
import { jobFires } from "../db/schema.ts";
import type { Services } from "../services/context.ts";
import { claimKeys } from "../services/outbox.ts";
import { deliverAll, runDueWork } from "./run-once.ts";
import { slackClientFromEnv } from "./slack-client.ts";
import { type CountWatcher, watchCountChanges } from "./watch.ts";

export interface SchedulerDeps {
  /** Web API client; null keeps messages queued (local mode). Default: from the environment. */
  slack?: WebClient | null;
  logger?: Logger;
}

export interface TickReport {
  /** This process claimed the minute's fire and ran the due work (another replica did otherwise). */
  ran: boolean;
  lines: string[];
  sent: number;
  failed: boolean;
}

export interface Scheduler {
  /** One tick for the clock's current minute: the due work if this process wins the fire, then delivery. */
  tick(): Promise<TickReport>;
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
    if (!slack) return;
    if (delivering) {
      again = true;
      return delivering;
    }
    delivering = (async () => {
      do {
        again = false;
        try {
          const d = await deliverAll(svc, slack);
          if (d.sent > 0) logger.info({ sent: d.sent }, "notifications sent");
          for (const e of d.errors) logger.warn({ error: e }, "notification not sent; retried later");
        } catch (err) {
          logger.error({ err }, "notification delivery failed; retried on the next tick");
        }
      } while (again);
    })().finally(() => {
      delivering = null;
    });
    return delivering;
  };

  const watcher = watchCountChanges(svc, { logger, onQueued: () => void deliverSoon() });

  const tick = async (): Promise<TickReport> => {
    const now = svc.clock.now();
    const report: TickReport = { ran: false, lines: [], sent: 0, failed: false };
    try {
      const key = fireKey(now);
      if ((await claimKeys(svc.db, [key], now)).has(key)) {
        report.ran = true;
        const work = await runDueWork(svc, { slack });
        report.lines = work.lines;
        for (const l of work.lines) logger.info(l);
        for (const e of work.errors) {
          report.failed = true;
          logger.error({ err: e.error, step: e.step }, "scheduled step failed; the next tick runs it again");
        }
        await svc.db
          .delete(jobFires)
          .where(and(like(jobFires.key, "tick:%"), lt(jobFires.firedAt, new Date(now.getTime() - 2 * 86_400_000))));
      }
    } catch (err) {
      report.failed = true;
      logger.error({ err }, "tick failed; the next tick catches up");
    }
    await deliverSoon();
    return report;
  };

  // noOverlap: a tick still running when the next minute comes is not started twice in this process.
  const task = cron.createTask("* * * * *", async () => void (await tick()), { noOverlap: true });

  return {
    tick,
    deliverSoon,
    watcher,
    start: () => void task.start(),
    stop: async () => {
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
