// A postgres-js client that survives its server going away (a restart, a failover) without the
// process restarting, around two faults of postgres-js 3.4.9 seen when a server stops under load:
//
// 1. A transaction whose connection closes goes on sending on it: the next statement, or the
//    ROLLBACK postgres-js sends itself when the callback fails, is written to a socket that is gone.
//    That either throws from a timer (`Cannot read properties of null (reading 'write')`, which ends
//    the process) or, once the pool has reconnected that slot, lands in another session's traffic.
// 2. A connection that closes with a write still buffered keeps a stale write timer and never sends
//    again: every later statement on it (its next startup included) hangs.
//
// So: a transaction that lost its connection sends nothing more (its statements fail at once, and
// its callback is never settled back into postgres-js, so it sends no ROLLBACK either; the caller
// gets the CONNECTION_CLOSED that postgres-js raises when the connection closes), and after a lost
// connection the whole pool is replaced by a fresh one; the old one is ended after a grace period,
// which also fails any statement left hanging on it.
import type postgres from "postgres";
import { isConnectionLost } from "./errors.ts";

type Sql = postgres.Sql;
type AnyQuery = Promise<unknown> & Record<string | symbol, unknown>;
type Fn = (...args: unknown[]) => unknown;
/** A postgres-js function called with arguments passed through as they came. */
const fn = (f: unknown) => f as Fn;

/**
 * Codes after which a pool's connections are not to be trusted: an established session ended under
 * it, or a connection did not finish starting (a startup stuck behind fault 2 times out this way).
 * Not 08001 (could not connect: no server or no primary yet), which a new pool would meet too.
 */
const SESSION_ENDED = new Set([
  "CONNECTION_CLOSED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "EPIPE",
  "57P01", // admin shutdown
  "57P02", // crash shutdown
  "08000", // connection exception
  "08003", // connection does not exist
  "08006", // connection failure
]);

