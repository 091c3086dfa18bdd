// What the Slack listeners and the inbox agree on (src/slack/inbox.ts): the work a handler does
// in two steps, what is saved to answer with if its replica dies, and what a user is told when a
// request cannot be taken.
import type { Services } from "../services/context.ts";

export const TRY_AGAIN =
  ":warning: tierkeeper can't reach its database right now, so nothing was changed. Try again in a moment.";
export const BUSY =
  ":hourglass_flowing_sand: tierkeeper is busy right now, so nothing was changed. Try again in a moment.";
export const WENT_WRONG =
  ":warning: Something went wrong on our side while answering that. Nothing was changed by this message; try again in a moment.";

export type InboxKind = "command" | "action";

/** What is sent when the replica that did the work died before answering. */
export interface LostAnswer {
  /** A response_url message (text, blocks, response_type). */
  message: Record<string, unknown> | null;
  /** A bulk request the work decided: its message in the approvals channel is updated. */
  request?: { accountId: number; id: string };
}

export interface WorkSteps {
  /**
   * Runs `fn` in the transaction that marks the request done, with services bound to that
   * transaction: its effect commits with the mark, once. `lost` is the answer to send if this
   * replica dies before answering. Count changes are published after the commit.
   *
   * The saved answer is marked as going out in the same commit: the handler posts it next. When it
   * does other work first (`answersAtOnce` false: posting a request to the approvals channel, say),
   * the mark is recorded just before the first post instead, so dying before it still gets the
   * saved answer sent.
   */
  decide<T>(
    fn: (svc: Services) => Promise<T>,
    lost: (result: T) => LostAnswer,
    answersAtOnce?: (result: T) => boolean,
  ): Promise<T>;
  /**
   * Posts to the request's response_url. Once the answer is marked as going out, this replica
   * dying does not get it sent again (it may have arrived; Slack cannot be asked). A post that
   * fails clears the mark, so it is.
   */
  post(url: string, message: Record<string, unknown>): Promise<void>;
}

/** Carries out one request of its kind: `decide` once, then answer (Slack calls after the commit). */
export type InboxHandler = (payload: unknown, steps: WorkSteps) => Promise<void>;

/** `ok: false`: the request was not written down; `message` is the ack to answer with (BUSY or TRY_AGAIN). */
export type Received = { ok: true; fresh: boolean; token: string } | { ok: false; error: unknown; message: string };

export interface Inbox {
  /**
   * Writes a delivery down before the ack. `fresh: false`: it was received before (a retry), and
   * is or was worked on already. `ok: false`: the database can't take it; ack with TRY_AGAIN.
   */
  receive(key: string, kind: InboxKind, payload: unknown, opts?: { retry?: boolean }): Promise<Received>;
  /** Works on a request this replica received (after the ack), with the token `receive` gave. */
  run(received: { key: string; kind: InboxKind; payload: unknown; token: string }): Promise<void>;
  handle(kind: InboxKind, handler: InboxHandler): void;
  /** Every second: requests whose lease ran out are taken up, lost answers sent again. */
  start(): void;
  stop(): Promise<void>;
}

/** Posts a message to a response_url (one try, 10 s). */
export async function postToResponseUrl(url: string, message: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

export const responseUrlOf = (payload: unknown): string | null => {
  const url = (payload as { response_url?: unknown } | null)?.response_url;
  return typeof url === "string" && url.length > 0 ? url : null;
};
