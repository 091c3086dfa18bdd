// The run's figures: throughput and ack latency in each window around the faults, how long each
// fault took to recover from, and the checks; as the markdown section of bench/results.md.
import type { CheckResult } from "./check.ts";
import type { LoadResult, Op } from "./load.ts";

export interface Targets {
  p99Ms: number;
  replicaRecoveryMs: number;
  failoverRecoveryMs: number;
}

export const TARGETS: Targets = { p99Ms: 100, replicaRecoveryMs: 5000, failoverRecoveryMs: 30_000 };

interface Ack {
  at: number;
  ms: number;
  /** Acked (or answered) and carried out. */
  ok: boolean;
  /** Acked with "busy, try again": turned away by a replica at capacity (overload, not a fault). */
  busy: boolean;
}

/**
 * Every attempt, by when it was sent: ok when it was acked (200, 2xx for intake) without "try again".
 * `slack`: Slack deliveries only (commands and clicks: their ack is what Slack waits 3 s for), or
 * intake posts only (answered when the contact is written).
 */
function attemptsOf(ops: Op[], slack: boolean): Ack[] {
  return ops
    .filter((op) => (op.kind !== "intake") === slack)
    .flatMap((op) =>
      op.attempts.map((a) => {
        const acked = a.status !== null && a.status >= 200 && a.status < 300;
        const final = op.acked?.retryNum === a.retryNum;
        const tryAgain = final && op.acked?.tryAgain;
        const busy = (final && op.acked?.busy) || (op.kind === "intake" && a.status === 503 && a.error === undefined);
        return { at: a.sentAt, ms: a.ms, ok: acked && !tryAgain, busy: Boolean(busy) };
      }),
    );
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const BUCKET_MS = 500;
/** Buckets in a row that must be healthy to count as recovered (2 s). */
const HEALTHY_RUN = 4;

/**
 * When the fleet was back to normal after a fault at `from`: the start of the first 2 s in which
 * no request failed (no error, no timeout, no "try again" for want of a database), the ack p99
 * stayed within `p99Limit`, and the share of requests taken (not turned away as busy) was at least
 * 90 % of `takenShare`, the share before the faults. Milliseconds after `from`; null when it never was.
 */
export function recoveredAfter(
  acks: Ack[],
  from: number,
  until: number,
  p99Limit: number,
  takenShare = 1,
): number | null {
  const buckets: Ack[][] = [];
  for (const a of acks) {
    if (a.at < from || a.at >= until) continue;
    const i = Math.floor((a.at - from) / BUCKET_MS);
    buckets[i] = [...(buckets[i] ?? []), a];
  }
  const n = Math.floor((until - from) / BUCKET_MS);
  const healthy = (b: Ack[] | undefined) =>
    !!b &&
    b.length > 0 &&
    b.every((a) => a.ok || a.busy) &&
    b.filter((a) => a.ok).length >= 0.9 * takenShare * b.length &&
    percentile(
      b.map((a) => a.ms),
      99,
    ) <= p99Limit;
  for (let i = 0; i + HEALTHY_RUN <= n; i++) {
    let ok = true;
    for (let k = i; k < i + HEALTHY_RUN && ok; k++) ok = healthy(buckets[k]);
    if (ok) return i * BUCKET_MS;
  }
  return null;
}

export interface WindowFigures {
  name: string;
  from: number;
  to: number;
  sent: number;
  acked: number;
  /** Turned away as busy (overload). */
  busy: number;
  /** Failed otherwise: no ack, an error, or "try again" for want of a database. */
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function window(name: string, acks: Ack[], from: number, to: number): WindowFigures {
  const inside = acks.filter((a) => a.at >= from && a.at < to);
  const ok = inside.filter((a) => a.ok);
  const ms = ok.map((a) => a.ms);
  return {
    name,
    from,
    to,
    sent: inside.length,
    acked: ok.length,
    busy: inside.filter((a) => a.busy).length,
    failed: inside.filter((a) => !a.ok && !a.busy).length,
    perSecond: ok.length / Math.max(0.001, (to - from) / 1000),
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.length ? Math.max(...ms) : Number.NaN,
  };
}

export interface Figures {
  windows: WindowFigures[];
  outside: WindowFigures;
  intake: WindowFigures;
  all: WindowFigures;
  killAt: number;
  failoverAt: number;
  promotedAfterMs: number;
  replicaRecoveryMs: number | null;
  failoverRecoveryMs: number | null;
  /** From the primary's stop to the first change acked again (not "try again"). */
  writesBackAfterMs: number | null;
  /** Requests sent during the failover whose ack said "try again", or that were not acked at all. */
  duringFailover: { tryAgain: number; notAcked: number; retriedToSuccess: number };
  /** The last answer to a command acked before the kill and answered after it, after the kill. */
  killedWorkDoneAfterMs: number | null;
  targets: { name: string; target: string; figure: string; met: boolean }[];
}

export function figures(
  load: LoadResult,
  seconds: number,
  answersAt: Map<string, number[]>,
  warmupMs: number,
): Figures {
  const acks = attemptsOf(load.ops, true);
  const intakeAcks = attemptsOf(load.ops, false);
  const kill = load.events.find((e) => e.name === "kill");
  const failover = load.events.find((e) => e.name === "failover");
  const end = seconds * 1000;
  const killAt = kill?.at ?? end;
  const failoverAt = failover?.at ?? end;
  const baseline = window("steady", acks, warmupMs, killAt);
  const limit = Math.max(TARGETS.p99Ms, baseline.p99 * 2);
  const taken = baseline.sent > 0 ? baseline.acked / baseline.sent : 1;
  const replicaRecoveryMs = kill ? recoveredAfter(acks, killAt, failoverAt, limit, taken) : null;
  const failoverRecoveryMs = failover ? recoveredAfter(acks, failoverAt, end, limit, taken) : null;
  const killOver = killAt + (replicaRecoveryMs ?? failoverAt - killAt);
  const failoverOver = failoverAt + (failoverRecoveryMs ?? end - failoverAt);
  const windows = [
    window(
      `before the faults (${(warmupMs / 1000).toFixed(0)}–${(killAt / 1000).toFixed(1)} s)`,
      acks,
      warmupMs,
      killAt,
    ),
    window("replica killed, until recovered", acks, killAt, killOver),
    window("between the faults", acks, killOver, failoverAt),
    window("primary stopped, until recovered", acks, failoverAt, failoverOver),
    window("after the failover", acks, failoverOver, end),
  ];
  const outsideAcks = acks.filter(
    (a) => a.at >= warmupMs && !(a.at >= killAt && a.at < killOver) && !(a.at >= failoverAt && a.at < failoverOver),
  );
  const outsideSeconds = (end - warmupMs - (killOver - killAt) - (failoverOver - failoverAt)) / 1000;
  const outside = window("outside the fault windows", outsideAcks, 0, end);
  outside.perSecond = outside.acked / outsideSeconds;
  const outsideIntake = intakeAcks.filter(
    (a) => a.at >= warmupMs && !(a.at >= killAt && a.at < killOver) && !(a.at >= failoverAt && a.at < failoverOver),
  );
  const intake = window("intake API posts outside the fault windows (answered when written)", outsideIntake, 0, end);
  intake.perSecond = intake.acked / outsideSeconds;
  const all = window("everything, whole run", [...acks, ...intakeAcks], 0, end);

  const changes = load.ops.filter((o) => o.kind !== "tier" && o.kind !== "status");
  const firstWrite = changes
    .filter((o) => o.acked && !o.acked.tryAgain && o.acked.at > failoverAt)
    .flatMap((o) => o.attempts.filter((a) => a.sentAt >= failoverAt && a.status !== null && a.status < 300))
    .map((a) => a.sentAt + a.ms)
    .sort((a, b) => a - b)[0];
  const sentDuring = load.ops.filter((o) => {
    const first = o.attempts[0];
    return first && first.sentAt >= failoverAt && first.sentAt < failoverOver;
  });
  const killedWork = load.ops
    .filter((o) => o.acked && !o.acked.tryAgain && o.acked.at < killAt)
    .flatMap((o) => (answersAt.get(o.id) ?? []).filter((t) => t > killAt).map((t) => t - killAt));
  const promoted = failover ? failover.done - failover.at : Number.NaN;
  const fmt = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(1)} s`);
  return {
    windows,
    outside,
    intake,
    all,
    killAt,
    failoverAt,
    promotedAfterMs: promoted,
    replicaRecoveryMs,
    failoverRecoveryMs,
    writesBackAfterMs: firstWrite === undefined ? null : firstWrite - failoverAt,
    duringFailover: {
      tryAgain: sentDuring.filter((o) => o.acked?.tryAgain).length,
      notAcked: sentDuring.filter((o) => !o.acked).length,
      retriedToSuccess: sentDuring.filter((o) => o.acked && !o.acked.tryAgain && o.acked.retryNum > 0).length,
    },
    killedWorkDoneAfterMs: killedWork.length ? Math.max(...killedWork) : null,
    targets: [
      {
        name: "Slack ack p99 outside the fault windows",
        target: `≤ ${TARGETS.p99Ms} ms`,
        figure: `${outside.p99.toFixed(0)} ms`,
        met: outside.p99 <= TARGETS.p99Ms,
      },
      {
        name: "recovery from the replica kill",
        target: `≤ ${TARGETS.replicaRecoveryMs / 1000} s`,
        figure: fmt(replicaRecoveryMs),
        met: replicaRecoveryMs !== null && replicaRecoveryMs <= TARGETS.replicaRecoveryMs,
      },
      {
        name: "recovery from the failover",
        target: `≤ ${TARGETS.failoverRecoveryMs / 1000} s`,
        figure: fmt(failoverRecoveryMs),
        met: failoverRecoveryMs !== null && failoverRecoveryMs <= TARGETS.failoverRecoveryMs,
      },
    ],
  };
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "—");

export function markdown(input: {
  startedAt: Date;
  machine: string;
  rate: number;
  seconds: number;
  figures: Figures;
  check: CheckResult;
  load: LoadResult;
  notes: string[];
}): string {
  const { figures: f, check: c } = input;
  const lost = c.findings.find((x) => x.what.startsWith("acked changes not in the database"))?.count ?? 0;
  const doubles = c.findings.filter((x) => /more than once/.test(x.what)).reduce((s, x) => s + x.count, 0);
  const lines = [
    `## Fleet: 3 replicas behind HAProxy, a Postgres failover, ${input.rate} requests/s (\`npm run fleet\`)`,
    "",
    `Run: ${input.startedAt.toISOString()} on ${input.machine}. Written by \`npm run fleet\` (ops/fleet.ts); \`npm run bench\` keeps this section.`,
    "",
    `Load: ${input.rate} signed requests/s for ${input.seconds} s through HAProxy (ops/haproxy.cfg) to 3 \`tierkeeper start\` replicas in HTTP mode, over 4 workspaces: ` +
      "`tier`, `status`, `set marketing`, `set non-marketing`, `bulk non-marketing list:…` each followed by a double click on Approve, and intake API posts; " +
      "Slack's retries simulated (no ack within 3 s → sent again with `x-slack-retry-num`, up to 3 times). Postgres 15: a primary and a hot standby, " +
      "synchronous streaming replication, fsync on. " +
      `At ${(f.killAt / 1000).toFixed(1)} s one replica was killed (SIGKILL); at ${(f.failoverAt / 1000).toFixed(1)} s the primary was stopped (immediate) and the standby promoted (${ms(f.promotedAfterMs)}).`,
    "",
    "Slack deliveries (slash commands and clicks): the ack Slack waits 3 s for. The last row: intake API posts, answered once the contact is written.",
    "",
    "| window | sent | taken | taken/s | ack p50 | ack p99 | max | busy, try again | failed |",
    "|---|---|---|---|---|---|---|---|---|",
    ...[...f.windows, f.outside, f.intake].map(
      (w) =>
        `| ${w.name} | ${w.sent} | ${w.acked} | ${w.perSecond.toFixed(0)} | ${ms(w.p50)} | ${ms(w.p99)} | ${ms(w.max)} | ${w.busy} | ${w.failed} |`,
    ),
    "",
    `Throughput over the whole run: ${(f.all.acked / input.seconds).toFixed(0)} requests/s acked or answered (${f.all.acked} of ${f.all.sent} attempts, Slack and intake together).`,
    "Latencies are from the load generator (another process) to HAProxy's answer, per attempt; a window's rows count attempts sent in it.",
    `The load generator's own event-loop delay p99 was ${input.load.loopDelayP99Ms.toFixed(0)} ms.`,
    "",
    "| target | | figure | |",
    "|---|---|---|---|",
    `| acked changes lost | 0 | ${lost} | ${lost === 0 ? "ok" : "**missed**"} |`,
    `| double executions | 0 | ${doubles} | ${doubles === 0 ? "ok" : "**missed**"} |`,
    ...f.targets.map((t) => `| ${t.name} | ${t.target} | ${t.figure} | ${t.met ? "ok" : "**missed**"} |`),
    "",
    "Recovery: from the fault to the first 2 s in which every request was acked at its first try and the ack p99 stayed",
    "within 100 ms (or twice the p99 before the faults, if that was higher).",
    "",
    `- Replica kill: HAProxy sent the killed replica's requests to the others (\`retry-on conn-failure empty-response\`); ` +
      `work it had acked was finished by the others ${f.killedWorkDoneAfterMs === null ? "(none was cut off)" : `within ${(f.killedWorkDoneAfterMs / 1000).toFixed(1)} s of the kill`} ` +
      `(${c.takenOver} Slack requests taken up from the inbox after their lease ran out, in the whole run).`,
    `- Failover: writes acked again ${f.writesBackAfterMs === null ? "never" : `${(f.writesBackAfterMs / 1000).toFixed(1)} s`} after the primary stopped. ` +
      `Of the requests first sent in the failover window, ${f.duringFailover.tryAgain} were acked with "try again", ` +
      `${f.duringFailover.retriedToSuccess} were acked after a Slack retry, ${f.duringFailover.notAcked} were never acked (HAProxy had no healthy replica: 503).`,
    "",
    "Checked against the load generator's log, the database (on the promoted standby) and what the fake Slack received:",
    "",
    "| check | found | |",
    "|---|---|---|",
    ...c.findings.map(
      (x) =>
        `| ${x.what} | ${x.count} | ${x.count === 0 ? "ok" : `**${x.examples.slice(0, 2).join("; ").replace(/\|/g, "/")}**`} |`,
    ),
    "",
    `Totals: ${c.totals.ops} requests (${c.totals.clicks} of them clicks on Approve), ${c.totals.acked} acked and carried out, ` +
      `${c.totals.ackedTryAgain} acked with "try again" (${c.totals.ackedBusy} of them because the replica was busy), ${c.totals.notAcked} never acked (${c.totals.notAckedButDone} of those carried out all the same, ` +
      `which Slack users see as an error followed by the answer), ${c.totals.retried} sent more than once; ${c.totals.bulkRequests} bulk requests, ${c.totals.approvals} approvals.`,
    `Alerts and notices sent (each once): ${c.alerts.map((a) => `${a.kind} ${a.sent}`).join(", ") || "none"}. ` +
      `Update dates processed: ${c.rollovers.map((r) => `account ${r.accountId} at ${r.instant} (${r.changed} contacts)`).join(", ") || "none"}.`,
    "",
    ...input.notes,
  ];
  return `${lines.join("\n")}\n`;
}
