// `tierkeeper import <file.csv>`: streams the file into importCsv, with a progress bar on a terminal.
// The row limit (TIERKEEPER_IMPORT_MAX_ROWS) applies as in Slack: it bounds the one transaction
// that saves the file. The size limit (TIERKEEPER_IMPORT_MAX_MB) does not: it keeps the bot from
// downloading whatever a Slack user shares, while this file is one the operator has on disk.
import { createReadStream, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import cliProgress from "cli-progress";
import { importAnswer } from "../commands/import-report.ts";
import { DEFAULT_IMPORT_LIMITS, loadConfig } from "../config.ts";
import { ensureUser, resolveAccount } from "../services/accounts.ts";
import { Refusal, type Services } from "../services/context.ts";
import { ImportTooLargeError, importCsv } from "../services/import/index.ts";
import type { CliContext } from "./context.ts";

/** Runs the import and prints the report; returns the exit code (0 done, 1 refused or a bad file). */
export async function importFile(
  ctx: CliContext,
  fileArg: string,
  opts: { list?: string; marketing?: boolean; userId: string; team?: string; json?: boolean },
): Promise<number> {
  const file = resolve(ctx.cwd, fileArg);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error("not a file");
    size = st.size;
  } catch {
    ctx.io.err(`Cannot read ${fileArg}: no such file. Give the path of a CSV file.`);
    return 1;
  }
  return ctx.withServices((svc) => importInto(ctx, svc, file, size, opts));
}

async function importInto(
  ctx: CliContext,
  svc: Services,
  file: string,
  size: number,
  opts: { list?: string; marketing?: boolean; userId: string; team?: string; json?: boolean },
): Promise<number> {
  const bar =
    ctx.io.isTTY && !opts.json
      ? new cliProgress.SingleBar(
          { format: "Importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left", hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const maxRows = loadConfig().imports?.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows;
  try {
    const account = await resolveAccount(svc, opts.team);
    const user = await ensureUser(svc, account.id, opts.userId);
    bar?.start(Math.max(size, 1), 0, { rows: 0 });
    const report = await importCsv(svc, { accountId: account.id, userId: opts.userId }, createReadStream(file), {
      list: opts.list ?? null,
      marketing: Boolean(opts.marketing),
      fileName: basename(file),
      maxRows,
      onProgress: bar ? (p) => bar.update(p.bytes, { rows: p.rows.toLocaleString("en-US") }) : undefined,
      onSaving: bar
        ? (n) => {
            bar.stop();
            ctx.io.err(`Saving ${n.toLocaleString("en-US")} contacts in one transaction …`);
          }
        : undefined,
    });
    bar?.stop();
    const a = importAnswer(report, user.timeZone ?? account.timeZone);
    if (opts.json) ctx.io.out(JSON.stringify({ ok: true, text: a.text, data: a.data }, null, 2));
    else ctx.io.out(a.text);
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof Refusal) {
      // The operator can raise the row limit; say where.
      const text =
        e instanceof ImportTooLargeError && e.limit === "rows"
          ? `${e.message} TIERKEEPER_IMPORT_MAX_ROWS sets the limit.`
          : e.message;
      if (opts.json) ctx.io.out(JSON.stringify({ ok: false, text, data: { error: text } }, null, 2));
      else ctx.io.err(text);
      return 1;
    }
    throw e;
  }
}
