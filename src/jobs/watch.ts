import type { Logger } from "pino";
import { checkSpike, checkTierAlerts, recordCountSample } from "../services/alerts.ts";
import type { CountChange, Services } from "../services/context.ts";

export interface CountWatcher {
  stop(): void;
  /** Resolves when every change seen so far has been checked (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * R11 "within a minute of the change": every committed count change in this process is checked
 * for threshold, upgrade and spike alerts right away, and `onQueued` kicks a delivery. Changes
 * made by other processes are caught by the tick's own check.
 */
export function watchCountChanges(svc: Services, opts: { logger: Logger; onQueued?: () => void }): CountWatcher {
  const inFlight = new Set<Promise<void>>();
  const handle = async (c: CountChange) => {
    // The count just before the change, so an hour's growth is measured even between ticks.
    await recordCountSample(svc.db, c.accountId, new Date(c.at.getTime() - 1), c.before);
    await recordCountSample(svc.db, c.accountId, c.at, c.after);
    const alerts = await checkTierAlerts(svc, c.accountId, c.at);
    const spike = await checkSpike(svc, c.accountId, c.at);
    if (alerts.length > 0 || spike) opts.onQueued?.();
  };
  const off = svc.events.onCountChange((c) => {
    const p = handle(c).catch((err: unknown) =>
      opts.logger.error(
        { err, accountId: c.accountId },
        "alert check after a change failed; the next tick checks again",
      ),
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  });
  return {
    stop: off,
    settled: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
