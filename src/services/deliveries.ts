// Deliveries from Slack already handled (a slash command's trigger_id, a shared file's id): a
// retried or redelivered one, on this replica or another, is never run twice.
import { lt } from "drizzle-orm";
import { slackDeliveries } from "../db/schema.ts";
import type { Services } from "./context.ts";

/** How long a delivery is remembered: Slack retries within minutes. */
export const DELIVERY_TTL_MS = 86_400_000;

/** Claims one delivery; false when it was handled already. */
export async function claimDelivery(svc: Services, key: string): Promise<boolean> {
  const claimed = await svc.db
    .insert(slackDeliveries)
    .values({ key, receivedAt: svc.clock.now() })
    .onConflictDoNothing()
    .returning({ key: slackDeliveries.key });
  return claimed.length > 0;
}

/** Forgets deliveries older than a day (the scheduler's housekeeping); returns how many. */
export async function pruneDeliveries(svc: Services): Promise<number> {
  const before = new Date(svc.clock.now().getTime() - DELIVERY_TTL_MS);
  const gone = await svc.db
    .delete(slackDeliveries)
    .where(lt(slackDeliveries.receivedAt, before))
    .returning({ key: slackDeliveries.key });
  return gone.length;
}
