// `tierkeeper import <file.csv>`: streams the file into importCsv, with a progress bar on a terminal.
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import cliProgress from "cli-progress";
import { boot } from "../app/boot.ts";
import { importAnswer } from "../commands/intake-handlers.ts";
import { loadConfig } from "../config.ts";
import { ensureUser, resolveAccount } from "../services/accounts.ts";
import { Refusal } from "../services/context.ts";
import { importCsv } from "../services/import.ts";
import { toPlainText } from "./commands.ts";

/** Runs the import and prints the report; returns the exit code (0 done, 1 refused or a bad file). */
export async function importFile(
  file: string,
  opts: { list?: string; marketing?: boolean; userId: string; team?: string; json?: boolean },
): Promise<number> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error("not a file");
    size = st.size;
  } catch {
    console.error(`Cannot read ${file}: no such file. Give the path of a CSV file.`);
    return 1;
  }
  const { svc, database } = await boot(loadConfig());
  const bar =
    process.stdout.isTTY && !opts.json
      ? new cliProgress.SingleBar(
          { format: "Importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left", hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  try {
    const account = await resolveAccount(svc, opts.team);
    const user = await ensureUser(svc, account.id, opts.userId);
    bar?.start(Math.max(size, 1), 0, { rows: 0 });
    const report = await importCsv(svc, { accountId: account.id, userId: opts.userId }, createReadStream(file), {
      list: opts.list ?? null,
      marketing: Boolean(opts.marketing),
      fileName: basename(file),
      onProgress: bar ? (p) => bar.update(p.bytes, { rows: p.rows.toLocaleString("en-US") }) : undefined,
    });
    bar?.stop();
    const a = importAnswer(report, user.timeZone ?? account.timeZone);
    if (opts.json) console.log(JSON.stringify({ ok: true, text: a.text, data: a.data }, null, 2));
    else console.log(toPlainText(a.text));
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof Refusal) {
      if (opts.json) console.log(JSON.stringify({ ok: false, text: e.message, data: { error: e.message } }, null, 2));
      else console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
