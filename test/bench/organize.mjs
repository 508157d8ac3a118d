// `npm run bench:organize`: the list route over a large organized account, against a single flat
// list of 50 (issue "Organize": with 10,000 tasks across 50 lists and 30 labels, within 1.2x of
// the flat list), and the query plans of what it runs.
//
// Starts the app as `npm run bench` does (test/bench/harness.mjs: production build unless
// --no-build, `next start` on a fresh PostgreSQL database dropped at the end), signs two groups of
// users up through the real auth endpoints (--users each, 6 per connection by default) and seeds
// them with set-based SQL:
//   flat       50 tasks each, all top level in the Inbox (harness seedTasks)
//   organized  --tasks each (10,000) over 50 lists (the Inbox and 49 more) and 30 labels: task g
//              in list g % 50; 0 to 3 labels; one in ten a subtask of a top-level task of the
//              same list; every second one due within 30 days either side of now; positions "d"
//              and four base-62 digits, distinct among siblings
// then VACUUM ANALYZE, warms every route up and measures with autocannon, every request taking
// the next user of its group (and the next list or label of that user):
//   flat: list       GET /api/tasks?listId=<Inbox>&parentId=none&sort=position   (the baseline)
//   flat: all        GET /api/tasks
//   list             GET /api/tasks?listId=<one of 50>&parentId=none&sort=position
//   label            GET /api/tasks?labelId=<one of 30>
//   today            GET /api/tasks?view=today&tz=Europe/Paris
//   upcoming         GET /api/tasks?view=upcoming&tz=Europe/Paris&sort=dueDate
//   all              GET /api/tasks                       (newest first over all the tasks)
//   counts           GET /api/tasks/counts?listId=<one of 50>
// in --rounds rounds (3) of every route in turn, each run after a warm-up of its own; each row
// is the median of its rounds, compared with the baseline's (p50 and req/s), with the database's
// transactions per request and blocks per transaction (pg_stat_database). The per-user read
// limit (600 a minute, lib/api/rate-limit.ts) stays on, and the organized users serve six routes
// in a row: keep --users above a tenth of those routes' req/s, or 429s show under non-2xx.
//
// Then the plans: the script imports lib/tasks/service.ts itself (harness importAppModule) with a
// Prisma client of the same generated code and adapter (@prisma/adapter-pg) over a pg pool whose
// query() records each statement's text and values as they go to the server, calls
// listTasksForUser / countTasksForUser with each route's query, parsed by the route's own schema,
// for the first user of its group, and runs EXPLAIN (ANALYZE, BUFFERS) on every recorded
// statement with the same values, through pg: the statements the route runs, not look-alikes.
//
//   npm run bench:organize -- [--no-build] [--connections 16] [--duration 10] [--warmup 2] [--rounds 3] [--users N] [--tasks 10000] [--plans-only]

import { parseArgs } from "node:util";
import {
  bearer,
  benchDatabase,
  connect,
  failuresCell,
  importAppModule,
  loadAverage,
  logger,
  machineInfo,
  markdownTable,
  measure,
  median,
  orderKeySql,
  planSummary,
  recordingPrisma,
  rotating,
  seedTasks,
  signUpManyWithTokens,
  startApp,
  wholeNumber,
  withCleanup,
} from "./harness.mjs";

const FLAT_TASKS = 50;
const LISTS = 50; // the Inbox and 49 more
const LABELS = 30;
const TIME_ZONE = "Europe/Paris";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "plans-only": { type: "boolean", default: false },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    users: { type: "string" },
    tasks: { type: "string", default: "10000" },
    rounds: { type: "string", default: "3" },
  },
});
const connections = wholeNumber("connections", args.connections);
const duration = wholeNumber("duration", args.duration);
const warmup = wholeNumber("warmup", args.warmup, 0);
const rounds = wholeNumber("rounds", args.rounds);
const usersPerGroup = args.users === undefined ? 6 * connections : wholeNumber("users", args.users);
// Up to the account limit (lib/tasks/constants.ts); enough for every organized route to fill a page of 50.
const organizedTasks = wholeNumber("tasks", args.tasks, 5_000);
if (organizedTasks > 10_000) throw new Error("--tasks must be at most 10000, the most one account can hold");

const log = logger("bench:organize");

