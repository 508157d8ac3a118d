// What the benches share (test/bench/run.mjs, the API under load; test/bench/organize.mjs, the
// list route over many lists and labels; test/bench/ui.mjs, the task page in a browser): a fresh
// PostgreSQL database, a production build started with `next start`, users signed up through the
// real auth endpoints, tasks seeded with one INSERT ... generate_series, autocannon runs whose
// requests rotate users, the app's own TypeScript modules imported in-process, clean-up on exit
// and on Ctrl-C, and a Markdown table for the report.

import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { registerHooks, stripTypeScriptTypes } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import autocannon from "autocannon";
import pg from "pg";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const PRISMA_BIN = path.join(ROOT, "node_modules/prisma/build/index.js");
const DEFAULT_SERVER_URL = "postgres://tasks_ci:tasks_ci@localhost:5432/postgres";
export const PASSWORD = "correct horse battery";

/** A logger writing `<name>: message` lines to stderr (stdout is the report). */
export const logger = (name) => (message) => process.stderr.write(`${name}: ${message}\n`);
const log = logger("bench");

/** A command-line option that must be a whole number of at least `min`. */
export function wholeNumber(name, text, min = 1) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}, not ${text}`);
  return value;
}

// ---- clean-up ----------------------------------------------------------------------------------

const cleanups = [];
let cleaningUp;
/** Registers a step to run at the end (in reverse order of registration), also on Ctrl-C. */
export const onCleanup = (step) => cleanups.push(step);
function cleanup() {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`cleanup: ${error.message}`);
      }
    }
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)));

/** Runs main(), then every clean-up step, whether main() succeeded or not. */
export async function withCleanup(main) {
  try {
    await main();
  } finally {
    await cleanup();
  }
}

// ---- processes and ports -----------------------------------------------------------------------

/** Runs a command to completion; its output is shown only when it fails. */
export function run(command, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(argv[0])} ${argv[1]} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

const listenOn = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(null));
    server.listen(port, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });

/**
 * A free TCP port: one the system picks, or, with BENCH_PORTS=<first>-<last> (for machines
 * where each job has its own range of ports), the first free one of that range not handed out yet.
 */
const handedOut = new Set();
export async function freePort() {
  const range = process.env.BENCH_PORTS?.trim();
  if (!range) {
    const port = await listenOn(0);
    if (port === null) throw new Error("no free port");
    return port;
  }
  const match = /^(\d+)-(\d+)$/.exec(range);
  if (!match) throw new Error(`BENCH_PORTS must look like 3600-3699, not ${range}`);
  for (let port = Number(match[1]); port <= Number(match[2]); port++) {
    if (handedOut.has(port)) continue;
    if ((await listenOn(port)) !== null) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port in BENCH_PORTS ${range}`);
}

