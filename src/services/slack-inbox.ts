// The durable Slack inbox's rows (issue 14; the Slack side is src/slack/inbox.ts): a delivery is
// written down before it is acked, claimed under a lease in database time, marked done in the
// transaction of its effect, and closed once answered. Replicas say they are alive in
// replica_heartbeats, so a dead one's claims are taken over.
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../db/client.ts";
import { replicaHeartbeats, slackInbox } from "../db/schema.ts";
import type { Services } from "./context.ts";

/** How long the replica that received a request has it before another may take it up, if it died. */
export const RECEIVE_LEASE_MS = 3_000;
/** How long a replica that carried a request out has to answer it before another sends the answer again, if it died. */
export const ANSWER_LEASE_MS = 30_000;
/** A replica silent for this long is taken for dead. */
const DEAD_AFTER_MS = 3_000;
/** A claim this long past its lease is taken over even from a replica that still beats (it is stuck). */
const STUCK_AFTER_MS = 60_000;

const leaseSql = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;

/** A request claimed by a sweep. */
export interface DueRequest {
  key: string;
  kind: string;
  payload: unknown;
  state: string;
  answer: unknown;
  /** The replica that did the work began to post its answer: it may have reached Slack. */
  answering: boolean;
  receivedAt: Date;
}

/**
 * Writes a delivery down, claimed by `replica` with `token`; false when it was written down before.
 * `again`: a second try after the first lost its connection; a row the first try did commit (with
 * this token) counts as written now, not before.
 */
export async function writeDown(
  svc: Services,
  row: { key: string; kind: string; payload: unknown; token: string; replica: string },
  opts: { again?: boolean } = {},
): Promise<boolean> {
  // On connections of their own: the ack waits for this, never for work holding the others.
  const insert = (svc.receiveDb ?? svc.db).insert(slackInbox).values({
    key: row.key,
    kind: row.kind,
    payload: row.payload,
    claimedUntil: leaseSql(RECEIVE_LEASE_MS),
    claimToken: row.token,
    claimedBy: row.replica,
  });
  const rows = await (opts.again
    ? // Only on the second try: it locks the row it meets (a retry from Slack must not wait for the work).
      insert.onConflictDoUpdate({
        target: slackInbox.key,
        set: { key: sql`excluded.key` },
        setWhere: sql`${slackInbox.claimToken} = excluded.claim_token`,
      })
    : insert.onConflictDoNothing()
  ).returning({ key: slackInbox.key });
  return rows.length > 0;
}

/** Whether a delivery was written down already. */
export async function isWrittenDown(svc: Services, key: string): Promise<boolean> {
  const rows = await (svc.receiveDb ?? svc.db)
    .select({ key: slackInbox.key })
    .from(slackInbox)
    .where(eq(slackInbox.key, key));
  return rows.length > 0;
}

/** Closes a request the claim `token` still holds: answered, or failed (the user was told). */
export async function closeRequest(
  svc: Services,
  key: string,
  token: string,
  state: "answered" | "failed",
): Promise<void> {
  await closeRequests(svc, [{ key, token }], state);
}

/** Closes, in one statement, the requests whose claims the tokens still hold. */
export async function closeRequests(
  svc: Services,
  claims: readonly { key: string; token: string }[],
  state: "answered" | "failed",
): Promise<void> {
  if (claims.length === 0) return;
  const pairs = sql.join(
    claims.map((c) => sql`(${c.key}, ${c.token})`),
    sql`, `,
  );
  await rowsOf(
    svc.db,
    sql`update slack_inbox set state = ${state}, answered_at = now() where (key, claim_token) in (${pairs})`,
  );
}

/**
 * Marks a queued request done, in the transaction `ex` of its effect, with the answer to send if
 * its replica dies before answering. `answering`: that replica posts the answer next, so a replica
 * taking the request over does not send it again (it may have arrived; Slack cannot be asked); else
 * it is marked with `markAnswering` just before the post.
 * False when the claim is no longer `token`'s or the request is not queued (another replica took
 * it over): the caller rolls its work back.
 */
