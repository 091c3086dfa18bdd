// Acked work is never lost: a slash command or a button click is written to the database before
// Slack is acknowledged, and is carried out from there. The replica that received it works on it
// at once; if that replica dies (or loses the database) before it is done, any replica takes it
// over once its lease has run out. Its effect and the row's `done` commit in one transaction, so it
// happens exactly once however many times it is taken up; its answer is sent after the commit.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/client.ts";
import { isConnectionLost, isRetryable } from "../db/errors.ts";
import { getRequest } from "../services/bulk/index.ts";
import { ChangeEvents, type CountChange } from "../services/context.ts";
import {
  ANSWER_LEASE_MS,
  claimDue,
  closeRequest,
  closeRequests,
  forgetReplica,
  heartbeat,
  isWrittenDown,
  markAnswering,
  markDone,
  pruneInbox,
  writeDown,
} from "../services/slack-inbox.ts";
import type { SlackClient } from "./client.ts";
import {
  BUSY,
  type Inbox,
  type InboxHandler,
  type LostAnswer,
  postToResponseUrl,
  responseUrlOf,
  TRY_AGAIN,
  WENT_WRONG,
  type WorkSteps,
} from "./inbox-contract.ts";
import { updateRequestMessage } from "./request-poster.ts";
import { afterAck, type SlackDeps } from "./session.ts";

export { ANSWER_LEASE_MS, RECEIVE_LEASE_MS } from "../services/slack-inbox.ts";

/** Every replica says it is alive this often; one silent for 3 s is taken for dead (src/services/slack-inbox.ts). */
const HEARTBEAT_EVERY_MS = 500;
/** A request that could not be carried out for this long is given up: the user is told to try again. */
export const GIVE_UP_AFTER_MS = 120_000;
/**
 * How long the write before the ack may take: Slack waits 3 s for the ack, and "try again" must
 * reach the user inside that. A write that lands later is cancelled (the user was told to try again).
 */
export const RECEIVE_DEADLINE_MS = 2_000;
/** How often every replica looks for requests whose lease ran out. */
const SWEEP_EVERY_MS = 1_000;

/**
 * Requests one replica holds (written down, waiting for a worker or being worked on) before it
 * turns new ones away with BUSY: past this it would only ack work it cannot start for seconds,
 * and an overloaded replica that keeps taking work answers nothing in time (Slack's retries make
 * it worse). The balancer's other replicas, or a retry a moment later, take them instead.
 */
export const MAX_HELD = 64;
/** Another replica took the request over (its lease ran out): this one leaves it. */
class NotOurs extends Error {}

interface Claimed {
  key: string;
  kind: string;
  payload: unknown;
  token: string;
  state: string;
  answer: unknown;
  answering?: boolean;
  receivedAt: Date;
}

