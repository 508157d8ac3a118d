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
// Two more modes, instead of the table:
//   --memory <s>   a sustained mixed load (list, create, update, complete in turn) for <s> seconds,
//                  printing the server's memory every --interval seconds (30): RSS, and the V8
//                  heap after a full GC (test/bench/memory-probe.mjs, loaded into next start), so
//                  that a leak shows as live heap growing, not as garbage not yet collected
//   --scale        --scale-users users (10) in each of three groups with 50, 10,000 and 100,000
//                  tasks (1,100,500 rows in table task), one label each on every tenth task,
//                  seeded with generate_series and VACUUM ANALYZE; list latency of each group at
//                  a fixed rate (--rate, 8 requests a second per user: under the per-user read
//                  limit, and latency rather than queueing), relative to the 50-task group, in
//                  --rounds rounds (2); then EXPLAIN (ANALYZE, BUFFERS) of the statement the list
//                  route runs (lib/tasks/service.ts in-process, as bench:organize does) for every
//                  sort, order and filter it offers, for a user with 100,000 tasks
//
//   --profile <route>   only that route's load (next, list, create, update or complete), with V8's
//                  CPU profiler running in next start over the measured seconds (profile-probe.mjs);
//                  prints where the server's CPU time went by package (profile.mjs) and keeps the
//                  .cpuprofile for Chrome's DevTools
//
//   npm run bench -- [--no-build] [--tasks 50] [--connections 16] [--rounds 3] [--duration 5] [--warmup 2] [--users N]
//   npm run bench -- --memory 600 [--interval 30]
//   npm run bench -- --profile list
//   npm run bench -- --scale [--scale-users 10] [--rate N] [--rounds 2] [--duration 10]

import { fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  bearer,
  benchDatabase,
  connect,
  failuresCell,
  freePort,
  importAppModule,
  logger,
  machineInfo,
  markdownTable,
  measure,
  median,
  onCleanup,
  planSummary,
  recordingPrisma,
  rotating,
  seedTasks,
  signUpManyWithTokens,
  startApp,
  stopProcess,
  wholeNumber,
  withCleanup,
} from "./harness.mjs";
import { summarizeProfile } from "./profile.mjs";

