import cron from "node-cron";
import type { Services } from "../services/context.ts";
import { runJobsOnce } from "./run-once.ts";

/** Runs due work every minute. Each job is idempotent on its own key, so overlapping replicas are safe. */
export function startScheduler(svc: Services, onError: (e: unknown) => void = (e) => console.error(e)): () => Promise<void> {
  let running = false;
  const task = cron.schedule("* * * * *", async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce(svc);
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  });
  return async () => {
    await task.stop();
  };
}
