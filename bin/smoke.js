#!/usr/bin/env node
// `npm run smoke`: the built tierkeeper (dist/), as `npm install` leaves it, does what the README's
// first commands do: --version, --help, demo, run, and start with a command sent to it. The tests
// run the sources (tsx); this checks the build. With TEST_DATABASE_URL it runs `run` on Postgres too.
// Prints one line per check and exits 1 at the first that fails.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/tierkeeper.js");
const scratch = mkdtempSync(join(tmpdir(), "tk-smoke-"));
const embedded = `file:${join(scratch, "db")}`;
const env = (extra = {}) => {
  const e = {
    ...process.env,
    TIERKEEPER_SOURCE: "0",
    LOG_LEVEL: "warn",
    TIERKEEPER_NOW: "2026-05-15T14:00:00Z",
    ...extra,
  };
  for (const k of Object.keys(e)) if (k.startsWith("SLACK_")) delete e[k];
  return e;
};
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

function tierkeeper(args, extra) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: env(extra), encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function check(what, ok, detail) {
  if (!ok) {
    console.error(`smoke: FAILED: ${what}\n${detail}`);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(1);
  }
  console.log(`smoke: ok: ${what}`);
}

function answersTier(r) {
  try {
    const parsed = JSON.parse(r.stdout);
    return r.code === 0 && parsed.ok === true && /Marketing contacts: 5,402 of 7,000/.test(parsed.text);
  } catch {
    return false;
  }
}

const build = spawnSync(process.execPath, [join(root, "bin/build.js"), "--quiet"], { stdio: "inherit" });
check("npm run build", build.status === 0 && existsSync(join(root, "dist/cli/main.js")), "the build failed");

let r = tierkeeper(["--version"]);
check("tierkeeper --version", r.code === 0 && r.stdout.trim() === version, `${r.stdout}${r.stderr}`);
r = tierkeeper(["--help"]);
check(
  "tierkeeper --help",
  r.code === 0 && /Commands:/.test(r.stdout) && /^ {2}run /m.test(r.stdout) && /^ {2}start /m.test(r.stdout),
  `${r.stdout}${r.stderr}`,
);
r = tierkeeper(["demo"], { DATABASE_URL: embedded });
check("tierkeeper demo (PGlite: a new database, migrations applied)", r.code === 0, `${r.stdout}${r.stderr}`);
r = tierkeeper(["run", "tier", "--user", "U1", "--json"], { DATABASE_URL: embedded });
check('tierkeeper run "tier" --json (PGlite)', answersTier(r), `${r.stdout}${r.stderr}`);

const service = spawn(process.execPath, [bin, "start"], {
  env: env({ DATABASE_URL: embedded, PORT: "0" }),
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
service.stdout.on("data", (d) => {
  output += d;
});
service.stderr.on("data", (d) => {
  output += d;
});
const serviceFile = `${embedded.slice("file:".length)}.service.json`;
const until = Date.now() + 120_000;
while (
  !(/tierkeeper ready/.test(output) && existsSync(serviceFile)) &&
  Date.now() < until &&
  service.exitCode === null
) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
check("tierkeeper start (PGlite) says it is ready", /tierkeeper ready/.test(output), output);
r = await new Promise((resolve) => {
  // Asynchronously: the service answers while this process waits.
  const child = spawn(process.execPath, [bin, "run", "tier", "--user", "U1", "--json"], {
    env: env({ DATABASE_URL: embedded }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.on("close", (code) => resolve({ code, stdout, stderr }));
});
service.kill("SIGTERM");
await new Promise((resolve) => service.once("close", resolve));
check('tierkeeper run "tier" --json, sent to the running service', answersTier(r), `${r.stdout}${r.stderr}\n${output}`);

const server = process.env.TEST_DATABASE_URL;
if (server?.startsWith("postgres")) {
  const name = `tk_smoke_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    r = tierkeeper(["demo"], { DATABASE_URL: url.toString() });
    if (r.code === 0) r = tierkeeper(["run", "tier", "--user", "U1", "--json"], { DATABASE_URL: url.toString() });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  check('tierkeeper demo and run "tier" --json (Postgres)', answersTier(r), `${r.stdout}${r.stderr}`);
}
rmSync(scratch, { recursive: true, force: true });
console.log("smoke: the build works");
