// `npm run bench`: each figure is a ratio against a baseline measured in the same run on the same
// database, because these machines are shared and noisy. Absolute times are printed beside it.
//   BENCH_SIZES=10000,100000,1000000   sizes (default)
//   BENCH_DATABASES=pglite,postgres    which databases (postgres needs TEST_DATABASE_URL or DATABASE_URL)
//   BENCH_PGLITE_MAX=100000            largest size run on PGlite (1M takes minutes there; said in the output)
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { benchStartup } from "./startup.ts";
import { benchDatabase, type Row } from "./suite.ts";

const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const databases = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",");
const pgliteMax = Number(process.env.BENCH_PGLITE_MAX ?? 100_000);
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const sections: string[] = [
  `# tierkeeper benchmarks\n\nRun: ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.\n`,
];

for (const db of databases) {
  if (db === "postgres" && !serverUrl?.startsWith("postgres")) {
    console.log("postgres: skipped (set TEST_DATABASE_URL=postgres://…)");
    continue;
  }
  const dbSizes = db === "pglite" ? sizes.filter((n) => n <= pgliteMax) : sizes;
  const skipped = sizes.filter((n) => !dbSizes.includes(n));
  const rows: Row[] = await benchDatabase(db as "pglite" | "postgres", dbSizes, serverUrl);
  sections.push(table(db, rows, skipped));
}
const startup = await benchStartup();
sections.push(
  `## start to ready (PGlite, migrations applied)\n\n| what | time | baseline \`node -e ''\` | ratio |\n|---|---|---|---|\n| \`tierkeeper start\` to ready | ${ms(startup.ready)} | ${ms(startup.baseline)} | ${(startup.ready / startup.baseline).toFixed(1)}× |\n`,
);
const out = sections.join("\n");
console.log(out);
writeFileSync(resolve(import.meta.dirname, "results.md"), out);
console.log("Written to bench/results.md");
process.exit(0);

function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`;
}

function table(db: string, rows: Row[], skipped: number[]): string {
  const lines = [
    `## ${db}\n`,
    "| what | N | figure | baseline | ratio | target | |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.n.toLocaleString("en-US")} | ${ms(r.figure)} | ${ms(r.baseline)} (${r.baselineName}) | ${r.ratio.toFixed(2)}× | ≤ ${r.target}× | ${r.ratio <= r.target ? "ok" : "**missed**"} |`,
    ),
  ];
  if (skipped.length)
    lines.push(
      `\nSkipped on ${db}: N = ${skipped.map((n) => n.toLocaleString("en-US")).join(", ")} (BENCH_PGLITE_MAX).`,
    );
  return `${lines.join("\n")}\n`;
}