function sessionEnded(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === "object"; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && SESSION_ENDED.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

const connectionClosed = () =>
  Object.assign(new Error("the database connection closed during the transaction"), { code: "CONNECTION_CLOSED" });

/** A promise that never settles: handed back to postgres-js so it sends nothing on a dead connection. */
const never = <T>() => new Promise<T>(() => {});

/** A statement that fails at once without reaching the driver (what drizzle calls on a query: values, execute, …). */
function failedQuery(): AnyQuery {
  const p = Promise.reject(connectionClosed()) as AnyQuery;
  p.catch(() => {});
  for (const m of ["values", "execute", "raw", "simple", "describe"]) p[m] = () => p;
  return p;
}

/**
 * The query as the caller sees it, with its failure reported to `onError` first. Anything that is
 * not a statement (`sql("name")` makes an identifier) is handed back as it is.
 */
function observed(q: AnyQuery, onError: (e: unknown) => void): AnyQuery {
  if (!(q instanceof Promise)) return q;
  const proxy: AnyQuery = new Proxy(q, {
    get(target, prop) {
      if (prop === "then") {
        return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
          target
            .then(undefined, (e: unknown) => {
              onError(e);
              throw e;
            })
            .then(onFulfilled, onRejected);
      }
      if (prop === "catch") return (onRejected?: (e: unknown) => unknown) => proxy.then(undefined, onRejected);
      if (prop === "finally")
        return (f?: () => void) =>
          proxy.then(
            (v) => {
              f?.();
              return v;
            },
            (e) => {
              f?.();
              throw e;
            },
          );
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      // Chained builders (values(), raw(), execute()) return the query itself: keep handing out the proxy.
      return (...args: unknown[]) => {
        const r = (value as (...a: unknown[]) => unknown).apply(target, args);
        return r === target ? proxy : r;
      };
    },
  });
  return proxy;
}

interface TxState {
  dead: boolean;
}

/** The transaction's `sql`: once its connection is lost, statements and savepoints fail without being sent. */
function guardedTx(tx: Sql, state: TxState, report: (e: unknown) => void): Sql {
  const onError = (e: unknown) => {
    if (isConnectionLost(e)) state.dead = true;
    report(e);
  };
  // Making a statement sends nothing (postgres-js sends it when it is awaited); a dead one is never awaited.
  const run = (make: () => AnyQuery) => {
    const q = make();
    if (!(q instanceof Promise)) return q;
    return state.dead ? failedQuery() : observed(q, onError);
  };
  return new Proxy(tx, {
    apply: (target, _this, args) => run(() => fn(target)(...args) as AnyQuery),
    get(target, prop) {
      if (prop === "unsafe") return (...args: unknown[]) => run(() => fn(target.unsafe)(...args) as AnyQuery);
      if (prop === "savepoint") {
        return (...args: unknown[]) => {
          if (state.dead) return Promise.reject(connectionClosed());
          const body = args.pop() as (sp: Sql) => Promise<unknown>;
          // A transaction's sql has savepoint(); the types give it to TransactionSql only.
          return fn((target as unknown as { savepoint: unknown }).savepoint)(...args, (sp: Sql) =>
            settleUnlessDead(state, () => body(guardedTx(sp, state, report))),
          );
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Runs a transaction body; if the connection died meanwhile, postgres-js gets a promise that never settles. */
async function settleUnlessDead<T>(state: TxState, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    return state.dead ? never<T>() : result;
  } catch (e) {
    if (state.dead) return never<T>();
    throw e;
  }
}

export interface ResilientSql {
  /** Use as a postgres-js `sql` (drizzle takes it as its client). */
  sql: Sql;
  /** How many times the pool was replaced after a lost connection. */
  renewals(): number;
  end(opts?: { timeout?: number }): Promise<void>;
}

export interface ResilientOptions {
  /** Seconds an old pool's statements get to finish before it is destroyed. */
  graceSeconds?: number;
  onRenew?: (cause: unknown) => void;
}

/** A postgres-js client made by `make`, replaced by a new one from `make` after it lost a connection. */
export function resilientSql(make: () => Sql, opts: ResilientOptions = {}): ResilientSql {
  const grace = opts.graceSeconds ?? 5;
  let current = make();
  let renewed = 0;
  let ending = false;
  const retiring = new Set<Promise<void>>();

  /** Replaces the pool after `from` lost a connection; a failure reported by a pool already replaced changes nothing. */
  const renew = (from: Sql, cause: unknown) => {
    if (ending || from !== current) return;
    const old = current;
    current = make();
    // drizzle set its parsers on the first client's options; the new one takes them over.
    Object.assign(current.options.parsers, old.options.parsers);
    Object.assign(current.options.serializers, old.options.serializers);
    renewed++;
    opts.onRenew?.(cause);
    const done = old.end({ timeout: grace }).catch(() => {});
    retiring.add(done);
    void done.finally(() => retiring.delete(done));
  };
  const reporter = (from: Sql) => (e: unknown) => {
    if (sessionEnded(e)) renew(from, e);
  };

  const begin = (...args: unknown[]) => {
    const body = args.pop() as (tx: Sql) => Promise<unknown>;
    const state: TxState = { dead: false };
    const from = current;
    const report = reporter(from);
    const run = fn(from.begin)(...args, (tx: Sql) =>
      settleUnlessDead(state, () => body(guardedTx(tx, state, report))),
    ) as Promise<unknown>;
    return run.catch((e: unknown) => {
      state.dead = true;
      report(e);
      throw e;
    });
  };

  const sql = new Proxy(function sql() {} as unknown as Sql, {
    apply: (_t, _this, args) => observed(fn(current)(...args) as AnyQuery, reporter(current)),
    get(_t, prop) {
      if (prop === "begin") return begin;
      if (prop === "unsafe")
        return (...args: unknown[]) => {
          const from = current;
          return observed(fn(from.unsafe)(...args) as AnyQuery, reporter(from));
        };
      if (prop === "end") return end;
      const value = Reflect.get(current, prop, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });

  async function end(o: { timeout?: number } = {}): Promise<void> {
    ending = true;
    await Promise.all([current.end(o), ...retiring]);
  }

  return { sql, renewals: () => renewed, end };
}
