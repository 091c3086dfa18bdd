// The load generator: signed slash commands, button clicks and intake posts at a fixed rate
// (open loop: a slow answer does not slow the sending), Slack's retry behaviour (a request not acked
// within 3 s is sent again with x-slack-retry-num), and its own log of what was sent, acked and
// expected, which the run checks the database and the answers against.
import { Agent, request } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { APPROVE_ACTION } from "../../src/commands/requests-view.ts";
import { BUSY, TRY_AGAIN } from "../../src/slack/inbox-contract.ts";
import {
  blockActionPayload,
  interactivityBody,
  newId,
  signatureHeaders,
  slashCommandBody,
} from "../../test/helpers/slack-sign.ts";
import { ADMIN, LISTS, MEMBERS, POOL, type SeededTeam } from "./seed.ts";

export type OpKind = "tier" | "status" | "set-marketing" | "set-non-marketing" | "bulk" | "approve" | "intake";

export interface Attempt {
  retryNum: number;
  /** ms since the load started */
  sentAt: number;
  ms: number;
  status: number | null;
  error?: string;
}

export interface Op {
  id: string;
  kind: OpKind;
  teamId: string;
  userId: string;
  /** ms since the load started, as planned */
  plannedAt: number;
  text?: string;
  /** The contact a set command or an intake post changes. */
  email?: string;
  /** The list a bulk command asks for. */
  list?: string;
  /** For a click: the request it approves and the command that made it. */
  requestId?: string;
  clickOf?: string;
  triggerId: string;
  attempts: Attempt[];
  /** The first 200 (2xx for intake): when, how long it took, whether the ack said "try again". */
  acked?: { at: number; ms: number; retryNum: number; tryAgain: boolean; busy?: boolean };
}

/** Requests per second by kind (before clicks, which follow the bulk requests: two per request). */
const MIX: [OpKind, number][] = [
  ["tier", 0.2],
  ["status", 0.2],
  ["set-marketing", 0.16],
  ["set-non-marketing", 0.16],
  ["bulk", 0.03],
  ["intake", 0.19],
];
/** Share of all requests that are clicks (two per bulk request). */
const CLICK_SHARE = 0.06;

