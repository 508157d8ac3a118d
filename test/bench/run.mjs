// `npm run bench`: the task API under load, side by side with two floors, in one run.
//
// Builds for production (unless --no-build), starts `next start` on PostgreSQL (DATABASE_URL, or
// a fresh database tasks_bench_<pid> on BENCH_DATABASE_URL's server, dropped at the end), seeds
// users through the real auth endpoints and tasks with one INSERT ... generate_series, then
// measures with autocannon:
//   floor: next    GET /api/health of the same build: Next.js + middleware + the route wrapper,
//                  no auth, no database (the app ships no bare route for the bench's sake)
//   floor: node    node:http + jose (same verification) + one pg query for the first 50 tasks
//                  (test/bench/floor.mjs, a child process)
//   list, create, update, complete   GET/POST /api/tasks, PATCH /api/tasks/{id}[/complete]
// The API's per-user limits stay as they are: each route gets its own users (--users of them,
// 6 per connection by default: with 16 connections, 96 users keep even 1,000 writes a second
// under the per-user write limit of lib/api/rate-limit.ts) and every request takes the next
// user's token in turn, so that no user nears a limit; 429s, if any, show in the non-2xx column.
//
//   npm run bench -- [--no-build] [--tasks 50] [--connections 16] [--duration 10] [--warmup 2] [--users N]

import { fork, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const PRISMA_BIN = path.join(ROOT, "node_modules/prisma/build/index.js");
const DEFAULT_SERVER_URL = "postgres://tasks_ci:tasks_ci@localhost:5432/postgres";
const TASKS_PER_USER_MAX = 10_000; // lib/tasks/constants.ts: creates past it are answered 409
const CREATE_HEADROOM = 2_000; // room for the create route's users to add tasks during the run
const PASSWORD = "correct horse battery";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    tasks: { type: "string", default: "50" },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    users: { type: "string" },
  },
});
const positive = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < (name === "warmup" ? 0 : 1)) throw new Error(`--${name} must be a positive whole number, not ${args[name]}`);
  return value;
};
const tasksPerUser = positive("tasks");
const connections = positive("connections");
const duration = positive("duration");
const warmup = positive("warmup");
const usersPerRoute = args.users === undefined ? 6 * connections : positive("users");

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const cleanups = [];
let cleaningUp;
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

