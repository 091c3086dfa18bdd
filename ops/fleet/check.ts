// After the run: the load generator's log against the database and what the fake Slack received.
// Every acked change is in the database exactly once, no approval ran twice, every command got
// exactly one answer (or its ack said "try again"), alerts and rollovers happened once across the
// fleet, the counters equal a recount.
import postgres from "postgres";
import type { Op } from "./load.ts";
import type { SeededTeam } from "./seed.ts";

export interface SlackDump {
  responses: { id: string; body: Record<string, unknown>; at: number }[];
  calls: { method: string; body: Record<string, unknown> }[];
}

export interface Finding {
  what: string;
  count: number;
  /** Must be 0 for the run to pass. */
  mustBeZero: boolean;
  examples: string[];
}

export interface CheckResult {
  totals: {
    ops: number;
    acked: number;
    ackedTryAgain: number;
    ackedBusy: number;
    notAcked: number;
    notAckedButDone: number;
    retried: number;
    clicks: number;
    bulkRequests: number;
    approvals: number;
  };
  findings: Finding[];
  alerts: { kind: string; sent: number; posts: number }[];
  rollovers: { accountId: number; instant: string; changed: number }[];
  inboxLeft: Record<string, number>;
  /** Requests acked by the replica that was killed and carried out by another. */
  takenOver: number;
  passed: boolean;
}

const TEXT_OF = (b: Record<string, unknown>) => (typeof b.text === "string" ? b.text : "");

