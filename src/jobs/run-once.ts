import { expireRequests, runDueScheduledRequests } from "../services/bulk.ts";
import type { Services } from "../services/context.ts";
import { processDueDowngrades } from "../services/renewals.ts";
import { processDueRollovers } from "../services/rollover.ts";

/** One pass over the scheduled work that is due now; each step is idempotent. Returns what it did. */
export async function runJobsOnce(svc: Services): Promise<string[]> {
  const lines: string[] = [];
  for (const r of await processDueRollovers(svc)) {
    if (r.ran) {
      lines.push(
        `Update date ${r.instant.toISOString()} (account ${r.accountId}): ${r.changed.toLocaleString("en-US")} contacts became non-marketing; ${r.marketingCount.toLocaleString("en-US")} marketing contacts now.`,
      );
    }
  }
  for (const d of await processDueDowngrades(svc)) {
    lines.push(
      d.applied
        ? `Renewal ${d.renewalAt.toISOString()} (account ${d.accountId}): tier lowered to ${d.target.toLocaleString("en-US")}.`
        : `Renewal ${d.renewalAt.toISOString()} (account ${d.accountId}): downgrade to ${d.target.toLocaleString("en-US")} cancelled: ${d.reason}`,
    );
  }
  for (const r of await runDueScheduledRequests(svc)) {
    lines.push(`Scheduled request ${r.id} ran: ${r.changed.toLocaleString("en-US")} contacts changed.`);
  }
  const expired = await expireRequests(svc);
  if (expired > 0) lines.push(`${expired} request(s) expired after 7 days without a decision.`);
  return lines;
}