/** Runs a command to completion; its output is shown only when it fails. */
function run(command, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(argv[0])} ${argv[1]} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitFor(url, child, what) {
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

function stopProcess(child) {
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

/** Resident memory (VmRSS, MB) of a process and every process below it. */
function rssMb(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { mb: Math.round(kb / 1024), processes: tree.size };
}

// ---- database -------------------------------------------------------------------------------

let databaseUrl = process.env.DATABASE_URL?.trim();
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error("DATABASE_URL must be a postgres:// URL for the bench");
const ownDatabase = !databaseUrl;
if (ownDatabase) {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_SERVER_URL;
  const name = `tasks_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    log(`dropped database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  log(`created database ${name}`);
}

try {
  await main();
} finally {
  await cleanup();
}

async function main() {
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_URL_UNPOOLED: "",
    BETTER_AUTH_SECRET: process.env.BENCH_AUTH_SECRET ?? randomBytes(32).toString("base64"),
    BETTER_AUTH_URL: appUrl,
    // Sign-ups from the bench name their own client address (distinct per user).
    CLIENT_IP_HEADER: "x-forwarded-for",
    AUTH_RATE_LIMIT_MAX: "10000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  log("applying migrations (prisma migrate deploy)");
  await run(process.execPath, [PRISMA_BIN, "migrate", "deploy"], env);
  if (!args["no-build"]) {
    log("building (next build)");
    const started = Date.now();
    await run(process.execPath, [NEXT_BIN, "build"], { ...env, NODE_ENV: "production" });
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  }

  const nextServer = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let serverOutput = "";
  const keep = (chunk) => (serverOutput = (serverOutput + chunk).slice(-8000));
  nextServer.stdout.on("data", keep);
  nextServer.stderr.on("data", keep);
  cleanups.push(() => stopProcess(nextServer));
  try {
    await waitFor(`${appUrl}/api/health/ready`, nextServer, "next start");
  } catch (error) {
    throw new Error(`${error.message}\n${serverOutput}`);
  }
  log(`next start (pid ${nextServer.pid}) ready on ${appUrl}`);

  // ---- seed ---------------------------------------------------------------------------------
  const routes = ["list", "create", "update", "complete"];
  log(`signing up ${routes.length} x ${usersPerRoute} users through /api/auth`);
  let signedUp = 0;
  const signUp = async () => {
    const n = ++signedUp;
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const email = `bench-${n}-${randomUUID().slice(0, 8)}@example.com`;
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { origin: appUrl, "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ name: `Bench ${n}`, email, password: PASSWORD }),
      });
      // 503: the server's bounded password hashing is busy; wait and try again.
      if ((response.status === 503 || response.status === 429) && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
        continue;
      }
      if (response.status !== 200) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
      const { user } = await response.json();
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      const tokenResponse = await fetch(`${appUrl}/api/auth/token`, { headers: { cookie, "x-forwarded-for": ip } });
      if (tokenResponse.status !== 200) throw new Error(`token: ${tokenResponse.status} ${await tokenResponse.text()}`);
      return { id: user.id, token: (await tokenResponse.json()).token, taskIds: [] };
    }
  };
  const allUsers = [];
  const total = routes.length * usersPerRoute;
  const workers = Array.from({ length: Math.min(4, total) }, async () => {
    while (allUsers.length < total) {
      const slot = allUsers.length;
      allUsers[slot] = null;
      allUsers[slot] = await signUp();
    }
  });
  await Promise.all(workers);
  const users = Object.fromEntries(routes.map((route, i) => [route, allUsers.slice(i * usersPerRoute, (i + 1) * usersPerRoute)]));

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const createSeed = Math.min(tasksPerUser, TASKS_PER_USER_MAX - CREATE_HEADROOM);
  const counts = routes.flatMap((route) => users[route].map(() => (route === "create" ? createSeed : tasksPerUser)));
  log(`seeding ${tasksPerUser} tasks per user${createSeed < tasksPerUser ? ` (${createSeed} for the create route's users)` : ""}`);
  await db.query(
    `INSERT INTO task (id, "userId", title, description, completed, priority, "dueDate", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'Bench task ' || g, CASE WHEN g % 3 = 0 THEN 'Some notes about task ' || g ELSE '' END,
            g % 4 = 0, (ARRAY['low', 'medium', 'high']::"Priority"[])[1 + g % 3],
            CASE WHEN g % 2 = 0 THEN now() + g * interval '1 hour' END,
            now() - g * interval '1 second', now() - g * interval '1 second'
     FROM unnest($1::text[], $2::int[]) AS u(id, n) CROSS JOIN LATERAL generate_series(1, u.n) AS g`,
    [allUsers.map((user) => user.id), counts],
  );
  await db.query("ANALYZE");
  const byId = new Map(allUsers.map((user) => [user.id, user]));
  const { rows } = await db.query(
    `SELECT "userId", id FROM (SELECT "userId", id, row_number() OVER (PARTITION BY "userId" ORDER BY id) AS r FROM task WHERE "userId" = ANY($1)) t WHERE r <= 50`,
    [[...users.update, ...users.complete].map((user) => user.id)],
  );
  for (const row of rows) byId.get(row.userId).taskIds.push(row.id);

  // ---- floor (b): node:http + jose + pg -----------------------------------------------------
  const floorPort = await freePort();
  const floor = fork(fileURLToPath(new URL("./floor.mjs", import.meta.url)), {
    env: { ...process.env, FLOOR_PORT: String(floorPort), FLOOR_DATABASE_URL: databaseUrl, FLOOR_APP_URL: appUrl, FLOOR_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "5" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  cleanups.push(() => stopProcess(floor));
  await new Promise((resolve, reject) => {
    floor.once("message", resolve);
    floor.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });

  // ---- measure ------------------------------------------------------------------------------
  /** Every request takes the next user (and task) in turn. */
  const rotating = (list, build) => {
    let i = 0;
    return (request) => {
      const n = i++;
      const user = list[n % list.length];
      return build(request, user, Math.floor(n / list.length), n);
    };
  };
  const bearer = (request, user) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${user.token}` } });
  /** A signed-in request of `user` with a JSON body. */
  const sendJson = (request, user, method, path, body) => {
    const signed = bearer(request, user);
    return { ...signed, method, path, headers: { ...signed.headers, "content-type": "application/json" }, body: JSON.stringify(body) };
  };
  const scenarios = [
    { name: "floor: next /api/health", url: appUrl, setup: () => (request) => ({ ...request, path: "/api/health" }) },
    { name: "floor: node+jose+pg list", url: `http://127.0.0.1:${floorPort}`, setup: () => rotating(users.list, (request, user) => ({ ...bearer(request, user), path: "/" })) },
    { name: "GET /api/tasks", url: appUrl, setup: () => rotating(users.list, (request, user) => ({ ...bearer(request, user), path: "/api/tasks" })) },
    {
      name: "POST /api/tasks",
      url: appUrl,
      setup: () =>
        rotating(users.create, (request, user, round, n) => sendJson(request, user, "POST", "/api/tasks", { title: `Bench create ${n}`, priority: "high" })),
    },
    {
      name: "PATCH /api/tasks/{id}",
      url: appUrl,
      setup: () =>
        rotating(users.update, (request, user, round, n) =>
          sendJson(request, user, "PATCH", `/api/tasks/${user.taskIds[round % user.taskIds.length]}`, { title: `Bench update ${n}` }),
        ),
    },
    {
      name: "PATCH /api/tasks/{id}/complete",
      url: appUrl,
      setup: () =>
        rotating(users.complete, (request, user, round) => ({
          ...bearer(request, user),
          method: "PATCH",
          path: `/api/tasks/${user.taskIds[round % user.taskIds.length]}/complete`,
        })),
    },
  ];

  // Both lists must answer the same page for the same user before they are compared.
  const probe = users.list[0];
  const pageSize = Math.min(50, tasksPerUser);
  for (const url of [`${appUrl}/api/tasks`, `http://127.0.0.1:${floorPort}/`]) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${probe.token}` } });
    const body = await response.json();
    if (response.status !== 200 || body.tasks?.length !== pageSize) throw new Error(`${url}: expected 200 with ${pageSize} tasks, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }

  const rssBefore = rssMb(nextServer.pid);
  const results = [];
  for (const scenario of scenarios) {
    if (warmup > 0) await autocannon({ url: scenario.url, connections, duration: warmup, requests: [{ setupRequest: scenario.setup() }] });
    const result = await autocannon({ url: scenario.url, connections, duration, requests: [{ setupRequest: scenario.setup() }] });
    const codes = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, { count }]) => `${code}x${count}`)
      .join(" ");
    results.push({ ...scenario, result, codes });
    log(`${scenario.name}: ${Math.round(result.requests.average)} req/s${codes ? ` (${codes})` : ""}`);
  }
  const rssAfter = rssMb(nextServer.pid);

  // ---- report -------------------------------------------------------------------------------
  const [nextFloor, nodeFloor] = results.map((entry) => entry.result.requests.average);
  const ratio = (value, floorValue) => `${(value / floorValue).toFixed(2)}x`;
  const rowsOut = results.map(({ name, result, codes }) => [
    name,
    String(Math.round(result.requests.average)),
    String(result.latency.p50),
    String(result.latency.p97_5),
    String(result.latency.p99),
    `${result.non2xx + result.errors}${codes ? ` (${codes}${result.errors ? ` errors x${result.errors}` : ""})` : result.errors ? ` (errors x${result.errors})` : ""}`,
    ratio(result.requests.average, nextFloor),
    ratio(result.requests.average, nodeFloor),
  ]);
  const header = ["route", "req/s", "p50 ms", "p97.5 ms", "p99 ms", "non-2xx", "x next floor", "x node floor"];
  const widths = header.map((title, i) => Math.max(title.length, ...rowsOut.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  const cpus = os.cpus();
  console.log(
    `\nTasks API bench: ${connections} connections, ${duration} s per route (${warmup} s warm-up), ${tasksPerUser} tasks per user, ` +
      `${usersPerRoute} users per route; ${cpus.length} x ${cpus[0]?.model.trim()}, load ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}, Node ${process.version}\n`,
  );
  console.log(line(header));
  console.log(`|${widths.map((width, i) => (i === 0 ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`);
  for (const row of rowsOut) console.log(line(row));
  const maxRate = Math.max(...results.map((entry) => entry.result.requests.average));
  console.log("");
  for (const { name, result } of results) console.log(`${name.padEnd(widths[0])}  ${"#".repeat(Math.round((40 * result.requests.average) / maxRate))}`);
  console.log(
    `\nnext start RSS (pid ${nextServer.pid}, ${rssAfter.processes} process${rssAfter.processes === 1 ? "" : "es"}): ${rssBefore.mb} MB before load, ${rssAfter.mb} MB after`,
  );
}