const TASKS_PER_USER_MAX = 10_000; // lib/tasks/constants.ts: creates past it are answered 409
const CREATE_HEADROOM = 2_000; // room for the create route's users to add tasks during the run

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    tasks: { type: "string", default: "50" },
    connections: { type: "string", default: "16" },
    duration: { type: "string" },
    warmup: { type: "string", default: "2" },
    users: { type: "string" },
    memory: { type: "string" },
    interval: { type: "string", default: "30" },
    scale: { type: "boolean", default: false },
    "scale-users": { type: "string", default: "10" },
    rate: { type: "string" },
    rounds: { type: "string" },
    profile: { type: "string" },
  },
});
const positive = (name) => wholeNumber(name, args[name], name === "warmup" ? 0 : 1);
const tasksPerUser = positive("tasks");
const connections = positive("connections");
// The table: 3 rounds of 5 s per route; --scale: 2 rounds of 10 s per row.
const duration = args.duration === undefined ? (args.scale ? 10 : 5) : positive("duration");
const warmup = positive("warmup");
const usersPerRoute = args.users === undefined ? 6 * connections : positive("users");
const memorySeconds = args.memory === undefined ? null : positive("memory");
const interval = positive("interval");
const scaleUsers = positive("scale-users");
const scaleRate = args.rate === undefined ? 8 * scaleUsers : positive("rate");
const rounds = args.rounds === undefined ? (args.scale ? 2 : 3) : positive("rounds");
const PROFILED_ROUTES = ["next", "list", "create", "update", "complete"];
if (args.profile !== undefined && !PROFILED_ROUTES.includes(args.profile)) throw new Error(`--profile takes one of ${PROFILED_ROUTES.join(", ")}`);

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
  const memoryFile = path.join(os.tmpdir(), `tasks-bench-memory-${process.pid}.json`);
  const profileFile = path.join(os.tmpdir(), `tasks-bench-${args.profile}-${process.pid}.cpuprofile`);
  const importProbe = (file) => `--import ${fileURLToPath(new URL(file, import.meta.url))}`;
  const env =
    memorySeconds !== null
      ? { NODE_OPTIONS: `--expose-gc ${importProbe("./memory-probe.mjs")}`, BENCH_MEMORY_FILE: memoryFile }
      : args.profile !== undefined
        ? { NODE_OPTIONS: importProbe("./profile-probe.mjs"), BENCH_PROFILE_FILE: profileFile }
        : {};
  const { appUrl, server: nextServer } = await startApp({ databaseUrl, build: !args["no-build"], env });
  if (args.scale) return scale(appUrl, databaseUrl);

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
    { key: "next", name: "floor: next /api/health", url: appUrl, setup: () => (request) => ({ ...request, path: "/api/health" }) },
    { key: "node", name: "floor: node+jose+pg list", url: `http://127.0.0.1:${floorPort}`, setup: () => rotating(users.list, (request, user) => ({ ...bearer(request, user), path: "/" })) },
    { key: "list", name: "GET /api/tasks", url: appUrl, setup: () => rotating(users.list, (request, user) => ({ ...bearer(request, user), path: "/api/tasks" })) },
    {
      key: "create",
      name: "POST /api/tasks",
      url: appUrl,
      setup: () =>
        rotating(users.create, (request, user, round, n) => sendJson(request, user, "POST", "/api/tasks", { title: `Bench create ${n}`, priority: "high" })),
    },
    {
      key: "update",
      name: "PATCH /api/tasks/{id}",
      url: appUrl,
      setup: () =>
        rotating(users.update, (request, user, round, n) =>
          sendJson(request, user, "PATCH", `/api/tasks/${user.taskIds[round % user.taskIds.length]}`, { title: `Bench update ${n}` }),
        ),
    },
    {
      key: "complete",
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

  if (memorySeconds !== null) return sustain(nextServer, memoryFile, scenarios.slice(2));
  if (args.profile !== undefined) return profileRoute(nextServer, profileFile, scenarios.find((scenario) => scenario.key === args.profile));

  // Every route in turn, --rounds times over. The machine's speed drifts (other work on it), so
  // each ratio is taken within its round, against the floors measured moments before, and the
  // table shows the median round of each figure, with the range of the rates.
  const rssBefore = rssMb(nextServer.pid);
  const runs = scenarios.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      const { result, codes } = await measure(scenario, { connections, duration, warmup });
      runs[i].push({ result, codes, rate: result.requests.average });
      log(`round ${round}/${rounds}: ${scenario.name}: ${Math.round(result.requests.average)} req/s${codes ? ` (${codes})` : ""}`);
    }
  }
  const rssAfter = rssMb(nextServer.pid);

  // ---- report -------------------------------------------------------------------------------
  const [nextFloorRuns, nodeFloorRuns] = runs;
  const ratio = (routeRuns, floorRuns) => `${median(routeRuns.map((run, r) => run.rate / floorRuns[r].rate)).toFixed(2)}x`;
  const medianOf = (routeRuns, value) => Math.round(median(routeRuns.map(value)));
  const rates = runs.map((routeRuns) => medianOf(routeRuns, (run) => run.rate));
  const rowsOut = scenarios.map(({ name }, i) => {
    const routeRuns = runs[i];
    const roundRates = routeRuns.map((run) => Math.round(run.rate));
    const failures = {
      result: { non2xx: routeRuns.reduce((sum, run) => sum + run.result.non2xx, 0), errors: routeRuns.reduce((sum, run) => sum + run.result.errors, 0) },
      codes: routeRuns.map((run) => run.codes).filter(Boolean).join(" "),
    };
    return [
      name,
      String(rates[i]),
      rounds > 1 ? `${Math.min(...roundRates)}-${Math.max(...roundRates)}` : "",
      ...["p50", "p97_5", "p99"].map((p) => String(medianOf(routeRuns, (run) => run.result.latency[p]))),
      failuresCell(failures),
      ratio(routeRuns, nextFloorRuns),
      ratio(routeRuns, nodeFloorRuns),
    ];
  });
  const header = ["route", "req/s", "range", "p50 ms", "p97.5 ms", "p99 ms", "non-2xx", "x next floor", "x node floor"];
  console.log(
    `\nTasks API bench: ${rounds} round${rounds === 1 ? "" : "s"} of ${duration} s per route (${warmup} s warm-up each), ${connections} connections, ` +
      `${tasksPerUser} tasks per user, ${usersPerRoute} users per route; ${machineInfo()}\n`,
  );
  console.log(markdownTable(header, rowsOut));
  console.log(`\nEach figure is the median of the rounds; a ratio is taken within each round, then the median.`);
  const nameWidth = Math.max(...rowsOut.map((row) => row[0].length));
  const fastest = Math.max(...rates);
  console.log("");
  for (const [i, row] of rowsOut.entries()) console.log(`${row[0].padEnd(nameWidth)}  ${"#".repeat(Math.round((40 * rates[i]) / fastest))}`);
  console.log(
    `\nnext start RSS (pid ${nextServer.pid}, ${rssAfter.processes} process${rssAfter.processes === 1 ? "" : "es"}): ${rssBefore.mb} MB before load, ${rssAfter.mb} MB after`,
  );
}