export async function markDone(
  ex: Executor,
  key: string,
  token: string,
  answer: unknown,
  answering: boolean,
): Promise<boolean> {
  const [ours] = await ex
    .update(slackInbox)
    .set({
      state: "done",
      doneAt: sql`now()`,
      answer,
      claimedUntil: leaseSql(ANSWER_LEASE_MS),
      answeringAt: answering ? sql`now()` : null,
    })
    .where(and(eq(slackInbox.key, key), eq(slackInbox.claimToken, token), eq(slackInbox.state, "queued")))
    .returning({ key: slackInbox.key });
  return ours !== undefined;
}

/**
 * The answer of a done request is about to be posted (`on`), or its post failed (`off`): a request
 * taken over with the mark set is not answered again. False when the claim is no longer `token`'s.
 */
export async function markAnswering(svc: Services, key: string, token: string, on: boolean): Promise<boolean> {
  const rows = await svc.db
    .update(slackInbox)
    .set({ answeringAt: on ? sql`now()` : null })
    .where(and(eq(slackInbox.key, key), eq(slackInbox.claimToken, token), eq(slackInbox.state, "done")))
    .returning({ key: slackInbox.key });
  return rows.length > 0;
}

/**
 * `replica` is alive now. Committed without waiting for the disk or the standby: a heartbeat lost
 * in a crash or a failover is only a beat missed, and every replica sends two a second.
 */
export async function heartbeat(svc: Services, replica: string): Promise<void> {
  // On the receiving connections: work holding every other connection must not make this replica
  // look dead to the others.
  await rowsOf(
    svc.receiveDb ?? svc.db,
    sql`insert into replica_heartbeats (id)
        select ${replica} from (select set_config('synchronous_commit', 'off', true)) as async_commit
        on conflict (id) do update set seen_at = now()`,
  );
}

/** `replica` is stopping: what it still holds is taken over by the others at once. */
export async function forgetReplica(svc: Services, replica: string): Promise<void> {
  await svc.db.delete(replicaHeartbeats).where(eq(replicaHeartbeats.id, replica));
}

/**
 * Claims, for `replica` with `token`, requests whose lease ran out: the due rows are picked once (a
 * CTE), locked, and skipped while another replica works on them; a claim whose lease ran out is
 * taken over once its replica stopped beating (or is stuck), or when it is this replica's own and
 * this replica let it go (not in `holding`: the database was away meanwhile).
 */
export async function claimDue(
  svc: Services,
  claim: { replica: string; token: string; holding: string[] },
): Promise<DueRequest[]> {
  const { replica, token, holding } = claim;
  const rows = await rowsOf<
    Omit<DueRequest, "receivedAt" | "answering"> & { received_at: string | Date; answering: boolean }
  >(
    svc.db,
    sql`with due as (
          select i.key from slack_inbox i left join replica_heartbeats h on h.id = i.claimed_by
          where i.state in ('queued', 'done') and i.claimed_until < now()
            and (h.seen_at is null or h.seen_at < now() - ${`${DEAD_AFTER_MS} milliseconds`}::interval
                 or i.claimed_until < now() - ${`${STUCK_AFTER_MS} milliseconds`}::interval
                 or (i.claimed_by = ${replica} and not jsonb_exists(${JSON.stringify(holding)}::jsonb, i.key)))
          order by i.received_at limit 20
          for update of i skip locked
        )
        update slack_inbox i set
          claim_token = ${token},
          claimed_by = ${replica},
          claimed_until = case when i.state = 'queued' then ${leaseSql(RECEIVE_LEASE_MS)} else ${leaseSql(ANSWER_LEASE_MS)} end,
          attempts = i.attempts + 1
        from due where i.key = due.key
        returning i.key, i.kind, i.payload, i.state, i.answer, i.answering_at is not null as answering, i.received_at`,
  );
  return rows.map(({ received_at, ...row }) => ({ ...row, receivedAt: new Date(received_at) }));
}

/** Forgets requests answered or failed more than a day ago. */
export async function pruneInbox(svc: Services): Promise<void> {
  await svc.db
    .delete(slackInbox)
    .where(
      and(inArray(slackInbox.state, ["answered", "failed"]), lt(slackInbox.receivedAt, sql`now() - interval '1 day'`)),
    );
}