export async function waitFor(url, child, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within 60 s`);
}

export function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ---- database ----------------------------------------------------------------------------------

/**
 * The database to run on: DATABASE_URL, or a fresh database tasks_bench_<pid> on
 * BENCH_DATABASE_URL's server (default: the local tasks_ci role), dropped at the end.
 */
export async function benchDatabase() {
  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    if (!/^postgres(ql)?:\/\//.test(given)) throw new Error("DATABASE_URL must be a postgres:// URL for the bench");
    return given;
  }
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_SERVER_URL;
  const name = `tasks_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    log(`dropped database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  log(`created database ${name}`);
  return url.toString();
}

/** A pg client on the database, closed at the end. */
export async function connect(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  onCleanup(() => db.end());
  return db;
}

/**
 * SQL for a fractional order key (lib/order.ts) of the whole number `n` (an SQL expression, 0 to
 * 62^4 - 1): "d" and n in four base-62 digits, as the migration that added lists numbered existing
 * tasks. Distinct numbers give distinct keys, in the same order.
 */
export const orderKeySql = (n) =>
  `'d' || (SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ((${n}) / (62 ^ p)::int % 62) + 1, 1), '' ORDER BY p DESC) FROM generate_series(0, 3) AS p)`;

/**
 * Seeds `count` tasks for each user with one INSERT ... generate_series, then ANALYZE. Task g of
 * a user is titled "Bench task <g>" (unique per user); every third has a description, every
 * fourth is completed, every second is due at a moment (on UTC's clock), priorities rotate.
 */
export async function seedTasks(db, users) {
  await db.query(
    `INSERT INTO task (id, "userId", title, description, completed, priority, "dueAt", "dueTimeZone", "dueSort", "createdAt", "updatedAt", "listId", position)
     SELECT gen_random_uuid(), u.id, 'Bench task ' || g, CASE WHEN g % 3 = 0 THEN 'Some notes about task ' || g ELSE '' END,
            g % 4 = 0, (ARRAY['low', 'medium', 'high']::"Priority"[])[1 + g % 3],
            CASE WHEN g % 2 = 0 THEN now() AT TIME ZONE 'UTC' + g * interval '1 hour' END, CASE WHEN g % 2 = 0 THEN 'UTC' END,
            CASE WHEN g % 2 = 0 THEN now() AT TIME ZONE 'UTC' + g * interval '1 hour' END,
            now() - g * interval '1 second', now() - g * interval '1 second',
            (SELECT l.id FROM list l WHERE l."userId" = u.id AND l.inbox), ${orderKeySql("g")}
     FROM unnest($1::text[], $2::int[]) AS u(id, n) CROSS JOIN LATERAL generate_series(1, u.n) AS g`,
    [users.map((user) => user.id), users.map((user) => user.count)],
  );
  await db.query("ANALYZE");
}

// ---- the app's own modules, in this process ------------------------------------------------------

const isFile = (file) => existsSync(file) && statSync(file).isFile();
const ownSource = (file) => file.startsWith(ROOT) && !file.slice(ROOT.length).split(path.sep).includes("node_modules");
let hooksRegistered = false;

/**
 * Imports one of the app's TypeScript modules (e.g. "lib/tasks/service.ts") into this process,
 * with its imports: the repository's .ts files through Node's own type stripping
 * (module.stripTypeScriptTypes in "transform" mode, as lib/ has parameter properties), and the
 * "@/" alias of tsconfig.json and extension-less relative imports resolved as the bundler does.
 * Packages load from node_modules as usual. Node says once that stripTypeScriptTypes is experimental.
 */
export async function importAppModule(relativePath) {
  if (!hooksRegistered) {
    hooksRegistered = true;
    registerHooks({
      resolve(specifier, context, nextResolve) {
        let target;
        if (specifier.startsWith("@/")) target = path.join(ROOT, specifier.slice(2));
        else if (/^\.\.?\//.test(specifier) && context.parentURL?.startsWith("file:")) {
          const parent = fileURLToPath(context.parentURL);
          if (ownSource(parent)) target = path.resolve(path.dirname(parent), specifier);
        }
        if (target === undefined) return nextResolve(specifier, context);
        const file = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"].map((suffix) => target + suffix).find(isFile) ?? target;
        return nextResolve(pathToFileURL(file).href, context);
      },
      load(url, context, nextLoad) {
        if (!url.startsWith("file:") || !/\.(ts|mts)$/.test(url) || !ownSource(fileURLToPath(url))) return nextLoad(url, context);
        const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), "utf8"), { mode: "transform", sourceUrl: url });
        return { format: "module", source, shortCircuit: true };
      },
    });
  }
  return import(pathToFileURL(path.join(ROOT, relativePath)).href);
}

/**
 * The app's own Prisma client (same generated code and adapter, @prisma/adapter-pg) over a pg
 * pool of one connection whose client records each statement's text and values as they go to
 * the server (in a transaction too), installed as the app's client (lib/db.ts setPrismaForTests): the services imported
 * with importAppModule then run on it. record(fn) gives the [{ text, values }] that fn sent.
 */
export async function recordingPrisma(databaseUrl) {
  const [{ PrismaClient }, { PRISMA_CLIENT_OPTIONS, setPrismaForTests }] = await Promise.all([importAppModule("generated/prisma/client.ts"), importAppModule("lib/db.ts")]);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let recorded = null;
  // On the pool's client itself: the adapter's statements in a transaction go there, not through pool.query().
  pool.on("connect", (client) => {
    const query = client.query.bind(client);
    client.query = (config, ...rest) => {
      if (recorded && typeof config === "object") recorded.push({ text: config.text, values: config.values ?? [] });
      return query(config, ...rest);
    };
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), ...PRISMA_CLIENT_OPTIONS });
  setPrismaForTests(prisma);
  return {
    prisma,
    async record(fn) {
      recorded = [];
      try {
        await fn();
        return recorded;
      } finally {
        recorded = null;
      }
    },
    async close() {
      setPrismaForTests(undefined);
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

// ---- the app -----------------------------------------------------------------------------------

/**
 * Applies migrations, builds for production (unless `build` is false) and starts `next start` on
 * a free port, stopped at the end. Sign-ups name their own client address (x-forwarded-for, as
 * CLIENT_IP_HEADER says), and the sign-up limit is raised for the bench's many users. `env`
 * adds to the server's environment (not to the build's or the migrations').
 */
export async function startApp({ databaseUrl, build, env: extraEnv = {} }) {
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_URL_UNPOOLED: "",
    BETTER_AUTH_SECRET: process.env.BENCH_AUTH_SECRET ?? randomBytes(32).toString("base64"),
    BETTER_AUTH_URL: appUrl,
    CLIENT_IP_HEADER: "x-forwarded-for",
    AUTH_RATE_LIMIT_MAX: "10000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  log("applying migrations (prisma migrate deploy)");
  await run(process.execPath, [PRISMA_BIN, "migrate", "deploy"], env);
  if (build) {
    log("building (next build)");
    const started = Date.now();
    await run(process.execPath, [NEXT_BIN, "build"], { ...env, NODE_ENV: "production" });
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  }

  const server = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let serverOutput = "";
  const keep = (chunk) => (serverOutput = (serverOutput + chunk).slice(-8000));
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  onCleanup(() => stopProcess(server));
  try {
    await waitFor(`${appUrl}/api/health/ready`, server, "next start");
  } catch (error) {
    throw new Error(`${error.message}\n${serverOutput}`);
  }
  log(`next start (pid ${server.pid}) ready on ${appUrl}`);
  return { appUrl, server };
}

let signedUp = 0;
/**
 * Signs a new user up through POST /api/auth/sign-up/email, from an address of its own.
 * Returns the user's id, its session cookies ({ name, value } pairs and as a Cookie header) and
 * that address; 503 (password hashing busy) and 429 are retried.
 */
export async function signUp(appUrl) {
  const n = ++signedUp;
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const email = `bench-${n}-${randomUUID().slice(0, 8)}@example.com`;
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { origin: appUrl, "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ name: `Bench ${n}`, email, password: PASSWORD }),
    });
    if ((response.status === 503 || response.status === 429) && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
      continue;
    }
    if (response.status !== 200) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
    const { user } = await response.json();
    const cookies = response.headers.getSetCookie().map((line) => {
      const pair = line.split(";")[0];
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
    });
    return { id: user.id, email, ip, cookies, cookie: cookies.map(({ name, value }) => `${name}=${value}`).join("; ") };
  }
}

/** A new user through the real sign-up, with an API token from its session (GET /api/auth/token). */
export async function signUpWithToken(appUrl) {
  const user = await signUp(appUrl);
  const response = await fetch(`${appUrl}/api/auth/token`, { headers: { cookie: user.cookie, "x-forwarded-for": user.ip } });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return { id: user.id, token: (await response.json()).token };
}

/** `count` new users with tokens (signUpWithToken), four sign-ups at a time, in sign-up order. */
export async function signUpManyWithTokens(appUrl, count) {
  const users = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(4, count) }, async () => {
    while (next < count) {
      const slot = next++;
      users[slot] = await signUpWithToken(appUrl);
    }
  });
  await Promise.all(workers);
  return users;
}

// ---- load --------------------------------------------------------------------------------------

/**
 * An autocannon setupRequest where every request takes the next user of `list` in turn:
 * build(request, user, round, n), round counting how many times the list came round.
 */
export function rotating(list, build) {
  let i = 0;
  return (request) => {
    const n = i++;
    const user = list[n % list.length];
    return build(request, user, Math.floor(n / list.length), n);
  };
}

/** The request, signed as `user` (its API token). */
export const bearer = (request, user) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${user.token}` } });

