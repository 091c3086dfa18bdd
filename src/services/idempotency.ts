// Idempotent writes of the HTTP API: the first answer to a write sent with an `Idempotency-Key` is
// kept for a day, and a retry with the same key and the same request gets it again instead of
// running twice (the way Stripe's API does it).
import { and, eq, lt, sql } from "drizzle-orm";
import { apiIdempotency } from "../db/schema.ts";
import type { Services } from "./context.ts";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export type IdempotencyStart =
  /** First time: carry it out, then `finishIdempotent` (or `abandonIdempotent` when it failed). */
  | { state: "new" }
  | { state: "replay"; status: number; body: string }
  /** The same key with another method, path or body. */
  | { state: "mismatch" }
  /** The first request with this key is still being carried out. */
  | { state: "in-progress" };

export async function startIdempotent(
  svc: Services,
  keyId: string,
  idempotencyKey: string,
  requestHash: string,
): Promise<IdempotencyStart> {
  const now = svc.clock.now();
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  // A key older than a day is free again.
  await svc.db
    .delete(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.keyId, keyId),
        eq(apiIdempotency.idempotencyKey, idempotencyKey),
        lt(apiIdempotency.createdAt, expired),
      ),
    );
  const inserted = await svc.db
    .insert(apiIdempotency)
    .values({ keyId, idempotencyKey, requestHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ keyId: apiIdempotency.keyId });
  if (inserted.length > 0) return { state: "new" };
  const [row] = await svc.db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
  if (!row) return startIdempotent(svc, keyId, idempotencyKey, requestHash); // freed meanwhile
  if (row.requestHash !== requestHash) return { state: "mismatch" };
  if (row.status === null || row.body === null) return { state: "in-progress" };
  return { state: "replay", status: row.status, body: row.body };
}

export async function finishIdempotent(
  svc: Services,
  keyId: string,
  idempotencyKey: string,
  status: number,
  body: string,
): Promise<void> {
  await svc.db
    .update(apiIdempotency)
    .set({ status, body })
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
}

/** The write failed on our side: the key may be used again. */
export async function abandonIdempotent(svc: Services, keyId: string, idempotencyKey: string): Promise<void> {
  await svc.db
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
}

/** Housekeeping: drops kept answers older than a day. */
export async function pruneIdempotency(svc: Services): Promise<number> {
  const rows = await svc.db
    .delete(apiIdempotency)
    .where(
      lt(
        apiIdempotency.createdAt,
        sql`${new Date(svc.clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString()}::timestamptz`,
      ),
    )
    .returning({ k: apiIdempotency.keyId });
  return rows.length;
}