const ACK_WINDOW_MS = 3000;
/** An ack that tells the user nothing was done: the database is away (TRY_AGAIN) or the replica is busy (BUSY). */
const TRY_AGAIN_ACK = new RegExp(
  [TRY_AGAIN, BUSY]
    .map((t) => t.slice(t.indexOf(" ") + 1, t.indexOf(",")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
);
const MAX_RETRIES = 3;

export interface LoadOptions {
  /** http://127.0.0.1:<haproxy port> */
  base: string;
  /** The fake Slack's response_url prefix: + an id. */
  responseBase: string;
  teams: SeededTeam[];
  rate: number;
  seconds: number;
  /** Called at `at` ms after the start (faults); the load goes on meanwhile. */
  events: { at: number; name: string; run: () => Promise<void> }[];
}

export interface LoadResult {
  ops: Op[];
  /** Faults: when each started and ended (ms since the load started). */
  events: { name: string; at: number; done: number; error?: string }[];
  /** Wall-clock time of the start. */
  startedAt: number;
  /** The generator's own event-loop delay (a busy generator would inflate the latencies it measures). */
  loopDelayP99Ms: number;
}

/** A small deterministic PRNG (mulberry32): the same mix every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class LoadGenerator {
  readonly ops: Op[] = [];
  private readonly byResponseId = new Map<string, Op>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private t0 = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly used = new Map<string, { sm: number; sn: number; list: number }>();

  constructor(private readonly o: LoadOptions) {}

  private now(): number {
    return performance.now() - this.t0;
  }

  /** The fake Slack saw an answer naming a bulk request: an admin clicks Approve on it, twice. */
  requestAnnounced(responseId: string, requestId: string): void {
    const origin = this.byResponseId.get(responseId);
    if (origin?.kind !== "bulk" || origin.requestId) return;
    origin.requestId = requestId;
    for (const delay of [40, 90]) {
      const click: Op = {
        id: newId("click"),
        kind: "approve",
        teamId: origin.teamId,
        userId: ADMIN,
        plannedAt: this.now() + delay,
        requestId,
        clickOf: origin.id,
        triggerId: `${Date.now()}.${newId("")}`,
        attempts: [],
      };
      this.track(click);
      setTimeout(() => this.launch(click), delay);
    }
  }

  async run(): Promise<LoadResult> {
    const { rate, seconds } = this.o;
    const baseRate = rate * (1 - CLICK_SHARE);
    const total = Math.round(baseRate * seconds);
    const random = prng(14);
    const plan: Op[] = [];
    for (let i = 0; i < total; i++) {
      const team = this.o.teams[i % this.o.teams.length] as SeededTeam;
      plan.push(this.makeOp(this.pick(random()), team, (i * 1000) / baseRate, random));
    }
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const startedAt = Date.now();
    this.t0 = performance.now();
    const events = this.o.events.filter((e) => e.at < seconds * 1000).map((e) => this.runEvent(e));
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const t = this.now();
        while (next < plan.length && (plan[next] as Op).plannedAt <= t) this.launch(plan[next++] as Op);
        if (next >= plan.length) resolve();
        else setTimeout(tick, 2);
      };
      tick();
    });
    // Retries and clicks still under way end within the retry window.
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await new Promise((r) => setTimeout(r, 500));
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    lag.disable();
    this.agent.destroy();
    return {
      ops: this.ops,
      events: await Promise.all(events),
      startedAt,
      loopDelayP99Ms: lag.percentile(99) / 1e6,
    };
  }

  private async runEvent(e: LoadOptions["events"][number]) {
    await new Promise((r) => setTimeout(r, Math.max(0, e.at - this.now())));
    const at = this.now();
    try {
      await e.run();
      return { name: e.name, at, done: this.now() };
    } catch (err) {
      return { name: e.name, at, done: this.now(), error: String((err as Error).message ?? err) };
    }
  }

  private pick(x: number): OpKind {
    const sum = MIX.reduce((s, [, w]) => s + w, 0);
    let acc = 0;
    for (const [kind, w] of MIX) {
      acc += w / sum;
      if (x < acc) return kind;
    }
    return "tier";
  }

  private makeOp(kind: OpKind, team: SeededTeam, plannedAt: number, random: () => number): Op {
    const used = this.used.get(team.teamId) ?? { sm: 0, sn: 0, list: 0 };
    this.used.set(team.teamId, used);
    const member = MEMBERS[Math.floor(random() * MEMBERS.length)] as string;
    const op: Op = {
      id: newId("op"),
      kind,
      teamId: team.teamId,
      userId: member,
      plannedAt,
      triggerId: `${Date.now()}.${newId("")}`,
      attempts: [],
    };
    switch (kind) {
      case "tier":
        op.text = "tier";
        break;
      case "status":
        op.text = `status base-${1 + Math.floor(random() * 500)}@fleet.test`;
        break;
      case "set-marketing":
        if (used.sm >= POOL) throw new Error("the set marketing pool ran out: raise POOL");
        op.email = `sm-${++used.sm}@fleet.test`;
        op.text = `set marketing ${op.email}`;
        break;
      case "set-non-marketing":
        if (used.sn >= POOL) throw new Error("the set non-marketing pool ran out: raise POOL");
        op.email = `sn-${++used.sn}@fleet.test`;
        op.text = `set non-marketing ${op.email}`;
        break;
      case "bulk":
        if (used.list >= LISTS) throw new Error("the lists ran out: raise LISTS");
        op.list = `L${++used.list}`;
        op.text = `bulk non-marketing list:"${op.list}"`;
        break;
      case "intake":
        op.email = `intake-${op.id.toLowerCase()}@fleet.test`;
        break;
      default:
        break;
    }
    this.track(op);
    return op;
  }

  private track(op: Op): void {
    this.ops.push(op);
    this.byResponseId.set(op.id, op);
  }

  private launch(op: Op): void {
    const p = (op.kind === "intake" ? this.intake(op) : this.slack(op)).catch(() => {});
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** A Slack delivery: acked within 3 s or sent again, up to 3 retries, each 3 s after the one before. */
  private async slack(op: Op): Promise<void> {
    const team = this.o.teams.find((t) => t.teamId === op.teamId) as SeededTeam;
    const responseUrl = `${this.o.responseBase}${op.id}`;
    const body =
      op.kind === "approve"
        ? interactivityBody(
            blockActionPayload({
              userId: op.userId,
              teamId: op.teamId,
              actionId: APPROVE_ACTION,
              value: op.requestId as string,
              responseUrl,
              channelId: team.approvalsChannel,
              triggerId: op.triggerId,
            }),
          )
        : slashCommandBody({
            text: op.text as string,
            userId: op.userId,
            teamId: op.teamId,
            responseUrl,
            triggerId: op.triggerId,
          });
    for (let retryNum = 0; retryNum <= MAX_RETRIES; retryNum++) {
      const sentAt = this.now();
      const headers: Record<string, string> = {
        "content-type": "application/x-www-form-urlencoded",
        ...signatureHeaders(body),
        ...(retryNum > 0 ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
      };
      const res = await this.post("/slack/events", body, headers, ACK_WINDOW_MS);
      const ms = this.now() - sentAt;
      op.attempts.push({ retryNum, sentAt, ms, status: res.status, ...(res.error ? { error: res.error } : {}) });
      if (res.status === 200) {
        op.acked = {
          at: sentAt + ms,
          ms,
          retryNum,
          tryAgain: TRY_AGAIN_ACK.test(res.body),
          busy: res.body.includes("busy right now"),
        };
        return;
      }
      if (retryNum === MAX_RETRIES) return;
      await new Promise((r) => setTimeout(r, Math.max(0, sentAt + ACK_WINDOW_MS - this.now())));
    }
  }

  /** An intake post (a website's form backend): 503 or no answer → again after 1 s, up to 3 times. */
  private async intake(op: Op): Promise<void> {
    const team = this.o.teams.find((t) => t.teamId === op.teamId) as SeededTeam;
    const body = JSON.stringify({ email: op.email, firstName: "Fleet", source: "form", sourceId: "fleet" });
    for (let retryNum = 0; retryNum <= MAX_RETRIES; retryNum++) {
      const sentAt = this.now();
      const res = await this.post(
        "/api/contacts",
        body,
        { "content-type": "application/json", authorization: `Bearer ${team.apiKey}` },
        10_000,
      );
      const ms = this.now() - sentAt;
      op.attempts.push({ retryNum, sentAt, ms, status: res.status, ...(res.error ? { error: res.error } : {}) });
      if (res.status !== null && res.status >= 200 && res.status < 300) {
        op.acked = { at: sentAt + ms, ms, retryNum, tryAgain: false };
        return;
      }
      if (res.status !== null && res.status < 500) return;
      if (retryNum < MAX_RETRIES) await new Promise((r) => setTimeout(r, 1000));
    }
  }

  private post(
    path: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number | null; body: string; error?: string }> {
    const url = new URL(path, this.o.base);
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: { status: number | null; body: string; error?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const req = request(
        url,
        {
          method: "POST",
          agent: this.agent,
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => done({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", (e) => done({ status: null, body: "", error: e.message }));
        },
      );
      // Slack stops waiting after 3 s: so does the generator (the request may still be carried out).
      const timer = setTimeout(() => {
        req.destroy();
        done({ status: null, body: "", error: "timeout" });
      }, timeoutMs);
      req.on("error", (e) => done({ status: null, body: "", error: (e as NodeJS.ErrnoException).code ?? e.message }));
      req.end(body);
    });
  }
}