export function createInbox(deps: SlackDeps, client: SlackClient, opts: { maxHeld?: number } = {}): Inbox {
  const maxHeld = opts.maxHeld ?? MAX_HELD;
  const { svc, logger } = deps;
  const handlers = new Map<string, InboxHandler>();
  /** This process, as the other replicas know it. */
  const replica = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Requests this process holds (waiting for a worker or being worked on): its sweeps leave them alone. */
  const holding = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  let lastPrune = 0;

  const mark = (key: string, token: string, state: "answered" | "failed") => closeRequest(svc, key, token, state);

  /**
   * Requests answered, to be closed: in one statement on the next heartbeat (twice a second), not
   * one commit each. Kept while the database is away. Left unclosed (this replica died first), a
   * request is taken over once its answer lease ran out, and not answered again: it was marked as
   * answering when it was done.
   */
  const answered = new Map<string, string>();
  /** Stopping: what is answered from now on is closed at once (the last flush has run). */
  let stopping = false;
  const markAnswered = (key: string, token: string) => {
    if (!stopping) {
      answered.set(key, token);
      return;
    }
    void mark(key, token, "answered").catch((e) => logger.warn({ err: e, key }, "could not close an answered request"));
  };

  /**
   * Retries `step` while the database is unavailable, for as long as the answer lease leaves time
   * (a failover right after the work committed).
   */
  const untilLeaseEnds = async (step: () => Promise<unknown>) => {
    const until = Date.now() + ANSWER_LEASE_MS - 5_000;
    for (let wait = 250; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        await step();
        return;
      } catch (e) {
        if (!isRetryable(e) || Date.now() + wait > until) throw e;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  const closeAnswered = async () => {
    if (answered.size === 0) return;
    // In statements of at most 500 (after the database was away, the backlog may be long).
    const all = [...answered].map(([key, token]) => ({ key, token }));
    for (let i = 0; i < all.length; i += 500) {
      const claims = all.slice(i, i + 500);
      await closeRequests(svc, claims, "answered");
      for (const c of claims) if (answered.get(c.key) === c.token) answered.delete(c.key);
    }
  };

  /** Tells the user and closes the request (it was not carried out). */
  const fail = async (item: Claimed, text: string) => {
    const url = responseUrlOf(item.payload);
    if (url) {
      await postToResponseUrl(url, { response_type: "ephemeral", replace_original: false, text }).catch((e) =>
        logger.warn({ err: e }, "could not tell the user a request failed"),
      );
    }
    await mark(item.key, item.token, "failed");
  };

  const work = async (item: Claimed): Promise<void> => {
    try {
      await workOn(item);
    } finally {
      holding.delete(item.key);
    }
  };

  const workOn = async (item: Claimed): Promise<void> => {
    const handler = handlers.get(item.kind);
    if (!handler) {
      logger.error({ kind: item.kind }, "no handler for a received Slack request");
      await fail(item, WENT_WRONG);
      return;
    }
    let decided = false;
    /** The saved answer is marked as going out (a post that fails clears the mark). */
    let answering = false;
    /** The saved answer is to be marked just before the first post. */
    let markOnPost = false;
    const steps: WorkSteps = {
      decide: async (fn, lost, answersAtOnce) => {
        const pending: CountChange[] = [];
        const events = new ChangeEvents();
        events.onCountChange((c) => {
          pending.push(c);
        });
        let markedInCommit = false;
        const result = await svc.db
          .transaction(async (tx) => {
            const r = await fn({ ...svc, db: tx as unknown as Db, events });
            const saved = lost(r);
            const atOnce = saved.message !== null && (answersAtOnce?.(r) ?? true);
            // Still ours and not done: else another replica took the request over (this replica was
            // taken for dead) and this work is rolled back. A replica doing it at the same time waits
            // here for this row and then finds it done.
            if (!(await markDone(tx, item.key, item.token, saved, atOnce))) throw new NotOurs();
            markedInCommit = atOnce;
            markOnPost = saved.message !== null && !atOnce;
            return r;
          })
          .catch((e: unknown) => {
            // The commit may have happened all the same (the connection was lost while committing):
            // then the answer marked as going out is not, so the mark is cleared and the saved answer
            // is sent once the lease runs out. Matches nothing if the commit did not happen.
            if (markedInCommit && !(e instanceof NotOurs)) {
              void untilLeaseEnds(() => markAnswering(svc, item.key, item.token, false)).catch((err) =>
                logger.warn({ err, key: item.key }, "could not clear the answer mark of an unsure commit"),
              );
            }
            throw e;
          });
        answering = markedInCommit;
        decided = true;
        for (const c of pending) svc.events.emitCountChange(c);
        return result;
      },
      post: async (url, message) => {
        if (markOnPost) {
          markOnPost = false;
          // Not recorded (the database is away): posted all the same; at worst sent twice.
          answering = await markAnswering(svc, item.key, item.token, true).catch((e) => {
            logger.debug({ err: e, key: item.key }, "could not record that an answer is going out");
            return false;
          });
        }
        try {
          await postToResponseUrl(url, message);
        } catch (e) {
          if (decided && answering) {
            // Not delivered: another replica sends the saved answer once the lease runs out.
            answering = false;
            await markAnswering(svc, item.key, item.token, false).catch(() => {});
          }
          throw e;
        }
      },
    };
    try {
      await handler(item.payload, steps);
      markAnswered(item.key, item.token);
    } catch (e) {
      if (e instanceof NotOurs) return;
      if (decided) {
        // Done, but the answer may not have gone out: another replica sends the saved one after the lease.
        logger.warn({ err: e, key: item.key }, "answering a Slack request failed; its answer is sent again later");
        return;
      }
      const age = Date.now() - item.receivedAt.getTime();
      if (isRetryable(e) && age < GIVE_UP_AFTER_MS) {
        // Nothing committed: the request stays queued and is taken up again once the database is back.
        logger.warn({ err: e, key: item.key }, "a Slack request could not be carried out now; it is retried");
        return;
      }
      logger.error({ err: e, key: item.key }, "a Slack request failed");
      await fail(item, isRetryable(e) ? TRY_AGAIN : WENT_WRONG).catch((err) =>
        logger.warn({ err, key: item.key }, "could not close a failed Slack request"),
      );
    }
  };

  /**
   * The answer saved with a request done by a replica that did not live to send it; not when that
   * replica had begun to post it (it may have arrived: two answers are worse than a rare lost one).
   */
  const resend = async (item: Claimed) => {
    const url = responseUrlOf(item.payload);
    const lost = item.answer as LostAnswer | null;
    if (item.answering) logger.warn({ key: item.key }, "a replica died while answering; its answer is not sent again");
    else if (url && lost?.message) {
      // Marked first, as any answer: if this replica dies from here on, it is not sent a third time.
      if (!(await markAnswering(svc, item.key, item.token, true))) return;
      try {
        await postToResponseUrl(url, { replace_original: false, ...lost.message });
      } catch (e) {
        await markAnswering(svc, item.key, item.token, false).catch(() => {});
        throw e;
      }
    }
    if (lost?.request) {
      const { accountId, id } = lost.request;
      await updateRequestMessage(svc, client, await getRequest(svc, accountId, id)).catch((e) =>
        logger.warn({ err: e, requestId: id }, "could not update a request message"),
      );
    }
    markAnswered(item.key, item.token);
  };

  const beat = async () => {
    await heartbeat(svc, replica);
    await closeAnswered().catch((e) =>
      logger.debug({ err: e }, "closing answered requests failed; the next heartbeat tries again"),
    );
  };

  const sweep = async () => {
    const token = randomUUID();
    const rows = await claimDue(svc, { replica, token, holding: [...holding] });
    for (const row of rows) {
      const item: Claimed = { ...row, token };
      holding.add(row.key);
      logger.info({ key: row.key, state: row.state }, "taking up a Slack request whose lease ran out");
      const take = row.state === "done" ? () => resend(item).finally(() => holding.delete(row.key)) : () => work(item);
      void afterAck(deps, take).catch((e) =>
        logger.warn({ err: e, key: row.key }, "taking up a Slack request failed; tried again later"),
      );
    }
    if (Date.now() - lastPrune > 60_000) {
      lastPrune = Date.now();
      await pruneInbox(svc);
    }
  };

  return {
    async receive(key, kind, payload, opts = {}) {
      if (holding.size >= maxHeld) {
        // A retry of a request already written down was accepted: it is acked, not turned away.
        if (opts.retry && (await isWrittenDown(svc, key).catch(() => false)))
          return { ok: true, fresh: false, token: "" };
        logger.debug({ key }, "busy: a Slack request is turned away");
        return { ok: false, error: new Error(`this replica holds ${holding.size} requests`), message: BUSY };
      }
      const token = randomUUID();
      const write = (async () => {
        const row = { key, kind, payload, token, replica };
        // A connection found lost (the server restarted or failed over since this replica last
        // wrote down a request) is replaced: tried once more, within the deadline. If the first
        // write did commit, the second finds it as its own (same token) and it is worked on as usual.
        const fresh = await writeDown(svc, row).catch((e: unknown) => {
          if (isConnectionLost(e)) return writeDown(svc, row, { again: true });
          throw e;
        });
        if (fresh) holding.add(key);
        return { ok: true as const, fresh, token };
      })();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), RECEIVE_DEADLINE_MS);
      });
      try {
        const first = await Promise.race([write, late]);
        if (first !== "late") return first;
        // Too slow for Slack's 3 s: the user is told to try again, so a write that lands later is not carried out.
        void write
          .then(async (r) => {
            if (!r.fresh) return;
            await mark(key, token, "failed");
            holding.delete(key);
          })
          .catch(() => {});
        logger.warn(
          { key },
          `writing a Slack request down took more than ${RECEIVE_DEADLINE_MS} ms; the user is told to try again`,
        );
        return {
          ok: false,
          error: new Error(`writing the request down took more than ${RECEIVE_DEADLINE_MS} ms`),
          message: BUSY,
        };
      } catch (error) {
        logger.warn({ err: error, key }, "a Slack request could not be written down; the user is told to try again");
        return { ok: false, error, message: TRY_AGAIN };
      } finally {
        clearTimeout(timer);
      }
    },
    async run(received) {
      await work({ ...received, state: "queued", answer: null, receivedAt: new Date() });
    },
    handle(kind, handler) {
      handlers.set(kind, handler);
    },
    start() {
      if (timer) return;
      let lastSweep = 0;
      timer = setInterval(() => {
        if (sweeping) return;
        const due = Date.now() - lastSweep >= SWEEP_EVERY_MS;
        if (due) lastSweep = Date.now();
        sweeping = (due ? beat().then(sweep) : beat())
          .catch((e) =>
            isRetryable(e)
              ? logger.debug({ err: e }, "inbox heartbeat or sweep failed; the next one tries again")
              : logger.error({ err: e }, "inbox heartbeat or sweep failed"),
          )
          .finally(() => {
            sweeping = null;
          });
      }, HEARTBEAT_EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await sweeping;
      stopping = true;
      await closeAnswered().catch((e) => logger.warn({ err: e }, "could not close the requests answered last"));
      // Stopping: what this replica still holds is taken over by the others at once.
      await forgetReplica(svc, replica).catch(() => {});
    },
  };
}