export async function checkRun(dbUrl: string, teams: SeededTeam[], ops: Op[], slack: SlackDump): Promise<CheckResult> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const accountOf = new Map(teams.map((t) => [t.teamId, t.accountId]));
    const answers = new Map<string, string[]>();
    for (const r of slack.responses) answers.set(r.id, [...(answers.get(r.id) ?? []), TEXT_OF(r.body)]);

    // Audit rows per contact and kind (set commands, intake), and each contact's status now.
    const audits = new Map<string, number>();
    for (const r of await sql<{ account_id: string; email: string; kind: string; n: number }[]>`
      with x as (
        select a.account_id, a.kind, unnest(a.contact_ids) as contact_id from audit_events a
        where a.kind in ('status.made-marketing', 'status.flagged-pending', 'contact.created')
          and a.actor not like 'system%' and (a.detail is null or a.detail->>'requestId' is null)
      )
      select x.account_id, c.email, x.kind, count(*)::int as n from x join contacts c on c.id = x.contact_id
      where c.email like 'sm-%' or c.email like 'sn-%' or c.email like 'intake-%'
      group by x.account_id, c.email, x.kind`) {
      audits.set(`${r.account_id}:${r.email}:${r.kind}`, r.n);
    }
    const status = new Map<string, { marketing: boolean; pending: boolean }>();
    for (const r of await sql<{ account_id: string; email: string; marketing: boolean; pending: boolean }[]>`
      select c.account_id, c.email, s.marketing, s.pending_since is not null as pending
      from contacts c join contact_status s on s.contact_id = c.id
      where c.email like 'sm-%' or c.email like 'sn-%' or c.email like 'intake-%'`) {
      status.set(`${r.account_id}:${r.email}`, { marketing: r.marketing, pending: r.pending });
    }
    const requests = new Map<string, { id: string; status: string }[]>();
    const requestById = new Map<string, { status: string; account: string }>();
    for (const r of await sql<{ id: string; account_id: string; selector: string; status: string }[]>`
      select id, account_id, selector, status from bulk_requests`) {
      const key = `${r.account_id}:${r.selector}`;
      requests.set(key, [...(requests.get(key) ?? []), { id: r.id, status: r.status }]);
      requestById.set(r.id, { status: r.status, account: r.account_id });
    }
    const decisions = new Map<string, { approved: number; flagged: number }>();
    for (const r of await sql<{ id: string; kind: string; n: number }[]>`
      select detail->>'requestId' as id, kind, count(*)::int as n from audit_events
      where kind in ('request.approved', 'status.flagged-pending') and detail->>'requestId' is not null
      group by 1, 2`) {
      const d = decisions.get(r.id) ?? { approved: 0, flagged: 0 };
      if (r.kind === "request.approved") d.approved = r.n;
      else d.flagged = r.n;
      decisions.set(r.id, d);
    }

    const findings = new Map<string, Finding>();
    const find = (what: string, mustBeZero: boolean, example?: string) => {
      const f = findings.get(what) ?? { what, count: 0, mustBeZero, examples: [] };
      if (example !== undefined) {
        f.count++;
        if (f.examples.length < 5) f.examples.push(example);
      }
      findings.set(what, f);
    };
    // Every check is listed, found or not.
    const LOST = "acked changes not in the database (requests lost)";
    const DOUBLE = "changes carried out more than once";
    const NO_ANSWER = "acked commands without an answer";
    const TWO_ANSWERS = "commands answered more than once";
    const TRY_AGAIN_DONE = "commands told 'try again' that were carried out anyway";
    const DOUBLE_APPROVAL = "requests approved more than once";
    const UNAPPROVED = "bulk requests clicked (acked) but not executed";
    const CLICK_ANSWERS = "double clicks not answered as one decision and one 'already decided'";
    for (const [w, z] of [
      [LOST, true],
      [DOUBLE, true],
      [NO_ANSWER, true],
      [TWO_ANSWERS, true],
      [TRY_AGAIN_DONE, true],
      [DOUBLE_APPROVAL, true],
      [UNAPPROVED, true],
      [CLICK_ANSWERS, true],
    ] as const)
      find(w, z);

    let notAckedButDone = 0;
    let approvals = 0;
    const clicksByRequest = new Map<string, Op[]>();
    for (const op of ops) {
      const account = accountOf.get(op.teamId);
      const acked = op.acked && !op.acked.tryAgain;
      const tryAgain = op.acked?.tryAgain ?? false;
      const said = answers.get(op.id) ?? [];
      const label = `${op.kind} ${op.text ?? op.email ?? op.requestId ?? ""} (${op.teamId})`;
      if (op.kind === "approve") {
        if (op.requestId) clicksByRequest.set(op.requestId, [...(clicksByRequest.get(op.requestId) ?? []), op]);
        continue;
      }
      // Answers: one per carried-out command, none after a "try again" ack.
      if (op.kind !== "intake") {
        if (acked && said.length === 0) find(NO_ANSWER, true, label);
        if (said.length > 1) find(TWO_ANSWERS, true, `${label}: ${said.length} answers`);
        if (tryAgain && said.length > 0) find(TRY_AGAIN_DONE, true, `${label}: answered "${said[0]?.slice(0, 60)}"`);
      }
      let done: number | null = null;
      if (op.kind === "set-marketing" || op.kind === "set-non-marketing" || op.kind === "intake") {
        const kind =
          op.kind === "set-marketing"
            ? "status.made-marketing"
            : op.kind === "set-non-marketing"
              ? "status.flagged-pending"
              : "contact.created";
        done = audits.get(`${account}:${op.email}:${kind}`) ?? 0;
        const now = status.get(`${account}:${op.email}`);
        const applied =
          op.kind === "set-marketing"
            ? now?.marketing === true
            : op.kind === "set-non-marketing"
              ? now?.pending === true
              : now !== undefined;
        if (acked && (done === 0 || !applied)) find(LOST, true, `${label}: ${done} audit rows, applied ${applied}`);
      }
      if (op.kind === "bulk") {
        const made = requests.get(`${account}:list "${op.list}"`) ?? [];
        done = made.length;
        if (acked && done === 0) find(LOST, true, `${label}: no request`);
      }
      if (done !== null) {
        if (done > 1) find(DOUBLE, true, `${label}: ${done} times`);
        if (tryAgain && done > 0) find(TRY_AGAIN_DONE, true, `${label}: carried out`);
        if (!op.acked && done > 0) notAckedButDone++;
      }
    }
    for (const [requestId, clicks] of clicksByRequest) {
      const d = decisions.get(requestId) ?? { approved: 0, flagged: 0 };
      approvals += d.approved;
      if (d.approved > 1 || d.flagged > 1) find(DOUBLE_APPROVAL, true, `${requestId}: approved ${d.approved}×`);
      // A click's "busy" or "try again" comes through its response_url (a click's ack carries no text).
      const turnedAway = (c: Op) => (answers.get(c.id) ?? []).some((t) => /nothing was changed\. Try again/.test(t));
      const ackedClicks = clicks.filter((c) => c.acked && !c.acked.tryAgain && !turnedAway(c));
      const request = requestById.get(requestId);
      if (ackedClicks.length > 0 && request?.status !== "executed")
        find(UNAPPROVED, true, `${requestId}: ${request?.status ?? "missing"}`);
      const told = ackedClicks.flatMap((c) => answers.get(c.id) ?? []);
      const already = told.filter((t) => /already decided/.test(t)).length;
      if (ackedClicks.length > 0 && (already !== ackedClicks.length - 1 || told.length !== already))
        find(CLICK_ANSWERS, true, `${requestId}: ${ackedClicks.length} clicks acked, answers ${JSON.stringify(told)}`);
    }

    // Counters against a recount, per account.
    const COUNTERS = "accounts whose marketing/pending/total counters differ from a recount";
    find(COUNTERS, true);
    for (const r of await sql<{ id: string; m: number; p: number; t: number; rm: number; rp: number; rt: number }[]>`
      select a.id, a.marketing_count as m, a.pending_count as p, a.total_count as t,
        (select count(*) filter (where s.marketing) from contact_status s where s.account_id = a.id)::int as rm,
        (select count(*) filter (where s.pending_since is not null) from contact_status s where s.account_id = a.id)::int as rp,
        (select count(*) from contacts c where c.account_id = a.id)::int as rt
      from accounts a`) {
      if (r.m !== r.rm || r.p !== r.rp || r.t !== r.rt)
        find(COUNTERS, true, `account ${r.id}: ${r.m}/${r.p}/${r.t} kept, ${r.rm}/${r.rp}/${r.rt} counted`);
    }

    // Alerts, reminders and summaries: each queued once (unique keys), each sent once.
    const DOUBLE_ALERT = "alerts, reminders or summaries posted more than once";
    const UNSENT = "alerts, reminders or summaries still unsent after the run";
    find(DOUBLE_ALERT, true);
    find(UNSENT, true);
    const posts = new Map<string, number>();
    for (const c of slack.calls) {
      if (c.method !== "chat.postMessage") continue;
      const k = `${String(c.body.channel)}\u0000${TEXT_OF(c.body)}`;
      posts.set(k, (posts.get(k) ?? 0) + 1);
    }
    const alertKinds = new Map<string, { sent: number; posts: number }>();
    for (const n of await sql<
      { key: string; kind: string; channel: string | null; user_id: string | null; text: string; sent: boolean }[]
    >`select key, kind, channel, user_id, text, sent_at is not null as sent from notifications
      where channel is not null or user_id is not null`) {
      const where = n.channel ?? `D${n.user_id}`;
      const count = posts.get(`${where}\u0000${n.text}`) ?? 0;
      const k = alertKinds.get(n.kind) ?? { sent: 0, posts: 0 };
      k.sent += n.sent ? 1 : 0;
      k.posts += count;
      alertKinds.set(n.kind, k);
      if (count > 1) find(DOUBLE_ALERT, true, `${n.key}: posted ${count}×`);
      if (!n.sent) find(UNSENT, true, n.key);
    }
    const rollovers = (
      await sql<{ account_id: string; instant: Date; changed: number }[]>`
        select account_id, instant, changed from update_runs order by account_id, instant`
    ).map((r) => ({ accountId: Number(r.account_id), instant: r.instant.toISOString(), changed: r.changed }));
    const DOUBLE_ROLLOVER = "update dates processed more than once";
    find(DOUBLE_ROLLOVER, true);
    for (const r of await sql<{ account_id: string; effective_at: Date; n: number }[]>`
      select account_id, effective_at, count(*)::int as n from audit_events
      where kind = 'status.became-non-marketing' group by 1, 2 having count(*) > 1`) {
      find(DOUBLE_ROLLOVER, true, `account ${r.account_id} at ${r.effective_at.toISOString()}: ${r.n}×`);
    }

    const inboxLeft: Record<string, number> = {};
    for (const r of await sql<{ state: string; n: number }[]>`
      select state, count(*)::int as n from slack_inbox group by state`) {
      inboxLeft[r.state] = r.n;
    }
    const INBOX_OPEN = "Slack requests left unfinished in the inbox";
    find(INBOX_OPEN, true);
    const open = (inboxLeft.queued ?? 0) + (inboxLeft.done ?? 0);
    for (let i = 0; i < open; i++) find(INBOX_OPEN, true, "queued or done, not answered");

    const [taken] = await sql<{ n: number }[]>`select count(*)::int as n from slack_inbox where attempts > 0`;
    const list = [...findings.values()];
    const acked = ops.filter((o) => o.acked && !o.acked.tryAgain).length;
    const ackedTryAgain = ops.filter((o) => o.acked?.tryAgain).length;
    return {
      totals: {
        ops: ops.length,
        acked,
        ackedTryAgain,
        ackedBusy: ops.filter((o) => o.acked?.busy).length,
        notAcked: ops.filter((o) => !o.acked).length,
        notAckedButDone,
        retried: ops.filter((o) => o.attempts.length > 1).length,
        clicks: ops.filter((o) => o.kind === "approve").length,
        bulkRequests: requestById.size,
        approvals,
      },
      findings: list,
      alerts: [...alertKinds].map(([kind, v]) => ({ kind, ...v })),
      rollovers,
      inboxLeft,
      takenOver: taken?.n ?? 0,
      passed: list.every((f) => !f.mustBeZero || f.count === 0),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
