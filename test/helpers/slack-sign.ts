// Requests exactly as Slack sends them: v0 HMAC-SHA256 over `v0:<timestamp>:<body>`.
import { createHmac, randomBytes } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  /** X-Slack-Retry-Num, as Slack sets it on redeliveries. */
  retryNum?: number;
}

export function signatureHeaders(body: string, opts: SignOptions = {}): Record<string, string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = createHmac("sha256", opts.secret ?? SIGNING_SECRET)
    .update(`v0:${ts}:${body}`)
    .digest("hex");
  return {
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": `v0=${sig}`,
    ...(opts.retryNum !== undefined
      ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" }
      : {}),
  };
}

export const newId = (prefix: string) => `${prefix}${randomBytes(6).toString("hex").toUpperCase()}`;

export interface SlashCommandInput {
  text: string;
  userId: string;
  teamId: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}

/** A slash command body (application/x-www-form-urlencoded), field for field as Slack sends it. */
export function slashCommandBody(c: SlashCommandInput): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: c.teamId,
    team_domain: "acme",
    channel_id: c.channelId ?? "CGENERAL",
    channel_name: "general",
    user_id: c.userId,
    user_name: c.userId.toLowerCase(),
    command: "/contacts",
    text: c.text,
    api_app_id: "A0TIERKEEP",
    is_enterprise_install: "false",
    response_url: c.responseUrl,
    trigger_id: c.triggerId ?? `${Date.now()}.${newId("")}`,
  }).toString();
}

export interface BlockActionInput {
  userId: string;
  teamId: string;
  actionId: string;
  value: string;
  responseUrl: string;
  channelId?: string;
  messageTs?: string;
  /** "message" (a button in a channel message) or "home" (the App Home tab). */
  container?: "message" | "home";
  triggerId?: string;
}

/** An interactivity payload: form-encoded `payload=<json>`. */
export function interactivityBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionPayload(a: BlockActionInput): Record<string, unknown> {
  const inHome = a.container === "home";
  return {
    type: "block_actions",
    user: { id: a.userId, username: a.userId.toLowerCase(), name: a.userId.toLowerCase(), team_id: a.teamId },
    api_app_id: "A0TIERKEEP",
    token: "deprecated-verification-token",
    container: inHome
      ? { type: "view", view_id: "VHOME" }
      : {
          type: "message",
          message_ts: a.messageTs ?? "1.000001",
          channel_id: a.channelId ?? "CAPPROVALS",
          is_ephemeral: false,
        },
    trigger_id: a.triggerId ?? `${Date.now()}.${newId("")}`,
    team: { id: a.teamId, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
    ...(inHome
      ? { view: { id: "VHOME", type: "home", team_id: a.teamId } }
      : {
          channel: { id: a.channelId ?? "CAPPROVALS", name: "approvals" },
          message: { type: "message", ts: a.messageTs ?? "1.000001", text: "Bulk request" },
          response_url: a.responseUrl,
        }),
    state: { values: {} },
    actions: [
      {
        action_id: a.actionId,
        block_id: `request:${a.value}`,
        text: { type: "plain_text", text: "Approve", emoji: true },
        value: a.value,
        type: "button",
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export interface ViewSubmissionInput {
  userId: string;
  teamId: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}

export function viewSubmissionPayload(v: ViewSubmissionInput): Record<string, unknown> {
  return {
    type: "view_submission",
    team: { id: v.teamId, domain: "acme" },
    user: { id: v.userId, username: v.userId.toLowerCase(), name: v.userId.toLowerCase(), team_id: v.teamId },
    api_app_id: "A0TIERKEEP",
    token: "deprecated-verification-token",
    trigger_id: `${Date.now()}.${newId("")}`,
    view: {
      id: newId("V"),
      team_id: v.teamId,
      type: "modal",
      callback_id: v.callbackId,
      private_metadata: v.privateMetadata,
      state: { values: v.values },
      hash: "156772938.1827394",
      title: { type: "plain_text", text: "tierkeeper" },
      blocks: [],
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An Events API envelope (JSON). */
export function eventBody(teamId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0TIERKEEP",
    event,
    type: "event_callback",
    event_id: newId("Ev"),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: "UBOT", is_bot: true }],
  });
}

/** POSTs a signed body to the app; `contentType` form for commands and interactivity, json for events. */
export async function postSigned(
  url: string,
  body: string,
  opts: SignOptions & { contentType?: "form" | "json" } = {},
): Promise<{ status: number; text: string; json: unknown; ms: number }> {
  const started = Date.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": opts.contentType === "json" ? "application/json" : "application/x-www-form-urlencoded",
      ...signatureHeaders(body, opts),
    },
    body,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json, ms: Date.now() - started };
}

/**
 * POSTs a signed body from a separate process and returns when (epoch ms) its response arrived
 * there: Slack is a remote client, so an in-process fetch would wait for our event loop too.
 */
export async function postSignedFromOutside(
  url: string,
  body: string,
  opts: SignOptions = {},
): Promise<{ status: number; sentAt: number; ackedAt: number }> {
  const { execFile } = await import("node:child_process");
  const headers = { "content-type": "application/x-www-form-urlencoded", ...signatureHeaders(body, opts) };
  const script = `
    const [url, headers, body] = JSON.parse(process.argv[1]);
    const sentAt = Date.now();
    fetch(url, { method: "POST", headers, body }).then(async (r) => {
      const ackedAt = Date.now();
      await r.text();
      console.log(JSON.stringify({ status: r.status, sentAt, ackedAt }));
    });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", script, JSON.stringify([url, headers, body])], (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout));
    });
  });
}
