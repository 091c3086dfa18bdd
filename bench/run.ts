// `npm run bench`: each figure is a ratio against a baseline measured in the same run on the same
// database, because these machines are shared and noisy. Absolute times are printed beside it.
//   BENCH_SIZES=10000,100000,1000000   sizes (default)
//   BENCH_DATABASES=pglite,postgres    which databases (postgres needs TEST_DATABASE_URL or DATABASE_URL)
//   BENCH_PGLITE_MAX=100000            largest size run on PGlite (1M takes minutes there; said in the output)
//   BENCH_ONLY=import,memory           only these (rollover, bulk, tier, import, memory, slash, startup)
//   BENCH_STARTUP_RUNS=11              runs per start-up figure (its median)
//   BENCH_OUT=bench/partial.md         where the tables go (bench/results.md by default)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { markedSections } from "./results-file.ts";
import { benchStartup, buildForBench } from "./startup.ts";
import { benchDatabase, enabled, ms, type Row } from "./suite.ts";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const databases = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",");
const pgliteMax = Number(process.env.BENCH_PGLITE_MAX ?? 100_000);
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

// A rejection nobody handled (e.g. a Slack answer still in flight when a database is dropped) is
// reported, not fatal: the bench goes on and says so at the end.
const unhandled: string[] = [];
process.on("unhandledRejection", (e) => {
  console.error("bench: unhandled rejection:", e);
  unhandled.push(String((e as Error)?.stack ?? e).slice(0, 300));
});

const maxMinutes = Number(process.env.BENCH_MAX_MINUTES ?? 150);
const out = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : resolve(import.meta.dirname, "results.md");

const sections: string[] = [
  `# tierkeeper benchmarks\n\nRun: ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}. Written by \`npm run bench\` (bench/run.ts); sizes ${sizes.map((n) => n.toLocaleString("en-US")).join(", ")}.\n\nEvery ratio is against a baseline measured in the same run on the same database; absolute times are beside it.\n`,
];
// Sections other tools own (`npm run fleet`'s) are kept as they are, after the bench's own.
const kept = existsSync(out) ? markedSections(readFileSync(out, "utf8")) : [];
const write = (extra: string[] = []) => writeFileSync(out, [...sections, ...extra, ...kept].join("\n"));

// The whole bench stops by itself: past the limit it writes what it has and exits.
setTimeout(() => {
  console.error(`bench: stopped after ${maxMinutes} minutes (BENCH_MAX_MINUTES)`);
  write([
    `\n**The run was stopped after ${maxMinutes} minutes (BENCH_MAX_MINUTES); the sections above are complete, the rest is missing.**\n`,
  ]);
  process.exit(1);
}, maxMinutes * 60_000).unref();

// Every `tierkeeper` the bench starts runs the build of the sources as they are now.
buildForBench();

for (const db of databases) {
  if (db === "postgres" && !serverUrl?.startsWith("postgres")) {
    console.log("postgres: skipped (set TEST_DATABASE_URL=postgres://…)");
    sections.push("## postgres\n\nSkipped: no TEST_DATABASE_URL / DATABASE_URL.\n");
    continue;
  }
  const dbSizes = db === "pglite" ? sizes.filter((n) => n <= pgliteMax) : sizes;
  const skipped = sizes.filter((n) => !dbSizes.includes(n));
  const rows: Row[] = await benchDatabase(db as "pglite" | "postgres", dbSizes, serverUrl, (partial) =>
    write([table(db, partial, []), "\n_(run in progress: the sizes above are done)_\n"]),
  );
  sections.push(table(db, rows, skipped));
  const floors = importFloor(db, rows);
  if (floors) sections.push(floors);
  console.log(sections.at(-1));
  write();
}
if (enabled("startup")) {
  sections.push(await benchStartup(serverUrl));
  write();
}
if (unhandled.length)
  sections.push(
    `Unhandled rejections during the run (not fatal): ${unhandled.length}; first: \`${unhandled[0]?.replace(/\s+/g, " ")}\`\n`,
  );
console.log(sections.at(-1));
write();
console.log(`Written to ${out}`);
process.exit(0);

function table(db: string, rows: Row[], skipped: number[]): string {
  const order = [...new Set(rows.map((r) => r.what))];
  const sorted = [...rows].sort((a, b) => order.indexOf(a.what) - order.indexOf(b.what) || a.n - b.n);
  const lines = [
    `## ${db}\n`,
    "| what | N | figure | baseline | ratio | target | |",
    "|---|---|---|---|---|---|---|",
    ...sorted.map(
      (r) =>
        `| ${r.what} | ${r.n.toLocaleString("en-US")} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.ok === null ? "" : r.ok ? "ok" : "**missed**"} |`,
    ),
  ];
  if (skipped.length)
    lines.push(
      `\nSkipped on ${db}: N = ${skipped.map((n) => n.toLocaleString("en-US")).join(", ")} (BENCH_PGLITE_MAX = ${pgliteMax.toLocaleString("en-US")}).`,
    );
  return `${lines.join("\n")}\n`;
}

/**
 * Why the CSV import misses ≤ 3× `COPY`: the least any upsert into contacts costs (COPY, then one
 * hand-written INSERT … ON CONFLICT) is itself many times a bare COPY on this database.
 */
function importFloor(db: string, rows: Row[]): string | null {
  const measured = rows.flatMap((r) => (r.importTimes ? [{ n: r.n, ...r.importTimes }] : []));
  if (measured.length === 0) return null;
  const lines = [
    `### ${db}: where the CSV import's time goes\n`,
    "`COPY` into a bare table (no key, no index, no foreign key, no trigger) is the issue's baseline. Importing into",
    "contacts needs at least `COPY` plus one `INSERT … ON CONFLICT (account_id, email)`: the unique email index, the",
    "primary key, the foreign key to accounts and the counter triggers. That floor alone is:\n",
    "| N | `COPY` | floor: `COPY` + hand-written `INSERT … ON CONFLICT` | floor ÷ `COPY` | the import | import ÷ floor |",
    "|---|---|---|---|---|---|",
    ...measured.map(
      (m) =>
        `| ${m.n.toLocaleString("en-US")} | ${ms(m.copy)} | ${ms(m.floor)} | ${(m.floor / m.copy).toFixed(2)}× | ${ms(m.service)} | ${(m.service / m.floor).toFixed(2)}× |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
