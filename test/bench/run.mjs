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

import { fork } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  bearer,
  benchDatabase,
  connect,
  failuresCell,
  freePort,
  logger,
  machineInfo,
  markdownTable,
  measure,
  onCleanup,
  rotating,
  seedTasks,
  signUpManyWithTokens,
  startApp,
  stopProcess,
  wholeNumber,
  withCleanup,
} from "./harness.mjs";

const TASKS_PER_USER_MAX = 10_000; // lib/tasks/constants.ts: creates past it are answered 409
const CREATE_HEADROOM = 2_000; // room for the create route's users to add tasks during the run

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
const positive = (name) => wholeNumber(name, args[name], name === "warmup" ? 0 : 1);
const tasksPerUser = positive("tasks");
const connections = positive("connections");
const duration = positive("duration");
const warmup = positive("warmup");
const usersPerRoute = args.users === undefined ? 6 * connections : positive("users");

const log = logger("bench");

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

await withCleanup(main);

async function main() {
  const databaseUrl = await benchDatabase();
  const { appUrl, server: nextServer } = await startApp({ databaseUrl, build: !args["no-build"] });

  // ---- seed ---------------------------------------------------------------------------------
  const routes = ["list", "create", "update", "complete"];
  log(`signing up ${routes.length} x ${usersPerRoute} users through /api/auth`);
  const allUsers = (await signUpManyWithTokens(appUrl, routes.length * usersPerRoute)).map((user) => ({ ...user, taskIds: [] }));
  const users = Object.fromEntries(routes.map((route, i) => [route, allUsers.slice(i * usersPerRoute, (i + 1) * usersPerRoute)]));

  const db = await connect(databaseUrl);
  const createSeed = Math.min(tasksPerUser, TASKS_PER_USER_MAX - CREATE_HEADROOM);
  log(`seeding ${tasksPerUser} tasks per user${createSeed < tasksPerUser ? ` (${createSeed} for the create route's users)` : ""}`);
  await seedTasks(
    db,
    routes.flatMap((route) => users[route].map((user) => ({ id: user.id, count: route === "create" ? createSeed : tasksPerUser }))),
  );
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
  onCleanup(() => stopProcess(floor));
  await new Promise((resolve, reject) => {
    floor.once("message", resolve);
    floor.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });

  // ---- measure ------------------------------------------------------------------------------
  // Every request takes the next user (and task) in turn.
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
    const { result, codes } = await measure(scenario, { connections, duration, warmup });
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
    failuresCell({ result, codes }),
    ratio(result.requests.average, nextFloor),
    ratio(result.requests.average, nodeFloor),
  ]);
  const header = ["route", "req/s", "p50 ms", "p97.5 ms", "p99 ms", "non-2xx", "x next floor", "x node floor"];
  console.log(
    `\nTasks API bench: ${connections} connections, ${duration} s per route (${warmup} s warm-up), ${tasksPerUser} tasks per user, ` +
      `${usersPerRoute} users per route; ${machineInfo()}\n`,
  );
  console.log(markdownTable(header, rowsOut));
  const nameWidth = Math.max(...rowsOut.map((row) => row[0].length));
  const maxRate = Math.max(...results.map((entry) => entry.result.requests.average));
  console.log("");
  for (const { name, result } of results) console.log(`${name.padEnd(nameWidth)}  ${"#".repeat(Math.round((40 * result.requests.average) / maxRate))}`);
  console.log(
    `\nnext start RSS (pid ${nextServer.pid}, ${rssAfter.processes} process${rssAfter.processes === 1 ? "" : "es"}): ${rssBefore.mb} MB before load, ${rssAfter.mb} MB after`,
  );
}
