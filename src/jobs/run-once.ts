import type { WebClient } from "@slack/web-api";
import pino from "pino";
import { noticeText, notificationAnswer } from "../commands/notices.ts";
import { accounts, jobFires } from "../db/schema.ts";
import { n } from "../domain/format.ts";
import { checkSpike, checkTierAlerts, pruneCountSamples } from "../services/alerts.ts";
import {
  expireRequests,
  getRequest,
  pruneDecidedRequestContacts,
  runDueScheduledRequests,
} from "../services/bulk/index.ts";
import type { Services } from "../services/context.ts";
import { pruneDeliveries } from "../services/deliveries.ts";
import { processForecastAlerts } from "../services/forecast.ts";
import { pruneIdempotency } from "../services/idempotency.ts";
import { takeQueuedForPrinting } from "../services/outbox.ts";
import { processReminders } from "../services/reminders.ts";
import { processDueDowngrades } from "../services/renewals.ts";
import { processDueRollovers } from "../services/rollover.ts";
import { RulesRunFailed, runRules } from "../services/rules/index.ts";
import { takeSnapshots } from "../services/usage.ts";
import { deliverDue } from "../slack/outbox-sender.ts";
import { postUnpostedRequests, updateRequestMessage } from "../slack/request-poster.ts";
import { singleTryClient } from "../slack/web.ts";
import { slackClientFromEnv } from "./slack-client.ts";
import { deliverWebhooks } from "./webhooks.ts";

export interface JobsDeps {
  /** Web API client; null in local mode (messages stay queued and are printed). Default: from the environment. */
  slack?: WebClient | null;
}

export interface DueWorkReport {
  lines: string[];
  /** Steps that failed (logged by the scheduler; a later tick runs them again, each is idempotent). */
  errors: { step: string; error: unknown }[];
}

/**
 * Everything scheduled that is due at the services' "now", in order: update dates (R5, R6, with
 * their summaries), renewals (R10), scheduled bulk changes, request posting and expiry, snapshots,
 * R11 tier alerts and spikes for changes made elsewhere, reminders (R12), forecast alerts.
 * Every step is idempotent on its own keys, so reruns and replicas never double anything.
 */
