// Floor (b) of `npm run bench` (test/bench/run.mjs): what the list route's work costs without
// Next.js. A plain node:http server that verifies the bearer token as lib/auth.ts does (jose,
// EdDSA, the app's public keys from /api/auth/jwks, same issuer, audience and claims) and runs
// one PostgreSQL query for the user's first page of tasks (the list route's default: newest
// first, 50 and one more to know whether a next page exists), shaped as lib/tasks/service.ts's
// toTask() shapes it. It mirrors the app's code on purpose rather than importing it: a floor must
// not run the code it is the floor of. Run as a child process of the
// bench, so that it never shares an event loop with the load generator.
//
//   node test/bench/floor.mjs   (env: FLOOR_PORT, FLOOR_DATABASE_URL, FLOOR_APP_URL, FLOOR_POOL_MAX)

import http from "node:http";
import { createLocalJWKSet, jwtVerify } from "jose";
import pg from "pg";

const port = Number(process.env.FLOOR_PORT);
const appUrl = process.env.FLOOR_APP_URL;
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const PAGE = 50;

const jwksResponse = await fetch(`${appUrl}/api/auth/jwks`);
if (!jwksResponse.ok) throw new Error(`GET /api/auth/jwks: ${jwksResponse.status}`);
const keys = createLocalJWKSet(await jwksResponse.json());
// The app's pool: DATABASE_POOL_MAX connections (5 by default).
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_MAX ?? 5) });
pool.on("error", (error) => console.error("floor: idle client error", error.message));

const send = (response, status, body) => {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  response.end(text);
};

const server = http.createServer(async (request, response) => {
  try {
    const match = BEARER.exec(request.headers.authorization ?? "");
    if (!match) return send(response, 401, { error: { code: "unauthorized" } });
    let userId;
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        algorithms: ["EdDSA"],
        issuer: appUrl,
        audience: "tasks-api",
        requiredClaims: ["sub", "exp", "iat", "sid"],
        maxTokenAge: 15 * 60,
        clockTolerance: 5,
      });
      userId = payload.sub;
    } catch {
      return send(response, 401, { error: { code: "unauthorized" } });
    }
    const { rows } = await pool.query(
      `SELECT t.id, t.title, t.description, t.completed, t.priority, t."dueDate"::text AS "dueDate", t."dueAt", t."dueTimeZone", t.recurrence, t."recurrenceMode", t."createdAt", t."updatedAt",
              t."listId", t."parentId", t.position,
              ARRAY(SELECT tl."labelId" FROM task_label tl WHERE tl."taskId" = t.id ORDER BY tl."labelId") AS "labelIds",
              (SELECT count(*)::int FROM task s WHERE s."parentId" = t.id) AS "subtasksTotal",
              (SELECT count(*)::int FROM task s WHERE s."parentId" = t.id AND s.completed) AS "subtasksCompleted"
       FROM task t WHERE t."userId" = $1 ORDER BY t."createdAt" DESC, t.id DESC LIMIT $2`,
      [userId, PAGE + 1],
    );
    const tasks = rows.slice(0, PAGE).map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      completed: row.completed,
      priority: row.priority,
      dueDate: row.dueDate,
      dueAt: row.dueAt?.toISOString() ?? null,
      dueTimeZone: row.dueTimeZone,
      recurrence: row.recurrence ? { rule: row.recurrence, mode: row.recurrenceMode } : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      listId: row.listId,
      parentId: row.parentId,
      position: row.position,
      labelIds: row.labelIds,
      subtasks: { total: row.subtasksTotal, completed: row.subtasksCompleted },
    }));
    send(response, 200, { tasks, nextCursor: rows.length > PAGE ? "more" : null });
  } catch (error) {
    send(response, 500, { error: { code: "internal", message: String(error) } });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => process.send?.("listening"));
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
});
