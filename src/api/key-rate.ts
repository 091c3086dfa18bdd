// How many calls each API key may make a minute, counted over every route that takes a key (the
// API v1 and the intake routes beside it) in one store of hono-rate-limiter, in this process.
import { MemoryStore } from "hono-rate-limiter";
import type { ApiKeyAuth } from "../services/api-keys.ts";

/** What a request with a key carries (the API v1's context has the same). */
type Keyed = { Variables: { auth: ApiKeyAuth } };

export const RATE_WINDOW_MS = 60_000;

export class KeyRate {
  readonly store = new MemoryStore<Keyed>();
  constructor(readonly perMinute: number) {
    // The API v1's limiter initialises its store too; the intake routes may be served without it.
    this.store.init({ windowMs: RATE_WINDOW_MS } as unknown as Parameters<MemoryStore<Keyed>["init"]>[0]);
  }

  /** Counts a call of `keyId`: null while within the limit, else the seconds until the minute is over. */
  async take(keyId: string): Promise<number | null> {
    const { totalHits, resetTime } = await this.store.increment(keyId);
    if (totalHits <= this.perMinute) return null;
    const left = resetTime ? Math.ceil((resetTime.getTime() - Date.now()) / 1000) : 60;
    return Math.max(1, Math.min(60, left));
  }
}