export async function runDueWork(svc: Services, deps: { slack: WebClient | null }): Promise<DueWorkReport> {
  const report: DueWorkReport = { lines: [], errors: [] };
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      report.errors.push({ step: name, error });
      report.lines.push(
        `${name} failed: ${(error as Error).message ?? String(error)} (it runs again on the next tick).`,
      );
    }
  };
  const out = (line: string) => report.lines.push(line);
  await step("update dates", async () => {
    for (const r of await processDueRollovers(svc)) {
      if (r.ran) {
        out(
          `Update date ${r.instant.toISOString()} (account ${r.accountId}): ${n(r.changed)} contacts became non-marketing; ${n(r.marketingCount)} marketing contacts now.`,
        );
      }
    }
  });
  await step("renewals", async () => {
    for (const d of await processDueDowngrades(svc)) {
      out(
        d.applied
          ? `Renewal ${d.renewalAt.toISOString()} (account ${d.accountId}): tier lowered to ${n(d.target)}.`
          : `Renewal ${d.renewalAt.toISOString()} (account ${d.accountId}): downgrade to ${n(d.target)} cancelled: ${d.reason}`,
      );
    }
  });
  const slack = deps.slack;
  await step("scheduled requests", async () => {
    for (const r of await runDueScheduledRequests(svc)) {
      if (!r.reopened) {
        out(`Scheduled request ${r.id} ran: ${n(r.changed)} contacts changed.`);
        continue;
      }
      out(`Scheduled request ${r.id} did not run and needs a new decision: ${r.reopened}.`);
      // Its message shows it open again, with the buttons (or it is posted anew below).
      if (slack) await updateRequestMessage(svc, slack, await getRequest(svc, r.accountId, r.id));
    }
  });
  if (slack) {
    await step("request posting", async () => {
      for (const p of await postUnpostedRequests(svc, slack)) out(`Posted request ${p.id} to ${p.channel}.`);
    });
  }
  await step("automation rules", async () => {
    // R16: rules also run on a schedule, once an hour across all replicas (they run on every
    // created or changed contact as it happens); the hour is claimed in job_fires.
    const hour = svc.clock.now().toISOString().slice(0, 13);
    const claimed = await svc.db
      .insert(jobFires)
      .values({ key: `rules:${hour}`, firedAt: svc.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return;
    const report = (results: Awaited<ReturnType<typeof runRules>>) => {
      for (const r of results) {
        const changed = r.runs.reduce((sum, run) => sum + run.changed, 0);
        if (changed > 0 || r.requests.length > 0) {
          const paused = r.requests.map((q) => q.id).join(", ");
          out(
            `Automation rules (account ${r.accountId}): ${n(changed)} contacts changed${paused ? `; paused into request ${paused}` : ""}.`,
          );
        }
      }
    };
    try {
      report(await runRules(svc));
    } catch (e) {
      // The accounts that ran are reported; the failed ones run again next hour.
      if (e instanceof RulesRunFailed) report(e.done);
      throw e;
    }
  });
  await step("request expiry", async () => {
    const expired = await expireRequests(svc);
    if (expired > 0) out(`${expired} request(s) expired after 7 days without a decision.`);
  });
  await step("housekeeping", async () => {
    // Bounded per tick: the contact lists of decided requests (they changed all they ever will).
    await pruneDecidedRequestContacts(svc);
    await pruneDeliveries(svc);
    await pruneIdempotency(svc);
  });
  await step("snapshots", async () => {
    await takeSnapshots(svc);
  });
  const now = svc.clock.now();
  const ids = (await svc.db.select({ id: accounts.id }).from(accounts)).map((a) => a.id);
  await step("tier alerts", async () => {
    for (const id of ids) {
      for (const a of await checkTierAlerts(svc, id, now))
        out(`Alert (account ${id}, ${a.notice.kind}): ${noticeText(a.notice)}`);
      const s = await checkSpike(svc, id, now);
      if (s) out(`Alert (account ${id}, spike): ${noticeText(s.notice)}`);
    }
    await pruneCountSamples(svc, now);
  });
  await step("reminders", async () => {
    for (const r of await processReminders(svc, now)) out(`Reminder (account ${r.accountId}): ${noticeText(r.notice)}`);
  });
  await step("forecast alerts", async () => {
    for (const f of await processForecastAlerts(svc, now))
      out(`Alert (account ${f.accountId}, forecast): ${noticeText(f.notice)}`);
  });
  return report;
}

/**
 * Sends what the outbox has due; several batches until it is empty or Slack asks to slow down.
 * Through a single-try client with a timeout: each message's lease outlasts its calls.
 */
export async function deliverAll(
  svc: Services,
  slack: WebClient,
): Promise<{ sent: number; failed: number; errors: string[] }> {
  const total = { sent: 0, failed: 0, errors: [] as string[] };
  const sender = singleTryClient(slack);
  for (let i = 0; i < 20; i++) {
    const r = await deliverDue(svc, sender);
    total.sent += r.sent;
    total.failed += r.failed;
    total.errors.push(...r.errors);
    if (r.rateLimited || r.sent + r.failed === 0 || r.failed > 0) break;
  }
  return total;
}

/**
 * `tierkeeper jobs`: one pass over the due work for now (TIERKEEPER_NOW honoured through the
 * clock), then delivery to Slack, or, without Slack credentials, the queued messages printed.
 */
export async function runJobsOnce(svc: Services, deps: JobsDeps = {}): Promise<string[]> {
  const slack = deps.slack === undefined ? slackClientFromEnv() : deps.slack;
  const { lines } = await runDueWork(svc, { slack });
  if (slack) {
    const d = await deliverAll(svc, slack);
    if (d.sent > 0) lines.push(`Sent ${d.sent} message(s) to Slack.`);
    for (const e of d.errors) lines.push(`Not sent yet (retried later): ${e}`);
  } else {
    for (const m of await takeQueuedForPrinting(svc)) {
      const where = m.channel ? m.channel : m.userId ? `DM ${m.userId}` : "no alert channel or billing contact set";
      lines.push(`Queued for Slack (${where}): ${notificationAnswer(m).text}`);
    }
  }
  const w = await deliverWebhooks(svc, { logger: pino({ level: process.env.LOG_LEVEL ?? "warn" }) });
  if (w.sent > 0) lines.push(`Sent ${w.sent} webhook message(s).`);
  if (w.failed > 0)
    lines.push(`${w.failed} webhook message(s) not delivered (retried later): \`settings webhook list\` says why.`);
  return lines;
}
