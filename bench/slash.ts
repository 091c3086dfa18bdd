// `/contacts tier` under 50 concurrent signed requests: the real Slack app in HTTP mode in this
// process, on the bench database; Slack (fake Web API + autocannon) in a child process.
import { fork } from "node:child_process";
import { resolve } from "node:path";
import pino from "pino";
import type { Config } from "../src/config.ts";
import type { Services } from "../src/services/context.ts";
import { createSlackApp } from "../src/slack/app.ts";
import { SIGNING_SECRET } from "../test/helpers/slack-sign.ts";

const LOAD = resolve(import.meta.dirname, "slash-load.ts");

export interface SlashResult {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSec: number;
  answered: number;
  wrongAnswers: number;
  /** Milliseconds after the last ack until the last response_url answer (null: not all within the drain time). */
  drainedAfterMs: number | null;
}

export async function benchSlash(
  svc: Services,
  teamId: string,
  userId: string,
  opts: { connections?: number; amount?: number } = {},
): Promise<SlashResult> {
  const connections = opts.connections ?? 50;
  const amount = opts.amount ?? Number(process.env.BENCH_SLASH_REQUESTS ?? 3000);
  const drainMs = 120_000;
  const child = fork(LOAD, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), 10 * 60_000 + drainMs);
  let slack: ReturnType<typeof createSlackApp> | null = null;
  try {
    const messages: Record<string, unknown>[] = [];
    let wake: (() => void) | null = null;
    child.on("message", (m) => {
      messages.push(m as Record<string, unknown>);
      wake?.();
    });
    const exited = new Promise<never>((_, reject) =>
      child.on("exit", (code) => reject(new Error(`bench: the load process exited (${code}) early`))),
    );
    exited.catch(() => {});
    const next = async (type: string): Promise<Record<string, unknown>> => {
      for (;;) {
        const i = messages.findIndex((m) => m.type === type);
        if (i >= 0) return messages.splice(i, 1)[0] as Record<string, unknown>;
        await Promise.race([new Promise<void>((r) => (wake = r)), exited]);
      }
    };
    const { apiUrl } = (await next("fake")) as { apiUrl: string };
    const config: Config = {
      databaseUrl: "bench:",
      slack: { botToken: "xoxb-bench-token", signingSecret: SIGNING_SECRET, apiUrl, mode: "http" },
      port: 0,
      host: "127.0.0.1",
      admins: [],
      logLevel: "silent",
    };
    slack = createSlackApp({ svc, config, logger: pino({ level: "silent" }) });
    const { port } = await slack.start(0);
    child.send({
      url: `http://127.0.0.1:${port}/slack/events`,
      teamId,
      userId,
      text: "tier",
      connections,
      amount,
      drainMs,
    });
    const r = (await next("result")) as unknown as Omit<SlashResult, "p50" | "p99" | "max" | "mean"> & {
      latency: { p50: number; p99: number; max: number; mean: number };
    };
    return {
      ...r,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.mean,
    };
  } finally {
    // The app first (its last answers still reach the fake Slack), then Slack.
    await slack?.stop();
    if (child.connected) child.send({ type: "quit" });
    await new Promise((r) => setTimeout(r, 500));
    clearTimeout(killer);
    if (child.exitCode === null) child.kill("SIGTERM");
  }
}
