// `npm run bench:history`: what the change log (issue 15) costs a write, and how fast its two
// readers are. Targets of the issue, printed, never asserted:
//   (1) the log adds at most 15 % to a create (POST /api/tasks) or an update (PATCH /api/tasks/{id})
//   (2) the history of a task with 1,000 changes loads within 50 ms (GET /api/tasks/{id}/history?limit=1000)
//   (3) the feed returns 1,000 changes within 100 ms (GET /api/changes?since=<cursor>&limit=1000)
//
// Starts the app as `npm run bench` does (test/bench/harness.mjs: production build unless
// --no-build, `next start` on a fresh PostgreSQL database dropped at the end), signs --users
// writers and --readers readers up through the real auth endpoints, seeds 50 tasks each (harness
// seedTasks; the log's trigger writes their create entries), and gives each reader's first task
// --changes changes in all: its create and one UPDATE after another in a DO block, each
// interleaved with an update of another of the reader's tasks, so that the task's entries are
// spread over twice as many of the user's, as they would be; and --background entries of another
// user's between each two steps (25: 100,000 entries for 4 readers), so that the table is not
// small and the task's entries lie on pages of their own.
//
// Writes, with and without the log: "without" is the same database with the four log triggers
// disabled (ALTER TABLE ... DISABLE TRIGGER, between runs; a benchmark's liberty, never the
// app's). Each of --rounds rounds runs both variants, in the order A B, then B A, then A B...,
// and within a variant --requests creates then --requests updates (each after a few unmeasured
// ones), --concurrency at a time, every request taking the next writer's token (the per-user
// write limit stays on). Each request is timed by the client, from fetch() to the body's last
// byte. An update changes the title to one not seen before, so that the trigger logs it.
// The same A/B then runs in this process on the app's own services (harness importAppModule:
// createTaskForUser, updateTaskForUser on the app's Prisma client and adapter), without HTTP,
// and on the single INSERT or UPDATE statement they send (EXPLAIN ANALYZE in a rolled-back
// transaction: the statement's execution time, and the trigger's share of it; then the statement
// committed on its own, timed through pg, which adds the commit's WAL flush).
//
// Reads, with the log on: --reads requests a round of each reader route, one at a time,
// rotating over the readers; then the database's part: each route's statements as the service
// sends them, recorded, run with EXPLAIN (ANALYZE, BUFFERS) and timed through pg as they are.
//
//   npm run bench:history -- [--no-build] [--rounds 5] [--requests 200] [--concurrency 1] [--users 32] [--readers 4] [--reads 50] [--changes 1000] [--background 25]

import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  benchDatabase,
  connect,
  importAppModule,
  loadAverage,
  logger,
  machineInfo,
  markdownTable,
  median,
  onCleanup,
  percentile,
  planSummary,
  recordingPrisma,
  seedTasks,
  signUpManyWithTokens,
  startApp,
  wholeNumber,
  withCleanup,
} from "./harness.mjs";

const SEEDED_TASKS = 50;
const WARMUP_REQUESTS = 10; // before each measured run, unmeasured
const EXPLAIN_RUNS = 30; // EXPLAIN ANALYZE runs per statement and variant
const IN_PROCESS_CALLS = 50; // service calls per variant and round
const LOG_TRIGGERS = [
  ["task", "task_log"],
  ["list", "list_log"],
  ["label", "label_log"],
  ["task_label", "task_label_log"],
];

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    rounds: { type: "string", default: "5" },
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "1" },
    users: { type: "string", default: "32" },
    readers: { type: "string", default: "4" },
    reads: { type: "string", default: "50" },
    changes: { type: "string", default: "1000" },
    background: { type: "string", default: "25" },
  },
});
const rounds = wholeNumber("rounds", args.rounds);
const requests = wholeNumber("requests", args.requests);
const concurrency = wholeNumber("concurrency", args.concurrency);
const writerCount = wholeNumber("users", args.users);
const readerCount = wholeNumber("readers", args.readers);
const reads = wholeNumber("reads", args.reads);
const changes = wholeNumber("changes", args.changes, 2);
const background = wholeNumber("background", args.background, 0);

const log = logger("bench:history");
const VARIANTS = ["with log", "without log"];

