import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call as the fake Slack received it. */
export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

type Failure = { status: number; retryAfter?: number; error?: string; times: number };
type Slowness = { wait: number | Promise<unknown>; times: number };

/**
 * A fake Slack Web API on 127.0.0.1: answers the methods tierkeeper uses, records every call,
 * and can be told to fail a method (429 with Retry-After, 5xx, or an `ok: false` error).
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly uploads: { id: string; bytes: Buffer }[] = [];
  /** Files users shared, served at /download/<id>; the Authorization each download carried. */
  readonly files = new Map<string, Buffer>();
  /** The size Slack gives for a file (event, files.info) when it is not the real one: a lying host. */
  readonly claimedSizes = new Map<string, number>();
  /** Each download, with the bytes the fake wrote before it ended or the client went away. */
  readonly downloads: { id: string; authorization: string | undefined; bytesSent: number }[] = [];
  /** Messages posted to response_url (see `responseUrl`), in order, with when they arrived. */
  readonly responses: { id: string; body: Record<string, unknown>; at: number }[] = [];
  private server: Server | null = null;
  private failures = new Map<string, Failure>();
  private slowness = new Map<string, Slowness>();
  private seq = 0;
  /** users.info answers: user id → IANA zone. */
  readonly userZones = new Map<string, string>();
  /** users.info answers with include_locale: user id → Slack locale (e.g. `sv-SE`); en-US otherwise. */
  readonly userLocales = new Map<string, string>();
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** A response_url that posts back to this fake (what Slack puts in slash commands and actions). */
  responseUrl(id: string): string {
    return this.url.replace(/\/api\/$/, `/response/${id}`);
  }

  /** Messages posted to one response_url. */
  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Waits until `predicate` holds for the response_url messages. */
  async waitForResponse(id: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const r = this.responsesTo(id);
      if (r.length > 0) return r[r.length - 1] as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fake Slack: no response_url message for ${id} within ${timeoutMs} ms`);
  }

  /** Calls of one method, in order. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds for the recorded calls (a bounded poll), then returns them. */
  async waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs = 5000): Promise<SlackCall[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (predicate(this.calls)) return this.calls;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(
      `fake Slack: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`,
    );
  }

  /**
   * A file a user shares: its download URL (on this fake's host, as Slack's would be on files.slack.com).
   * `claimedSize` makes Slack lie: events and files.info give it, and the download is sent without a
   * Content-Length, in chunks, until the client stops reading.
   */
  shareFile(id: string, content: string | Buffer, opts: { claimedSize?: number } = {}): string {
    this.files.set(id, typeof content === "string" ? Buffer.from(content) : content);
    if (opts.claimedSize !== undefined) this.claimedSizes.set(id, opts.claimedSize);
    return `${this.url.replace(/\/api\/$/, "")}/download/${id}`;
  }

  /** The size Slack gives for a shared file: the claimed one, or the real one. */
  fileSize(id: string): number | undefined {
    return this.claimedSizes.get(id) ?? this.files.get(id)?.length;
  }

  /** The next `times` calls to `method` fail this way. */
  fail(method: string, failure: Partial<Failure> & { status: number }): void {
    this.failures.set(method, { times: 1, ...failure });
  }

  /**
   * The next `times` calls to `method` are answered only after `wait` (ms, or until the promise
   * settles): a slow Slack. The call is recorded (accepted) when it arrives, so a client that
   * gives up first still has its message posted.
   */
  slow(method: string, wait: number | Promise<unknown>, times = Number.POSITIVE_INFINITY): void {
    this.slowness.set(method, { wait, times });
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.uploads.length = 0;
    this.failures.clear();
    this.slowness.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path.startsWith("/response/")) {
      // `fail("response_url", …)`: the post is refused and not shown.
      const failure = this.failures.get("response_url");
      if (failure && failure.times > 0) {
        failure.times--;
        if (failure.times === 0) this.failures.delete("response_url");
        res.writeHead(failure.status, { "content-type": "text/plain" }).end(failure.error ?? "internal_error");
        return;
      }
      this.responses.push({
        id: path.slice("/response/".length),
        body: parseBody(raw.toString("utf8"), "application/json"),
        at: Date.now(),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (path.startsWith("/download/")) {
      const id = path.slice("/download/".length);
      const download = { id, authorization: req.headers.authorization, bytesSent: 0 };
      this.downloads.push(download);
      const bytes = this.files.get(id);
      if (!bytes) {
        res.writeHead(404).end();
        return;
      }
      if (!this.claimedSizes.has(id)) {
        download.bytesSent = bytes.length;
        res.writeHead(200, { "content-type": "text/csv" }).end(bytes);
        return;
      }
      // Chunked, with backpressure: stops writing when the client goes away.
      res.writeHead(200, { "content-type": "text/csv" });
      let gone = false;
      let wake = () => {};
      res.on("drain", () => wake());
      res.on("close", () => {
        gone = true;
        wake();
      });
      for (let at = 0; at < bytes.length && !gone; at += 64 * 1024) {
        const chunk = bytes.subarray(at, at + 64 * 1024);
        download.bytesSent += chunk.length;
        if (!res.write(chunk)) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      }
      if (!gone) res.end();
      return;
    }
    if (path.startsWith("/upload/")) {
      this.uploads.push({
        id: path.slice("/upload/".length),
        bytes: fileBytes(raw, req.headers["content-type"] ?? ""),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("OK");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const body = parseBody(raw.toString("utf8"), req.headers["content-type"] ?? "");
    this.calls.push({ method, body, headers: req.headers });
    const slowness = this.slowness.get(method);
    if (slowness && slowness.times > 0) {
      slowness.times--;
      if (slowness.times === 0) this.slowness.delete(method);
      const { wait } = slowness;
      await (typeof wait === "number" ? new Promise((r) => setTimeout(r, wait)) : wait.catch(() => {}));
    }
    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      if (failure.times === 0) this.failures.delete(method);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
      res.writeHead(failure.status, headers).end(
        JSON.stringify({
          ok: false,
          error: failure.error ?? (failure.status === 429 ? "ratelimited" : "internal_error"),
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(this.answer(method, body, req)));
  }

  private answer(method: string, body: Record<string, unknown>, req: IncomingMessage): Record<string, unknown> {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          team_id: "T0FAKE",
          user_id: "UBOT",
          bot_id: "BBOT",
          team: "Fake",
          url: "https://fake.slack/",
        };
      case "chat.postMessage":
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts } };
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "views.open":
      case "views.push":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${this.seq}`, ...(typeof body.view === "object" ? body.view : {}) } };
      case "users.info": {
        const user = String(body.user ?? "");
        const locale =
          body.include_locale === true || body.include_locale === "true"
            ? { locale: this.userLocales.get(user) ?? "en-US" }
            : {};
        return {
          ok: true,
          user: { id: user, tz: this.userZones.get(user) ?? "America/Los_Angeles", is_bot: false, ...locale },
        };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users ?? "").replace(/,.*/, "")}` } };
      case "files.getUploadURLExternal": {
        const id = `F${this.seq}`;
        return { ok: true, file_id: id, upload_url: `http://${req.headers.host}/upload/${id}` };
      }
      case "files.completeUploadExternal":
        return { ok: true, files: [{ id: "F1", title: "chart" }] };
      case "files.info":
        return {
          ok: true,
          file: {
            id: body.file,
            name: "contacts.csv",
            url_private_download: `http://${req.headers.host}/download/${body.file}`,
            size: this.fileSize(String(body.file)),
          },
        };
      default:
        return { ok: true };
    }
  }
}

/** The uploaded file: the first multipart part's body (the Web API client sends multipart/form-data), or the raw body. */
function fileBytes(raw: Buffer, contentType: string): Buffer {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return raw;
  const delimiter = Buffer.from(`--${boundary}`);
  const start = raw.indexOf(delimiter);
  if (start < 0) return raw;
  const headersEnd = raw.indexOf("\r\n\r\n", start);
  const next = raw.indexOf(delimiter, headersEnd);
  if (headersEnd < 0 || next < 0) return raw;
  return raw.subarray(headersEnd + 4, next - 2);
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType.includes("application/json")) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends blocks, views and attachments as JSON strings in form bodies.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