/**
 * One scenario ({ name, url, setup }, setup() giving a fresh setupRequest) under autocannon: a
 * warm-up of `warmup` seconds, unmeasured, then `duration` seconds measured, at most `overallRate`
 * requests a second when it is given (else as fast as the server answers). Returns autocannon's
 * result and the non-2xx status codes as "429x12 500x1".
 */
export async function measure(scenario, { connections, duration, warmup, overallRate }) {
  const rate = overallRate === undefined ? {} : { overallRate };
  if (warmup > 0) await autocannon({ url: scenario.url, connections, duration: warmup, ...rate, requests: [{ setupRequest: scenario.setup() }] });
  const result = await autocannon({ url: scenario.url, connections, duration, ...rate, requests: [{ setupRequest: scenario.setup() }] });
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${code}x${count}`)
    .join(" ");
  return { result, codes };
}

// ---- report ------------------------------------------------------------------------------------

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (0 to 100) of some numbers, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** What a plan (EXPLAIN (ANALYZE, BUFFERS) lines) says in brief: the indexes it reads, the rows the top node returned, the execution time, the top node's shared-buffer hits. */
export function planSummary(lines) {
  const indexes = [...new Set(lines.flatMap((line) => [...line.matchAll(/(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w.]+)"?/g)].map((m) => `${m[2]} (${m[1].replace(" Scan", "")})`)))];
  const seqScans = [...new Set(lines.flatMap((line) => [...line.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1])))];
  const rows = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(lines[0])?.[1] ?? "?";
  const time = /Execution Time: ([\d.]+) ms/.exec(lines.join("\n"))?.[1] ?? "?";
  const hit = /^\s*Buffers: shared hit=(\d+)/.exec(lines.find((line) => /^\s*Buffers:/.test(line)) ?? "")?.[1] ?? "0";
  return { indexes, seqScans, rows, time, hit };
}

/** The non-2xx cell of a report: how many, with the status codes and connection errors, if any. */
export function failuresCell({ result, codes }) {
  const errors = result.errors ? `errors x${result.errors}` : "";
  const detail = [codes, errors].filter(Boolean).join(" ");
  return `${result.non2xx + result.errors}${detail ? ` (${detail})` : ""}`;
}

/** The load average (1, 5 and 15 minutes): "1.00 2.00 3.00". */
export const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");

/** The machine, for a report's heading: "2 x <CPU>, load 1.00 2.00 3.00, Node v24..." (without the load if `load` is false). */
export function machineInfo({ load = true } = {}) {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model.trim()}${load ? `, load ${loadAverage()}` : ""}, Node ${process.version}`;
}

/** A Markdown table: the first column left-aligned, the others right-aligned (or as `align` says). */
export function markdownTable(header, rows, align = header.map((_, i) => (i === 0 ? "left" : "right"))) {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => (align[i] === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((width, i) => (align[i] === "left" ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
