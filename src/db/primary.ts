// Several Postgres hosts in one DATABASE_URL (`postgres://h1:5432,h2:5433/db?target_session_attrs=read-write`,
// as libpq takes them): every new connection goes to whichever host is the writable primary now.
import { connect, type Socket } from "node:net";
import { Duplex } from "node:stream";
import postgres from "postgres";
import { NoWritableDatabase } from "./errors.ts";

export interface HostPort {
  host: string;
  port: number;
}

/** The `host[:port],…` part of a postgres:// URL and the URL around it. */
function hostSegment(url: string): { segment: string; start: number } {
  const start = url.indexOf("://") + 3;
  const rest = url.slice(start);
  const end = rest.search(/[/?]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  return { segment: authority.slice(at + 1), start: start + at + 1 };
}

/** The hosts of a postgres:// URL, in order (port 5432 where none is given). */
export function urlHosts(url: string): HostPort[] {
  return hostSegment(url)
    .segment.split(",")
    .filter((h) => h.length > 0)
    .map((h) => {
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(decodeURIComponent(h));
      return { host: (m?.[1] ?? h).replace(/^\[|\]$/g, ""), port: Number(m?.[2] ?? 5432) };
    });
}

/** The same URL for one of its hosts, without target_session_attrs (the probe asks itself). */
export function urlForHost(url: string, h: HostPort): string {
  const { segment, start } = hostSegment(url);
  const host = h.host.includes(":") ? `[${h.host}]` : h.host;
  const single = `${url.slice(0, start)}${host}:${h.port}${url.slice(start + segment.length)}`;
  const q = single.indexOf("?");
  if (q < 0) return single;
  const params = new URLSearchParams(single.slice(q + 1));
  params.delete("target_session_attrs");
  const rest = params.toString();
  return rest ? `${single.slice(0, q)}?${rest}` : single.slice(0, q);
}

const label = (h: HostPort) => `${h.host}:${h.port}`;

interface ProbeResult {
  host: HostPort;
  writable: boolean;
  why: string;
}

/** Asks one host whether it takes writes: not in recovery, and not read-only by default. */
async function probe(url: string, h: HostPort, timeoutSeconds: number): Promise<ProbeResult> {
  const client = postgres(urlForHost(url, h), {
    max: 1,
    connect_timeout: timeoutSeconds,
    idle_timeout: 1,
    fetch_types: false,
    prepare: false,
    onnotice: () => {},
    connection: { application_name: "tierkeeper-probe" },
  });
  try {
    const [row] = await client<{ recovery: boolean; ro: string }[]>`
      select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as ro`.simple();
    const writable = row?.recovery === false && row.ro === "off";
    return { host: h, writable, why: writable ? "primary" : row?.recovery ? "a standby" : "read-only" };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { host: h, writable: false, why: err.code ?? err.message ?? "unreachable" };
  } finally {
    await client.end({ timeout: 0 }).catch(() => {});
  }
}

function openSocket(h: HostPort, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: h.host, port: h.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`connecting to ${label(h)} timed out`), { code: "CONNECT_TIMEOUT" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * An in-memory socket that answers a connection's startup message the way a server that cannot
 * take it would: an ErrorResponse (SQLSTATE 08001, `message`), then it closes. postgres-js fails the
 * statement waiting for the connection with it and frees the pool slot. (A socket factory that
 * throws instead leaves the slot "connecting" for good: enough of them and the pool hangs.)
 */
class RefusingSocket extends Duplex {
  readyState = "open";
  private answered = false;

  constructor(private readonly message: string) {
    super();
  }

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    done();
    if (this.answered) return;
    this.answered = true;
    setImmediate(() => {
      this.push(errorResponse("08001", this.message));
      this.push(null);
      this.readyState = "closed";
      this.destroy();
    });
  }

  setKeepAlive(): this {
    return this;
  }
}

/** A protocol ErrorResponse message: severity FATAL, the SQLSTATE and the message. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", code],
      ["M", message],
    ].map(([k, v]) => Buffer.from(`${k}${v}\0`, "utf8")),
  );
  const body = Buffer.concat([fields, Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

export interface PrimaryFinder {
  /**
   * postgres-js's `socket` option: a connected socket to the current primary, or, when there is
   * none, a socket that refuses the connection (SQLSTATE 08001, "no writable database …").
   */
  socket(): Promise<Socket | Duplex>;
}

/**
 * Finds the primary among `url`'s hosts for each new connection: all hosts are asked at once
 * (`select pg_is_in_recovery()`), the first writable one in URL order wins. Connections opening
 * together share one round of questions.
 */
export function primaryFinder(url: string, opts: { connectTimeoutSeconds?: number } = {}): PrimaryFinder {
  const hosts = urlHosts(url);
  const timeoutSeconds = opts.connectTimeoutSeconds ?? 5;
  let asking: Promise<HostPort> | null = null;

  const find = (): Promise<HostPort> => {
    asking ??= Promise.all(hosts.map((h) => probe(url, h, timeoutSeconds)))
      .then((results) => {
        const found = results.find((r) => r.writable);
        if (!found) throw new NoWritableDatabase(results.map((r) => `${label(r.host)}: ${r.why}`));
        return found.host;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };

  return {
    async socket() {
      try {
        return await openSocket(await find(), timeoutSeconds * 1000);
      } catch (e) {
        return new RefusingSocket(e instanceof Error ? e.message : String(e));
      }
    },
  };
}

/** True when the URL names more than one host. */
export function isMultiHost(url: string): boolean {
  return urlHosts(url).length > 1;
}