/** Turns the log's four triggers on or off, and checks that they are. */
async function setLog(db, on) {
  for (const [table, trigger] of LOG_TRIGGERS) await db.query(`ALTER TABLE "${table}" ${on ? "ENABLE" : "DISABLE"} TRIGGER "${trigger}"`);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = ANY($1) AND tgenabled ${on ? "<>" : "="} 'D'`, [LOG_TRIGGERS.map(([, trigger]) => trigger)]);
  if (rows[0].n !== LOG_TRIGGERS.length) throw new Error(`log triggers: expected all ${LOG_TRIGGERS.length} ${on ? "enabled" : "disabled"}`);
}

const changeCount = async (db) => Number((await db.query(`SELECT count(*) AS n FROM "change"`)).rows[0].n);

/**
 * `count` requests, `parallel` at a time, each timed from fetch() to the last byte of its body.
 * send(i) gives [url, init]. Returns the latencies (ms) of the 2xx answers and the others' statuses.
 */
async function timedRequests(count, parallel, send, check = () => true) {
  const latencies = [];
  const failures = [];
  const sizes = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const [url, init] = send(next++);
        const started = performance.now();
        const response = await fetch(url, init);
        const body = await response.text();
        const elapsed = performance.now() - started;
        if (response.ok && check(body)) {
          latencies.push(elapsed);
          sizes.push(body.length);
        } else failures.push(`${response.status} ${body.slice(0, 200)}`);
      }
    }),
  );
  if (failures.length > 0) log(`${failures.length} failed, e.g. ${failures[0]}`);
  return { latencies, failures, sizes };
}

/** Milliseconds, to one decimal. */
const ms = (value) => (value === undefined ? "-" : value.toFixed(1));
const pct = (ratio) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)} %`;
const stats = (latencies) => ({ n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length });

await withCleanup(main);

async function main() {
  const databaseUrl = await benchDatabase();
  const { appUrl } = await startApp({ databaseUrl, build: !args["no-build"] });
  const db = await connect(databaseUrl);
  // A database given in DATABASE_URL keeps its triggers on whatever happens.
  onCleanup(() => setLog(db, true));

  // ---- seed -----------------------------------------------------------------------------------
  log(`signing up ${writerCount} writers and ${readerCount} readers through /api/auth`);
  const signedUp = await signUpManyWithTokens(appUrl, writerCount + readerCount);
  const writers = signedUp.slice(0, writerCount);
  const readers = signedUp.slice(writerCount);
  await seedTasks(db, signedUp.map((user) => ({ id: user.id, count: SEEDED_TASKS })));
  const { rows: taskRows } = await db.query(`SELECT "userId", id FROM task WHERE "userId" = ANY($1) ORDER BY "userId", position`, [signedUp.map((user) => user.id)]);
  const byId = new Map(signedUp.map((user) => [user.id, Object.assign(user, { taskIds: [] })]));
  for (const row of taskRows) byId.get(row.userId).taskIds.push(row.id);

  log(`giving each reader's first task ${changes} changes, interleaved with as many of its other tasks`);
  for (const reader of readers) {
    await db.query(`DO $$
      DECLARE others uuid[]; top bigint; who text; writers text[] := ${db.escapeLiteral(`{${writers.map((user) => user.id).join(",")}}`)};
      BEGIN
        PERFORM set_config('tasks.actor', 'session:bench-seed', true);
        SELECT array_agg(id) INTO others FROM task WHERE "userId" = ${db.escapeLiteral(reader.id)} AND id <> ${db.escapeLiteral(reader.taskIds[0])}::uuid;
        FOR i IN 1..${changes - 1} LOOP
          -- Other users' changes between this user's, written straight into the log (not through
          -- the trigger, to be quick): the task's entries land on pages of their own, as on a busy server.
          IF ${background} > 0 THEN
            who := writers[1 + i % array_length(writers, 1)];
            UPDATE user_sync SET seq = seq + ${background} WHERE "userId" = who RETURNING seq INTO top;
            INSERT INTO "change" ("userId", seq, actor, entity, "entityId", op, before, after)
            SELECT who, top - ${background} + g, 'session:bench-seed', 'task', gen_random_uuid(), 'update',
                   jsonb_build_object('title', 'Before ' || g), jsonb_build_object('title', 'After ' || g)
            FROM generate_series(1, ${background}) AS g;
          END IF;
          UPDATE task SET title = 'History step ' || i, completed = (i % 4 = 0), priority = (ARRAY['low', 'medium', 'high']::"Priority"[])[1 + i % 3],
                 description = CASE WHEN i % 5 = 0 THEN 'Notes, version ' || i ELSE description END
          WHERE id = ${db.escapeLiteral(reader.taskIds[0])}::uuid;
          UPDATE task SET title = 'Other step ' || i WHERE id = others[1 + i % array_length(others, 1)];
        END LOOP;
      END $$`);
  }
  await db.query("VACUUM ANALYZE");
  const { rows: readerSeqs } = await db.query(`SELECT "userId", seq FROM user_sync WHERE "userId" = ANY($1)`, [readers.map((reader) => reader.id)]);
  for (const row of readerSeqs) byId.get(row.userId).seq = Number(row.seq);
  const { rows: sizes } = await db.query(`SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('change')) AS size FROM "change"`);
  log(`change log: ${sizes[0].n} entries, ${sizes[0].size} with its indexes; readers at seq ${readers.map((reader) => reader.seq).join(", ")}`);

  // ---- writes through HTTP, with and without the log ------------------------------------------
  let sent = 0; // every request's own number: rotates the writers, names titles uniquely
  const writer = (n) => writers[n % writers.length];
  const create = () => {
    const n = sent++;
    return [`${appUrl}/api/tasks`, { method: "POST", headers: { authorization: `Bearer ${writer(n).token}`, "content-type": "application/json" }, body: JSON.stringify({ title: `Bench create ${n}` }) }];
  };
  const update = () => {
    const n = sent++;
    const user = writer(n);
    const taskId = user.taskIds[Math.floor(n / writers.length) % user.taskIds.length];
    return [`${appUrl}/api/tasks/${taskId}`, { method: "PATCH", headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" }, body: JSON.stringify({ title: `Bench edit ${n}` }) }];
  };
  const routes = [
    { name: "POST /api/tasks", send: create },
    { name: "PATCH /api/tasks/{id}", send: update },
  ];
  const http = new Map(routes.flatMap((route) => VARIANTS.map((variant) => [`${route.name}|${variant}`, { all: [], perRound: [], logged: 0, requests: 0 }])));
  const loadBefore = loadAverage();
  log(`warming the write routes up`);
  for (const route of routes) await timedRequests(4 * WARMUP_REQUESTS, concurrency, route.send);
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      await setLog(db, variant === "with log");
      for (const route of routes) {
        await timedRequests(WARMUP_REQUESTS, concurrency, route.send);
        const before = await changeCount(db);
        const { latencies } = await timedRequests(requests, concurrency, route.send);
        const entry = http.get(`${route.name}|${variant}`);
        entry.logged += (await changeCount(db)) - before;
        entry.requests += requests;
        entry.all.push(...latencies);
        entry.perRound.push(stats(latencies));
        log(`round ${round}, ${variant}, ${route.name}: p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(percentile(latencies, 95))} ms`);
      }
    }
  }
  await setLog(db, true);
  const loadAfterWrites = loadAverage();

  // ---- the same writes in this process: services, then single statements ----------------------
  log("the same A/B on the app's services in this process, without HTTP");
  const [app, tasks, taskSchemas, changeService, changeSchemas] = await Promise.all([
    recordingPrisma(databaseUrl),
    importAppModule("lib/tasks/service.ts"),
    importAppModule("lib/tasks/schemas.ts"),
    importAppModule("lib/changes/service.ts"),
    importAppModule("lib/changes/schemas.ts"),
  ]);
  const inProcess = new Map(routes.flatMap((route) => VARIANTS.map((variant) => [`${route.name}|${variant}`, { all: [], perRound: [] }])));
  const actorOf = (user) => ({ userId: user.id, via: "session:bench" });
  const calls = {
    "POST /api/tasks": (n) => tasks.createTaskForUser(actorOf(writer(n)), taskSchemas.createTaskSchema.parse({ title: `In-process create ${n}` })),
    "PATCH /api/tasks/{id}": (n) => {
      const user = writer(n);
      return tasks.updateTaskForUser(actorOf(user), user.taskIds[Math.floor(n / writers.length) % user.taskIds.length], taskSchemas.updateTaskSchema.parse({ title: `In-process edit ${n}` }));
    },
  };
  let statementPlans;
  try {
    for (const route of routes) for (let i = 0; i < 10; i++) await calls[route.name](sent++);
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        await setLog(db, variant === "with log");
        for (const route of routes) {
          const latencies = [];
          for (let i = 0; i < IN_PROCESS_CALLS; i++) {
            const started = performance.now();
            await calls[route.name](sent++);
            latencies.push(performance.now() - started);
          }
          const entry = inProcess.get(`${route.name}|${variant}`);
          entry.all.push(...latencies);
          entry.perRound.push(stats(latencies));
        }
      }
    }
    await setLog(db, true);

    // The statement that writes the task, as the service sends it, under EXPLAIN ANALYZE in a
    // transaction rolled back (the actor set as the service sets it): execution time, trigger time.
    log("EXPLAIN ANALYZE of the writing statement, with and without the log");
    let created;
    const createStatements = await app.record(async () => (created = await calls["POST /api/tasks"](sent++)));
    const insert = createStatements.find((statement) => /^INSERT INTO "public"\."task"/.test(statement.text));
    const target = writers[0].taskIds[0];
    const updateStatements = await app.record(() => tasks.updateTaskForUser(actorOf(writers[0]), target, taskSchemas.updateTaskSchema.parse({ title: "Recorded edit" })));
    const change = updateStatements.find((statement) => /^\s*UPDATE "task"/.test(statement.text));
    if (!insert || !change) throw new Error(`could not find the INSERT or UPDATE among ${JSON.stringify([...createStatements, ...updateStatements].map((s) => s.text.slice(0, 60)))}`);
    statementPlans = { insert, change, createStatements: createStatements.length, updateStatements: updateStatements.length, runs: new Map() };
    for (let i = 0; i < EXPLAIN_RUNS; i++) {
      for (const variant of i % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        await setLog(db, variant === "with log");
        for (const [name, statement] of [
          ["POST /api/tasks", insert],
          ["PATCH /api/tasks/{id}", change],
        ]) {
          // A new id for the INSERT each time, and a title not seen before for the UPDATE.
          const values = statement.values.map((value) => (value === created.id ? randomUUID() : typeof value === "string" && value === "Recorded edit" ? `Explained edit ${sent++}` : value));
          await db.query("BEGIN");
          try {
            await db.query(`SELECT set_config('tasks.actor', 'session:bench', true)`);
            const { rows } = await db.query(`EXPLAIN (ANALYZE) ${statement.text}`, values);
            const text = rows.map((row) => row["QUERY PLAN"]).join("\n");
            const key = `${name}|${variant}`;
            if (!statementPlans.runs.has(key)) statementPlans.runs.set(key, { execution: [], trigger: [], committed: [], plan: text });
            const entry = statementPlans.runs.get(key);
            entry.execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1]));
            entry.trigger.push(Number(/Trigger task_log: time=([\d.]+)/.exec(text)?.[1] ?? 0));
            if ((variant === "with log") !== /Trigger task_log: time=[\d.]+ calls=1/.test(text)) throw new Error(`${name}, ${variant}: the trigger did not run as expected:\n${text}`);
          } finally {
            await db.query("ROLLBACK");
          }
          // The same statement committed on its own, timed through pg: what EXPLAIN leaves out,
          // the commit (its WAL flush) included. The UPDATE names its actor itself, the INSERT none.
          for (let again = 0; again < 5; again++) {
            const fresh = statement.values.map((value) => (value === created.id ? randomUUID() : typeof value === "string" && value === "Recorded edit" ? `Committed edit ${sent++}` : value));
            const started = performance.now();
            await db.query(statement.text, fresh);
            statementPlans.runs.get(`${name}|${variant}`).committed.push(performance.now() - started);
          }
        }
      }
    }
    await setLog(db, true);
  } finally {
    await setLog(db, true);
  }

  // ---- reads ------------------------------------------------------------------------------------
  const reader = (n) => readers[n % readers.length];
  let readsSent = 0;
  const readRoutes = [
    {
      name: "history, 1,000 changes",
      path: "GET /api/tasks/{id}/history?limit=1000",
      target: 50,
      send: () => {
        const user = reader(readsSent++);
        return [`${appUrl}/api/tasks/${user.taskIds[0]}/history?limit=${Math.min(1000, changes)}`, { headers: { authorization: `Bearer ${user.token}` } }];
      },
      check: (body) => JSON.parse(body).changes.length === Math.min(1000, changes),
    },
    {
      name: "feed, 1,000 changes",
      path: "GET /api/changes?since=<cursor>&limit=1000",
      target: 100,
      send: () => {
        const user = reader(readsSent++);
        return [`${appUrl}/api/changes?since=${user.seq - 1500}&limit=1000`, { headers: { authorization: `Bearer ${user.token}` } }];
      },
      check: (body) => JSON.parse(body).changes.length === 1000,
    },
  ];
  const readRuns = new Map(readRoutes.map((route) => [route, { all: [], sizes: [], failures: 0, perRound: [] }]));
  log("warming the read routes up");
  for (const route of readRoutes) await timedRequests(WARMUP_REQUESTS, 1, route.send, route.check);
  for (let round = 1; round <= rounds; round++) {
    for (const route of round % 2 ? readRoutes : [...readRoutes].reverse()) {
      const { latencies, failures, sizes: bodySizes } = await timedRequests(reads, 1, route.send, route.check);
      const entry = readRuns.get(route);
      entry.all.push(...latencies);
      entry.sizes.push(...bodySizes);
      entry.failures += failures.length;
      entry.perRound.push(stats(latencies));
      log(`round ${round}, ${route.name}: p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(percentile(latencies, 95))} ms`);
    }
  }
  const loadAfter = loadAverage();

  // The database's part: the statements the service sends, recorded, then EXPLAIN (ANALYZE,
  // BUFFERS) of each (median of 10 runs) and the statement itself through pg (median of 10),
  // and the service's call in this process (Prisma's mapping included, median of 10).
  log("recording the read routes' statements and running EXPLAIN (ANALYZE, BUFFERS) on them");
  const readDatabase = [];
  try {
    const first = readers[0];
    const readCalls = [
      () => changeService.historyOfTaskForUser(actorOf(first), first.taskIds[0], changeSchemas.historyQuerySchema.parse({ limit: String(Math.min(1000, changes)) })),
      () => changeService.changesSinceForUser(actorOf(first), changeSchemas.feedQuerySchema.parse({ since: String(first.seq - 1500), limit: "1000" })),
    ];
    for (const [i, route] of readRoutes.entries()) {
      const statements = await app.record(readCalls[i]);
      const service = [];
      for (let run = 0; run < 10; run++) {
        const started = performance.now();
        await readCalls[i]();
        service.push(performance.now() - started);
      }
      const analyzed = [];
      for (const statement of statements) {
        const executions = [];
        const roundTrips = [];
        let lines;
        for (let run = 0; run < 10; run++) {
          const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
          lines = rows.map((row) => row["QUERY PLAN"]);
          executions.push(Number(planSummary(lines).time));
          const started = performance.now();
          await db.query(statement.text, statement.values);
          roundTrips.push(performance.now() - started);
        }
        analyzed.push({ statement, lines, summary: planSummary(lines), execution: median(executions), roundTrip: median(roundTrips) });
      }
      readDatabase.push({ route, analyzed, service: median(service) });
    }
  } finally {
    await app.close();
  }

  // ---- report -------------------------------------------------------------------------------
  console.log(
    `\nChange log bench: ${rounds} rounds of both variants (A B, B A, ...), ${requests} requests per route, variant and round, ${concurrency} at a time, over ${writerCount} writers; ` +
      `${readerCount} readers whose first task has ${changes} changes (${sizes[0].n} entries in the log at the start, ${sizes[0].size}); ` +
      `${machineInfo({ load: false })}; load average ${loadBefore} before, ${loadAfterWrites} after the writes, ${loadAfter} at the end\n`,
  );
  const abRows = (runs, label) =>
    routes.flatMap((route) => {
      const on = runs.get(`${route.name}|with log`);
      const off = runs.get(`${route.name}|without log`);
      const [a, b] = [stats(on.all), stats(off.all)];
      // Each round's p50 with the log over the same round's without: the paired estimate, less drift.
      const paired = median(on.perRound.map((entry, i) => entry.p50 / off.perRound[i].p50));
      return [
        [`${route.name} (${label})`, "with log", String(a.n), ms(a.p50), ms(a.p95), ms(a.mean), on.perRound.map((entry) => ms(entry.p50)).join(" "), pct(a.p50 / b.p50), pct(a.p95 / b.p95), pct(a.mean / b.mean), pct(paired), on.logged === undefined ? "" : (on.logged / on.requests).toFixed(2)],
        [`${route.name} (${label})`, "without log", String(b.n), ms(b.p50), ms(b.p95), ms(b.mean), off.perRound.map((entry) => ms(entry.p50)).join(" "), "", "", "", "", off.logged === undefined ? "" : (off.logged / off.requests).toFixed(2)],
      ];
    });
  console.log("Writes, with and without the log (client-side latency, ms; overhead = with / without - 1):\n");
  console.log(
    markdownTable(
      ["route", "variant", "requests", "p50", "p95", "mean", "p50 each round", "p50 overhead", "p95 overhead", "mean overhead", "paired p50 overhead", "log rows/request"],
      [...abRows(http, "HTTP"), ...abRows(inProcess, "service in-process")],
      ["left", "left", "right", "right", "right", "right", "left", "right", "right", "right", "right", "right"],
    ),
  );
  const httpOverheads = routes.map((route) => {
    const on = http.get(`${route.name}|with log`);
    const off = http.get(`${route.name}|without log`);
    return { route, p50: percentile(on.all, 50) / percentile(off.all, 50), paired: median(on.perRound.map((entry, i) => entry.p50 / off.perRound[i].p50)) };
  });
  console.log(
    `\nTarget (1), the log adds at most 15 % to a create or an update (HTTP, p50): ` +
      httpOverheads.map(({ route, p50, paired }) => `${route.name} ${pct(p50)} (paired ${pct(paired)}): ${p50 <= 1.15 ? "met" : "missed"}`).join("; ") +
      ". Paired: the median over rounds of each round's p50 ratio.",
  );

  console.log(`\nThe writing statement alone: EXPLAIN ANALYZE in a rolled-back transaction, median of ${EXPLAIN_RUNS} runs a variant; and committed on its own through pg, median of ${5 * EXPLAIN_RUNS} (the service sends ${statementPlans.createStatements} statements for a create, ${statementPlans.updateStatements} for an update):\n`);
  console.log(
    markdownTable(
      ["statement", "with log: execution ms", "of which trigger task_log ms", "without log: execution ms", "difference ms", "committed alone via pg, p50 with / without ms", "difference ms"],
      routes.map((route) => {
        const on = statementPlans.runs.get(`${route.name}|with log`);
        const off = statementPlans.runs.get(`${route.name}|without log`);
        return [
          `${route.name === "POST /api/tasks" ? "INSERT" : "UPDATE"} of ${route.name}`,
          median(on.execution).toFixed(3),
          median(on.trigger).toFixed(3),
          median(off.execution).toFixed(3),
          (median(on.execution) - median(off.execution)).toFixed(3),
          `${median(on.committed).toFixed(3)} / ${median(off.committed).toFixed(3)}`,
          (median(on.committed) - median(off.committed)).toFixed(3),
        ];
      }),
    ),
  );

  console.log("\nReads, with the log (client-side latency, one request at a time; database: the statements the service sends):\n");
  console.log(
    markdownTable(
      ["route", "requests", "p50 ms", "p95 ms", "mean ms", "p50 each round", "body kB", "target", "service in-process ms", "database: execution ms", "database: via pg ms"],
      readDatabase.map(({ route, analyzed, service }) => {
        const entry = readRuns.get(route);
        const s = stats(entry.all);
        return [
          `${route.name}: \`${route.path}\``,
          `${s.n}${entry.failures ? ` (${entry.failures} failed)` : ""}`,
          ms(s.p50),
          ms(s.p95),
          ms(s.mean),
          entry.perRound.map((round) => ms(round.p50)).join(" "),
          (median(entry.sizes) / 1000).toFixed(0),
          `≤ ${route.target} ms: ${s.p50 <= route.target ? "met" : "missed"} at p50, ${s.p95 <= route.target ? "met" : "missed"} at p95`,
          ms(service),
          analyzed.map((a) => a.execution.toFixed(2)).join(" + "),
          analyzed.map((a) => a.roundTrip.toFixed(2)).join(" + "),
        ];
      }),
      ["left", "right", "right", "right", "right", "left", "right", "left", "right", "right", "right"],
    ),
  );
  console.log("\nPlans (EXPLAIN (ANALYZE, BUFFERS), last of 10 runs):");
  for (const { route, analyzed } of readDatabase) {
    for (const { statement, lines } of analyzed) {
      console.log(`\n#### ${route.name}\n\n\`\`\`sql\n${statement.text}\n-- values: ${JSON.stringify(statement.values)}\n\`\`\`\n\`\`\`\n${lines.join("\n")}\n\`\`\``);
    }
  }
  for (const route of routes) {
    const on = statementPlans.runs.get(`${route.name}|with log`);
    console.log(`\n#### ${route.name}, the writing statement with the log\n\n\`\`\`sql\n${(route.name === "POST /api/tasks" ? statementPlans.insert : statementPlans.change).text}\n\`\`\`\n\`\`\`\n${on.plan}\n\`\`\``);
  }
}