// ---- --memory: a sustained load, the server's memory at intervals ----------------------------

/** The text of a file a probe in the server writes (in one call) when signalled. */
async function writtenFile(file, probeName) {
  for (let waited = 0; !existsSync(file); waited += 50) {
    if (waited > 20_000) throw new Error(`the server did not answer ${probeName} (SIGUSR2)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // written in one call; let it finish
  return readFileSync(file, "utf8");
}

/** The server's memory now: RSS of its process tree, and V8's numbers after a full GC (memory-probe.mjs). */
async function serverMemory(server, file) {
  rmSync(file, { force: true });
  process.kill(server.pid, "SIGUSR2");
  const usage = JSON.parse(await writtenFile(file, "the memory probe"));
  const mb = (bytes) => Math.round(bytes / 1024 / 1024);
  return { rss: rssMb(server.pid).mb, heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers) };
}

async function sustain(server, memoryFile, routes) {
  // One request of each route in turn, each route taking its own next user.
  const mixed = { name: "mixed", url: routes[0].url, setup: () => {
    const setups = routes.map((route) => route.setup());
    let i = 0;
    return (request) => setups[i++ % setups.length](request);
  } };
  log(`warming up for ${interval} s`);
  await measure(mixed, { connections, duration: interval, warmup: 0 });
  const samples = [{ second: 0, ...(await serverMemory(server, memoryFile)), rate: "", p99: "", failures: "" }];
  log(`after warm-up: ${JSON.stringify(samples[0])}`);
  for (let second = interval; second <= memorySeconds; second += interval) {
    const { result, codes } = await measure(mixed, { connections, duration: interval, warmup: 0 });
    const sample = { second, ...(await serverMemory(server, memoryFile)), rate: String(Math.round(result.requests.average)), p99: String(result.latency.p99), failures: failuresCell({ result, codes }) };
    samples.push(sample);
    log(`${second} s: ${sample.rate} req/s, p99 ${sample.p99} ms, RSS ${sample.rss} MB, heap used ${sample.heapUsed} MB of ${sample.heapTotal} MB, external ${sample.external} MB`);
  }
  console.log(`\nTasks API memory: ${memorySeconds} s of ${routes.map((route) => route.name).join(", ")} in turn, ${connections} connections, ${tasksPerUser} tasks per user to start; ${machineInfo()}\n`);
  console.log(
    markdownTable(
      ["s", "req/s", "p99 ms", "non-2xx", "RSS MB", "heap used MB (after GC)", "heap total MB", "external MB", "array buffers MB"],
      samples.map((entry) => [String(entry.second), entry.rate, entry.p99, entry.failures, ...["rss", "heapUsed", "heapTotal", "external", "arrayBuffers"].map((key) => String(entry[key]))]),
    ),
  );
  // Flat or not, in numbers: the change over the second half of the run (after the caches filled).
  const half = samples.slice(Math.floor(samples.length / 2));
  const change = (key) => `${key} ${half[0][key]} -> ${half.at(-1)[key]} MB (${half.at(-1)[key] - half[0][key] >= 0 ? "+" : ""}${half.at(-1)[key] - half[0][key]})`;
  console.log(`\nSecond half (${half[0].second} s to ${half.at(-1).second} s): ${change("rss")}, ${change("heapUsed")}, ${change("external")}`);
}

// ---- --profile: where the server's CPU time goes under one route's load ---------------------

async function profileRoute(server, file, scenario) {
  log(`warming up ${scenario.name} for ${warmup} s`);
  await measure(scenario, { connections, duration: warmup, warmup: 0 });
  rmSync(file, { force: true });
  process.kill(server.pid, "SIGUSR2"); // starts the profiler
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { result, codes } = await measure(scenario, { connections, duration, warmup: 0 });
  process.kill(server.pid, "SIGUSR2"); // stops it and writes the profile
  const profile = JSON.parse(await writtenFile(file, "the profile probe"));
  console.log(
    `\n${scenario.name} under the CPU profiler: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms` +
      `${codes ? `, ${codes}` : ""} (the profiler slows it); ${connections} connections, ${duration} s, ${tasksPerUser} tasks per user; ${machineInfo()}\n`,
  );
  console.log(summarizeProfile(profile));
  console.log(`\nThe profile, for Chrome's DevTools (Performance, load profile): ${file}`);
}

// ---- --scale: list latency with 100,000 tasks a user and over 1,000,000 in the table ---------

async function scale(appUrl, databaseUrl) {
  const groups = [
    { name: "50 tasks", tasks: 50 },
    { name: "10,000 tasks", tasks: 10_000 },
    { name: "100,000 tasks", tasks: 100_000 },
  ];
  log(`signing up ${groups.length} x ${scaleUsers} users through /api/auth`);
  const signedUp = await signUpManyWithTokens(appUrl, groups.length * scaleUsers);
  groups.forEach((group, i) => (group.users = signedUp.slice(i * scaleUsers, (i + 1) * scaleUsers)));
  const db = await connect(databaseUrl);
  const seedStarted = Date.now();
  // Task's indexes are dropped while the rows go in and made again from their own definitions
  // afterwards, and the change log's triggers are off meanwhile (the seeded rows have no history):
  // a million inserts into the trigram indexes and the log one by one took many times longer.
  await db.query(`ALTER TABLE task DISABLE TRIGGER task_log`);
  await db.query(`ALTER TABLE task_label DISABLE TRIGGER task_label_log`);
  const { rows: indexes } = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'task' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`);
  for (const group of groups) {
    log(`seeding ${group.tasks} tasks for each of ${scaleUsers} users`);
    await seedTasks(db, group.users.map((user) => ({ id: user.id, count: group.tasks })));
  }
  log(`making task's ${indexes.length} indexes again`);
  for (const { indexdef } of indexes) await db.query(indexdef);
  // A label of each user's on every tenth task, for the label filter's plan.
  await db.query(
    `WITH made AS (INSERT INTO label (id, "userId", name, color, "createdAt", "updatedAt")
                   SELECT gen_random_uuid(), id, 'Scale label', 'blue', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest($1::text[]) AS u(id)
                   RETURNING id, "userId")
     INSERT INTO task_label ("taskId", "labelId")
     SELECT t.id, made.id FROM made JOIN task t ON t."userId" = made."userId" WHERE substr(t.title, 12)::int % 10 = 0`,
    [signedUp.map((user) => user.id)],
  );
  await db.query(`ALTER TABLE task ENABLE TRIGGER task_log`);
  await db.query(`ALTER TABLE task_label ENABLE TRIGGER task_label_log`);
  log("VACUUM ANALYZE");
  await db.query("VACUUM ANALYZE");
  const { rows: sizes } = await db.query(`SELECT (SELECT count(*) FROM task)::int AS tasks, pg_size_pretty(pg_total_relation_size('task')) AS size`);
  log(`seeded in ${Math.round((Date.now() - seedStarted) / 1000)} s: ${sizes[0].tasks} tasks, table task with its indexes ${sizes[0].size}`);
  const { rows: inboxes } = await db.query(`SELECT "userId", id FROM list WHERE inbox AND "userId" = ANY($1)`, [signedUp.map((user) => user.id)]);
  const inboxOf = new Map(inboxes.map((row) => [row.userId, row.id]));

  const views = [
    { name: "newest first", query: () => ({}) },
    { name: "Inbox, by position", query: (user) => ({ listId: inboxOf.get(user.id), parentId: "none", sort: "position" }) },
  ];
  const scenarios = views.flatMap((view) =>
    groups.map((group) => ({
      view,
      group,
      name: `${view.name}, ${group.name}`,
      url: appUrl,
      setup: () => rotating(group.users, (request, user) => ({ ...bearer(request, user), path: `/api/tasks?${new URLSearchParams(view.query(user))}` })),
    })),
  );
  const runs = new Map(scenarios.map((scenario) => [scenario, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      const outcome = await measure(scenario, { connections, duration, warmup, overallRate: scaleRate });
      runs.get(scenario).push(outcome);
      log(`round ${round}, ${scenario.name}: p50 ${outcome.result.latency.p50} ms, p99 ${outcome.result.latency.p99} ms${outcome.codes ? ` (${outcome.codes})` : ""}`);
    }
  }

  // The plans, for the first user with 100,000 tasks, of every sort and order and each filter.
  const big = groups[2].users[0];
  const label = (await db.query(`SELECT id FROM label WHERE "userId" = $1`, [big.id])).rows[0].id;
  const inbox = inboxOf.get(big.id);
  const planQueries = [
    ...["createdAt", "dueDate", "priority", "title", "position"].flatMap((sort) => ["asc", "desc"].map((order) => ({ sort, order }))),
    { listId: inbox, parentId: "none", sort: "position" },
    { status: "active" },
    { status: "completed", sort: "dueDate" },
    { priority: "high" },
    { labelId: label },
    { parentId: "none" },
    { view: "today", tz: "Europe/Paris" },
    { view: "upcoming", tz: "Europe/Paris", sort: "dueDate" },
    { q: "task 99999" },
  ];
  log("recording the list route's statements and running EXPLAIN (ANALYZE, BUFFERS) on them");
  const [app, service, schemas] = await Promise.all([recordingPrisma(databaseUrl), importAppModule("lib/tasks/service.ts"), importAppModule("lib/tasks/schemas.ts")]);
  const plans = [];
  try {
    const explain = async (query) => {
      let page;
      const statements = await app.record(async () => (page = await service.listTasksForUser(big.id, schemas.listQuerySchema.parse(query))));
      const { text, values } = statements[0];
      await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values); // warms the cache: the second run is the one shown
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      plans.push({ query, text, values, lines: rows.map((row) => row["QUERY PLAN"]) });
      return page;
    };
    for (const query of planQueries) {
      const page = await explain(query);
      // The second page of each sort and order: the cursor's row comparison must seek, not scan.
      if (query.order && page.nextCursor) await explain({ ...query, cursor: page.nextCursor });
    }
  } finally {
    await app.close();
  }

  // ---- report -------------------------------------------------------------------------------
  console.log(
    `\nTasks API scale: ${sizes[0].tasks} tasks in table task (${sizes[0].size} with its indexes); ${scaleUsers} users a group; ` +
      `${connections} connections at ${scaleRate} requests/s, ${rounds} x ${duration} s per row (${warmup} s warm-up); ${machineInfo()}\n`,
  );
  const of = (scenario, pick) => median(runs.get(scenario).map(({ result }) => pick(result)));
  console.log(
    markdownTable(
      ["list", "req/s", "p50 ms", "mean ms", "p97.5 ms", "p99 ms", "non-2xx", "p50 x 50 tasks", "mean x 50 tasks", "p99 x 50 tasks"],
      scenarios.map((scenario) => {
        const base = scenarios.find((other) => other.view === scenario.view && other.group === groups[0]);
        const cell = (pick, digits = 0) => of(scenario, pick).toFixed(digits);
        const ratio = (pick) => `${(of(scenario, pick) / of(base, pick)).toFixed(2)}x`;
        const failed = runs.get(scenario).reduce((sum, { result }) => sum + result.non2xx + result.errors, 0);
        return [
          scenario.name,
          cell((result) => result.requests.average),
          cell((result) => result.latency.p50),
          cell((result) => result.latency.mean, 1),
          cell((result) => result.latency.p97_5),
          cell((result) => result.latency.p99),
          String(failed),
          ratio((result) => result.latency.p50),
          ratio((result) => result.latency.mean),
          ratio((result) => result.latency.p99),
        ];
      }),
    ),
  );
  console.log(`\nEach cell is the median of ${rounds} round${rounds === 1 ? "" : "s"}. Plans for a user with 100,000 tasks:\n`);
  const described = (query) => Object.entries(query).map(([key, value]) => `${key}=${key === "cursor" ? "<page 2>" : value === inbox ? "<Inbox>" : value === label ? "<label>" : value}`).join("&") || "(defaults)";
  console.log(
    markdownTable(
      ["query", "indexes", "seq scans", "rows", "execution ms", "blocks hit"],
      plans.map(({ query, lines }) => {
        const summary = planSummary(lines);
        return [described(query), summary.indexes.join(", ") || "none", summary.seqScans.join(", ") || "none", summary.rows, summary.time, summary.hit];
      }),
      ["left", "left", "left", "right", "right", "right"],
    ),
  );
  for (const { query, text, values, lines } of plans) {
    console.log(`\n#### ${described(query)}\n\n\`\`\`sql\n${text}\n-- values: ${JSON.stringify(values)}\n\`\`\`\n\`\`\`\n${lines.join("\n")}\n\`\`\``);
  }
}
