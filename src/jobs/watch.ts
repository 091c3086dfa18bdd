import type { Logger } from "pino";
import { checkSpike, checkTierAlerts, recordCountSample } from "../services/alerts.ts";
import type { CountChange, Services } from "../services/context.ts";

export interface CountWatcher {
  stop(): void;
  /** Resolves when every change seen so far has been checked (tests, shutdown). */
  settled(): Promise<void>;
}

/** The changes of one account not checked yet, folded into one: the lowest count before, the latest after. */
interface Pending {
  lowest: { at: Date; count: number };
  latest: { at: Date; count: number };
}

/**
 * R11 "within a minute of the change": every committed count change in this process is checked
 * for threshold, upgrade and spike alerts right away, and `onQueued` kicks a delivery. Changes
 * made by other processes are caught by the tick's own check.
 *
 * One check per account runs at a time, at most every `minIntervalMs`: changes that come meanwhile
 * are folded into the next one (their lowest count before and the latest count after are sampled,
 * which is all the spike check reads), so a busy account costs one check at a time, not one per change.
 */
export function watchCountChanges(
  svc: Services,
  opts: { logger: Logger; onQueued?: () => void; minIntervalMs?: number },
): CountWatcher {
  // At most two checks a second per account: "within a minute" (R11) with room to spare, and a
  // busy account does not keep a connection checking all the time.
  const minInterval = opts.minIntervalMs ?? 500;
  const waiting = new Map<number, Pending>();
  const running = new Map<number, Promise<void>>();

  const check = async (accountId: number, p: Pending) => {
    // The count just before the change, so an hour's growth is measured even between ticks.
    await recordCountSample(svc.db, accountId, p.lowest.at, p.lowest.count);
    await recordCountSample(svc.db, accountId, p.latest.at, p.latest.count);
    const alerts = await checkTierAlerts(svc, accountId, p.latest.at);
    const spike = await checkSpike(svc, accountId, p.latest.at);
    if (alerts.length > 0 || spike) opts.onQueued?.();
  };

  const drain = (accountId: number): Promise<void> => {
    const run = (async () => {
      for (let p = waiting.get(accountId); p; p = waiting.get(accountId)) {
        waiting.delete(accountId);
        const started = Date.now();
        await check(accountId, p).catch((err: unknown) =>
          opts.logger.error({ err, accountId }, "alert check after a change failed; the next tick checks again"),
        );
        const rest = started + minInterval - Date.now();
        if (waiting.has(accountId) && rest > 0) await new Promise((r) => setTimeout(r, rest));
      }
    })().finally(() => {
      running.delete(accountId);
      // A change folded in after the loop's last look: check it too.
      if (waiting.has(accountId)) void drain(accountId);
    });
    running.set(accountId, run);
    return run;
  };

  const off = svc.events.onCountChange((c: CountChange) => {
    const before = { at: new Date(c.at.getTime() - 1), count: c.before };
    const after = { at: c.at, count: c.after };
    const p = waiting.get(c.accountId);
    if (!p) waiting.set(c.accountId, { lowest: before, latest: after });
    else {
      if (before.count < p.lowest.count) p.lowest = before;
      if (after.at >= p.latest.at) p.latest = after;
    }
    return running.get(c.accountId) ?? drain(c.accountId);
  });
  return {
    stop: off,
    settled: async () => {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}