/** SQL for the id of organized task `g` of user `userId`: a UUID (v4-shaped) from both, so labels and parents can name it. */
const taskIdSql = (userId, g) => `overlay(overlay(md5(${userId} || '/' || (${g})) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Seeds each organized user: 49 lists beside the Inbox, 30 labels, `count` tasks and their
 * labels, one set-based statement each (per batch of users, for progress).
 */
async function seedOrganized(db, userIds, count) {
  const now = `(now() AT TIME ZONE 'UTC')`; // the columns hold UTC wall time, as Prisma writes them
  await db.query(
    `INSERT INTO list (id, "userId", name, color, position, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'List ' || k, (enum_range(NULL::"Color"))[1 + k % 9], ${orderKeySql("k")}, ${now}, ${now}
     FROM unnest($1::text[]) AS u(id) CROSS JOIN generate_series(1, ${LISTS - 1}) AS k`,
    [userIds],
  );
  await db.query(
    `INSERT INTO label (id, "userId", name, color, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'Label ' || k, (enum_range(NULL::"Color"))[1 + k % 9], ${now}, ${now}
     FROM unnest($1::text[]) AS u(id) CROSS JOIN generate_series(1, ${LABELS}) AS k`,
    [userIds],
  );
  const batch = 8;
  for (let start = 0; start < userIds.length; start += batch) {
    const ids = userIds.slice(start, start + batch);
    const started = Date.now();
    // Task g: in list g % 50 (the Inbox first, then by position); rounds of 50 whose number ends
    // in 9 are subtasks of the task 50 before (top level, same list); every second one is due
    // on a whole day within 30 days either side of now; every fourth is done.
    await db.query(
      `INSERT INTO task (id, "userId", title, description, completed, priority, "dueDate", "dueSort", "createdAt", "updatedAt", "listId", "parentId", position)
       SELECT ${taskIdSql('l."userId"', "g")}, l."userId", 'Bench task ' || g,
              CASE WHEN g % 3 = 0 THEN 'Some notes about task ' || g ELSE '' END,
              g % 4 = 0, (ARRAY['low', 'medium', 'high']::"Priority"[])[1 + g % 3],
              CASE WHEN g % 2 = 0 THEN (${now}::timestamp + ((g * 37) % 61 - 30) * interval '1 day')::date END,
              CASE WHEN g % 2 = 0 THEN (${now}::timestamp + ((g * 37) % 61 - 30) * interval '1 day')::date + time '23:59:59.999' END,
              ${now} - g * interval '1 second', ${now} - g * interval '1 second',
              l.ids[1 + g % ${LISTS}],
              CASE WHEN g / ${LISTS} % 10 = 9 THEN ${taskIdSql('l."userId"', `g - ${LISTS}`)} END,
              ${orderKeySql("g")}
       FROM (SELECT "userId", array_agg(id ORDER BY inbox IS NOT TRUE, position) AS ids FROM list WHERE "userId" = ANY($1) GROUP BY "userId") AS l
       CROSS JOIN generate_series(1, $2::int) AS g`,
      [ids, count],
    );
    // 0 to 3 labels a task (1.5 on average), distinct: label k, k + 11 and k + 22 (mod 30).
    await db.query(
      `INSERT INTO task_label ("taskId", "labelId")
       SELECT ${taskIdSql('l."userId"', "g")}, l.ids[1 + (abs(hashint4(g + 1)) + j * 11) % ${LABELS}]
       FROM (SELECT "userId", array_agg(id ORDER BY name) AS ids FROM label WHERE "userId" = ANY($1) GROUP BY "userId") AS l
       CROSS JOIN generate_series(1, $2::int) AS g CROSS JOIN LATERAL generate_series(0, abs(hashint4(g)) % 4 - 1) AS j`,
      [ids, count],
    );
    log(`seeded ${Math.min(start + batch, userIds.length)} of ${userIds.length} organized users (${Math.round((Date.now() - started) / 1000)} s for this batch)`);
  }
}

// ---- main ---------------------------------------------------------------------------------------

await withCleanup(main);

async function main() {
  const databaseUrl = await benchDatabase();
  const { appUrl } = await startApp({ databaseUrl, build: !args["no-build"] });

  // ---- seed -----------------------------------------------------------------------------------
  log(`signing up 2 x ${usersPerGroup} users through /api/auth`);
  const signedUp = await signUpManyWithTokens(appUrl, 2 * usersPerGroup);
  const flat = signedUp.slice(0, usersPerGroup);
  const organized = signedUp.slice(usersPerGroup);
  const db = await connect(databaseUrl);
  log(`seeding ${FLAT_TASKS} tasks for each flat user`);
  await seedTasks(db, flat.map((user) => ({ id: user.id, count: FLAT_TASKS })));
  log(`seeding ${organizedTasks} tasks in ${LISTS} lists with ${LABELS} labels for each of ${organized.length} organized users`);
  const seedStarted = Date.now();
  await seedOrganized(db, organized.map((user) => user.id), organizedTasks);
  log("VACUUM ANALYZE");
  await db.query("VACUUM ANALYZE");
  log(`seeded in ${Math.round((Date.now() - seedStarted) / 1000)} s`);

  const { rows: listRows } = await db.query(`SELECT "userId", id FROM list WHERE "userId" = ANY($1) ORDER BY "userId", inbox IS NOT TRUE, position`, [signedUp.map((user) => user.id)]);
  const { rows: labelRows } = await db.query(`SELECT "userId", id FROM label WHERE "userId" = ANY($1) ORDER BY "userId", name`, [organized.map((user) => user.id)]);
  const byId = new Map(signedUp.map((user) => [user.id, Object.assign(user, { listIds: [], labelIds: [] })]));
  for (const row of listRows) byId.get(row.userId).listIds.push(row.id);
  for (const row of labelRows) byId.get(row.userId).labelIds.push(row.id);
  const { rows: counts } = await db.query(
    `SELECT (SELECT count(*) FROM task) AS tasks, (SELECT count(*) FROM task WHERE "parentId" IS NOT NULL) AS subtasks, (SELECT count(*) FROM task_label) AS labels,
            pg_size_pretty(pg_total_relation_size('task')) AS size`,
  );
  log(`database: ${counts[0].tasks} tasks (${counts[0].subtasks} subtasks), ${counts[0].labels} task labels, table task with its indexes ${counts[0].size}`);

  // ---- scenarios ----------------------------------------------------------------------------
  // Each scenario: its users, and the query of the n-th request of a user (round: how many times
  // the users came round). The first user's first query is the one whose plans are shown.
  const scenarios = [
    { name: "flat: list of 50 (baseline)", users: flat, path: "/api/tasks", query: (user) => ({ listId: user.listIds[0], parentId: "none", sort: "position" }), expect: FLAT_TASKS },
    { name: "flat: all, newest first", users: flat, path: "/api/tasks", query: () => ({}), expect: FLAT_TASKS },
    { name: "list, by position", users: organized, path: "/api/tasks", query: (user, round) => ({ listId: user.listIds[round % LISTS], parentId: "none", sort: "position" }), expect: 50 },
    { name: "label", users: organized, path: "/api/tasks", query: (user, round) => ({ labelId: user.labelIds[round % LABELS] }), expect: 50 },
    { name: "today", users: organized, path: "/api/tasks", query: () => ({ view: "today", tz: TIME_ZONE }), expect: 50 },
    { name: "upcoming, by due date", users: organized, path: "/api/tasks", query: () => ({ view: "upcoming", tz: TIME_ZONE, sort: "dueDate" }), expect: 50 },
    { name: "all, newest first", users: organized, path: "/api/tasks", query: () => ({}), expect: 50 },
    { name: "counts of a list", users: organized, path: "/api/tasks/counts", query: (user, round) => ({ listId: user.listIds[round % LISTS] }) },
  ].map((scenario) => {
    const pathFor = (user, round) => {
      const params = new URLSearchParams(scenario.query(user, round));
      return `${scenario.path}${params.size ? `?${params}` : ""}`;
    };
    return { ...scenario, url: appUrl, pathFor, setup: () => rotating(scenario.users, (request, user, round) => ({ ...bearer(request, user), path: pathFor(user, round) })) };
  });

  // Every scenario must answer what it claims (a full page, or the list's counts) before it is timed.
  for (const scenario of scenarios) {
    const user = scenario.users[0];
    const response = await fetch(`${appUrl}${scenario.pathFor(user, 0)}`, { headers: { authorization: `Bearer ${user.token}` } });
    const body = await response.json();
    const ok = response.status === 200 && (scenario.expect === undefined ? body.all > 0 : body.tasks?.length === scenario.expect);
    if (!ok) throw new Error(`${scenario.name}: unexpected answer ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }

  // ---- measure ------------------------------------------------------------------------------
  // A warm-up of every route first (the first one measured would otherwise pay for the server's
  // warming up), then --rounds rounds of every route in turn, each after a warm-up of its own: on
  // a shared machine the load drifts, so each route's numbers are the median of its rounds, and
  // the baseline is measured in every round as the others are.
  const runs = new Map(scenarios.map((scenario) => [scenario, []]));
  const loadBefore = loadAverage();
  if (!args["plans-only"]) {
    if (warmup > 0) {
      log(`warming every route up for ${warmup} s`);
      for (const scenario of scenarios) await measure(scenario, { connections, duration: warmup, warmup: 0 });
    }
    // The database's own counters around each measured run: transactions (one per statement
    // outside a transaction) and 8 kB blocks found in shared buffers or read from the OS. Backends
    // report them at most once a second, so the last second of a run may count in the next one:
    // per transaction, the numbers hold; per request, they may be low by a tenth or so.
    const counters = async () => {
      const { rows } = await db.query(`SELECT xact_commit + xact_rollback AS xacts, blks_hit AS hit, blks_read AS read FROM pg_stat_database WHERE datname = current_database()`);
      return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]));
    };
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        if (warmup > 0) await measure(scenario, { connections, duration: warmup, warmup: 0 });
        const before = await counters();
        const outcome = await measure(scenario, { connections, duration, warmup: 0 });
        const after = await counters();
        runs.get(scenario).push({ ...outcome, database: { xacts: after.xacts - before.xacts, hit: after.hit - before.hit, read: after.read - before.read } });
        log(`round ${round}, ${scenario.name}: ${Math.round(outcome.result.requests.average)} req/s, p50 ${outcome.result.latency.p50} ms${outcome.codes ? ` (${outcome.codes})` : ""}`);
      }
    }
  }
  const loadAfter = loadAverage();

  // ---- plans --------------------------------------------------------------------------------
  log("recording the statements of each scenario and running EXPLAIN (ANALYZE, BUFFERS) on them");
  const [app, service, schemas] = await Promise.all([recordingPrisma(databaseUrl), importAppModule("lib/tasks/service.ts"), importAppModule("lib/tasks/schemas.ts")]);
  const plans = [];
  try {
    for (const scenario of scenarios) {
      const user = scenario.users[0];
      const raw = scenario.query(user, 0);
      const statements = await app.record(() =>
        scenario.path === "/api/tasks"
          ? service.listTasksForUser(user.id, schemas.listQuerySchema.parse(raw))
          : service.countTasksForUser(user.id, schemas.countQuerySchema.parse(raw)),
      );
      for (const statement of statements) {
        // Twice: the first run may read blocks from the OS that the load had not left in shared
        // buffers (its top node's count is kept); the second is the one shown.
        const first = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
        const firstRead = /read=(\d+)/.exec(first.rows.find((row) => /^\s*Buffers:/.test(row["QUERY PLAN"]))?.["QUERY PLAN"] ?? "")?.[1] ?? "0";
        const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
        const lines = rows.map((row) => row["QUERY PLAN"]);
        plans.push({ scenario, statement, lines, summary: { ...planSummary(lines), firstRead } });
      }
    }
  } finally {
    await app.close();
  }

  // ---- report -------------------------------------------------------------------------------
  console.log(
    `\nOrganize bench: ${connections} connections, ${rounds} x ${duration} s per route (${warmup} s warm-up each); ${usersPerGroup} flat users with ${FLAT_TASKS} tasks in the Inbox, ` +
      `${usersPerGroup} organized users with ${organizedTasks} tasks over ${LISTS} lists and ${LABELS} labels (${counts[0].tasks} tasks in the database, ${counts[0].size} for table task and its indexes); ` +
      `${machineInfo({ load: false })}; load average ${loadBefore} before the runs, ${loadAfter} after\n`,
  );
  if (!args["plans-only"]) {
    const sum = (values) => values.reduce((total, value) => total + value, 0);
    const summaries = scenarios.map((scenario) => {
      const list = runs.get(scenario);
      const of = (pick) => median(list.map(({ result }) => pick(result)));
      const codes = new Map();
      for (const { codes: text } of list) for (const [, code, count] of text.matchAll(/(\d+)x(\d+)/g)) codes.set(code, (codes.get(code) ?? 0) + Number(count));
      return {
        scenario,
        rate: of((result) => result.requests.average),
        p50: of((result) => result.latency.p50),
        p50s: list.map(({ result }) => result.latency.p50),
        mean: of((result) => result.latency.mean),
        p97_5: of((result) => result.latency.p97_5),
        p99: of((result) => result.latency.p99),
        failures: failuresCell({
          result: { non2xx: sum(list.map(({ result }) => result.non2xx)), errors: sum(list.map(({ result }) => result.errors)) },
          codes: [...codes].map(([code, count]) => `${code}x${count}`).join(" "),
        }),
        failed: sum(list.map(({ result }) => result.non2xx + result.errors)),
        requests: sum(list.map(({ result }) => result.requests.total)),
        database: Object.fromEntries(["xacts", "hit", "read"].map((key) => [key, sum(list.map(({ database }) => database[key]))])),
      };
    });
    const base = summaries[0];
    const ratio = (value, baseValue) => `${(value / baseValue).toFixed(2)}x`;
    console.log(
      markdownTable(
        ["route", "query", "req/s", "p50 ms", "p50 each round", "mean ms", "p97.5 ms", "p99 ms", "non-2xx", "p50 x base", "req/s x base", "db xacts/req", "blocks hit/xact", "blocks read/xact"],
        summaries.map((entry) => [
          entry.scenario.name,
          `\`${entry.scenario.pathFor({ listIds: ["<list>"], labelIds: ["<label>"] }, 0).replace(/%3C(\w+)%3E/g, "<$1>")}\``,
          String(Math.round(entry.rate)),
          String(entry.p50),
          entry.p50s.join(" "),
          entry.mean.toFixed(1),
          String(entry.p97_5),
          String(entry.p99),
          entry.failures,
          ratio(entry.p50, base.p50),
          ratio(entry.rate, base.rate),
          (entry.database.xacts / entry.requests).toFixed(2),
          (entry.database.hit / entry.database.xacts).toFixed(0),
          (entry.database.read / entry.database.xacts).toFixed(1),
        ]),
        ["left", "left", "right", "right", "left", ...Array(9).fill("right")],
      ),
    );
    const missed = summaries.filter((entry) => entry.scenario.users === organized && entry.p50 > 1.2 * base.p50);
    const failing = summaries.filter((entry) => entry.failed > 0);
    console.log(
      `\nEach cell is the median of ${rounds} round${rounds === 1 ? "" : "s"} (non-2xx and the database columns: all rounds). ` +
        `Target, p50 of each organized route within 1.20x of the flat list's: ${missed.length === 0 ? "met by every one" : `missed by ${missed.map((entry) => entry.scenario.name).join(", ")}`}.` +
        (failing.length > 0 ? ` Not comparable, as some answers were not 2xx (a 429 is quick): ${failing.map((entry) => entry.scenario.name).join(", ")}.` : ""),
    );
  }

  console.log("\nPlans (EXPLAIN (ANALYZE, BUFFERS) of the statements the route runs, for the first user of each group):\n");
  console.log(
    markdownTable(
      ["route", "indexes", "seq scans", "rows", "execution ms", "blocks hit", "read (1st run)"],
      plans.map(({ scenario, summary }) => [
        scenario.name,
        summary.indexes.join(", ") || "none",
        summary.seqScans.join(", ") || "none",
        summary.rows,
        summary.time,
        summary.hit,
        summary.firstRead,
      ]),
      ["left", "left", "left", "right", "right", "right", "right"],
    ),
  );
  for (const { scenario, statement, lines } of plans) {
    console.log(`\n#### ${scenario.name}: \`${scenario.pathFor(scenario.users[0], 0)}\`\n`);
    console.log("```sql");
    console.log(statement.text);
    console.log(`-- values: ${JSON.stringify(statement.values)}`);
    console.log("```\n```");
    console.log(lines.join("\n"));
    console.log("```");
  }
}
