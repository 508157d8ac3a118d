import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_INFO, HTTP_METHODS } from "@/lib/api/route";
import { encodeCursor } from "@/lib/tasks/cursor";
import { SORTS, SUBTASK_DEPTH_MAX } from "@/lib/tasks/constants";
import { fillPattern, loadApiRoutes } from "./support/api-routes";
import { setUpTestDatabase } from "./support/database";
import { APP_URL, callAuth, randomIp, signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// Every API route driven with generated hostile input, as an attacker would send it: the answer
// is never a 5xx, and a 4xx changes nothing.

const db = setUpTestDatabase();
const RUNS = 50; // per endpoint: the five write endpoints stay under the per-user write limit

// The user's tasks, under ids known before they exist, so that generated bodies can name them.
const taskIds = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
let user: TestUser;
beforeAll(async () => {
  user = await signUpUser("Fuzzed");
  for (const [i, title] of ["first", "second", "third"].entries()) {
    const response = await callApi("POST", "/api/tasks", { token: user.token, body: { id: taskIds[i], title, dueDate: "2026-12-24" } });
    expect(response.status).toBe(201);
  }
});

// Text that has broken parsers and databases before.
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ minLength: 190, maxLength: 2100 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "%",
    "_",
    "\\",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "toString",
    "9999-12-31T23:59:59.999Z",
    "10000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "-000001-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "1899-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "2026-12-24",
    "NaN",
    "Infinity",
    "-1",
    "1e309",
    "\ud800",
    "x".repeat(20_000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, true, 0, -1, 1e308, [], {}));
const taskField = fc.constantFrom(
  ...["title", "description", "priority", "dueDate", "completed", "id", "userId", "createdAt", "__proto__", "constructor", "toString"],
  // Where a task sits, and the fields of lists and labels.
  ...["listId", "parentId", "labelIds", "after", "name", "color", "archived", "inbox", "position"],
);
// Ids a create may name (taken ones, fresh ones, UUIDs of any version or case), with a title
// that often passes, so that creates reach the database.
const taskIdAndTitle = fc.record({
  id: fc.oneof(fc.constantFrom(...taskIds), fc.uuid(), fc.uuid().map((id) => id.toUpperCase())),
  title: fc.string({ maxLength: 30 }),
});
const hostileObject = fc
  .tuple(fc.dictionary(taskField, hostileValue, { maxKeys: 6 }), fc.option(taskIdAndTitle))
  .map(([object, named]) => ({ ...object, ...named }));

// Raw body text: JSON objects (prototype keys written literally), JSON of other kinds, non-JSON.
const hostileBody = fc.oneof(
  hostileObject.map((object) => JSON.stringify(object)),
  fc.tuple(fc.constantFrom("__proto__", "constructor", "prototype"), hostileValue).map(([key, value]) => `{"title":"x","${key}":${JSON.stringify(value ?? null)}}`),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  hostileText,
);

const cursorText = fc.oneof(
  hostileText,
  fc.tuple(fc.constantFrom(...SORTS), fc.constantFrom("asc", "desc"), fc.oneof(hostileText, fc.constant(null)), fc.uuid()).map(([sort, order, value, id]) =>
    encodeCursor({ sort, order, value, id }),
  ),
);
const hostileQuery = fc.dictionary(
  fc.constantFrom("status", "q", "priority", "sort", "order", "limit", "cursor", "userId", "__proto__", "listId", "labelId", "parentId", "view", "tz", "tasks", "subtasks"),
  fc.oneof(
    hostileText,
    cursorText,
    fc.uuid(),
    fc.constantFrom(...SORTS, "asc", "desc", "all", "active", "completed", "low", "high", "100", "101", "0", "none", "today", "upcoming", "Pacific/Kiritimati", "inbox", "delete", "complete"),
  ),
  { maxKeys: 5 },
);
const pathId = fc.oneof(fc.constantFrom(...["0", "x"]), hostileText, fc.uuid(), fc.constant("TASK"));

/** Everything the user owns, to compare before and after a refused request. */
async function snapshot(): Promise<string> {
  const [tasks, lists, labels, taskLabels, profile] = await Promise.all([
    db.prisma.task.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }),
    db.prisma.list.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }),
    db.prisma.label.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: { userId: user.id } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
    db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true, emailVerified: true, image: true } }),
  ]);
  return JSON.stringify({ tasks, lists, labels, taskLabels, profile });
}

async function expectNoServerErrorAndNoWriteOnRefusal(send: () => Promise<Response>, describe: () => string) {
  const before = await snapshot();
  const response = await send();
  expect(response.status, describe()).toBeLessThan(500);
  if (response.status >= 400) expect(await snapshot(), `${describe()} answered ${response.status} but changed data`).toBe(before);
}

const routes = await loadApiRoutes();

describe("hostile input to every task API endpoint", () => {
  for (const { pattern, exports } of routes) {
    for (const method of HTTP_METHODS) {
      const info = exports[method][ENDPOINT_INFO];
      if (!info || info.auth.kind === "public") continue;
      it(`${method} ${pattern}: never a 5xx, never a write on a 4xx`, async () => {
        await fc.assert(
          fc.asyncProperty(pathId, fc.nat(), hostileQuery, hostileBody, fc.boolean(), async (id, pick, query, body, jsonType) => {
            const { url, params } = fillPattern(pattern, () => (pick % 3 === 0 ? taskIds[pick % taskIds.length] : id));
            const search = new URLSearchParams(query as Record<string, string>).toString();
            const hasBody = method !== "GET" && method !== "DELETE";
            const request = new Request(`${APP_URL}${url}${search ? `?${search}` : ""}`, {
              method,
              headers: { authorization: `Bearer ${user.token}`, ...(jsonType ? { "content-type": "application/json" } : {}) },
              body: hasBody ? body : undefined,
            });
            await expectNoServerErrorAndNoWriteOnRefusal(
              () => exports[method](request, { params: Promise.resolve(params) }),
              () => `${method} ${url}?${search} ${hasBody ? body.slice(0, 200) : ""}`,
            );
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});

describe("generated placement fields on task writes", () => {
  // Ids a body may name: the caller's lists (one archived), labels and tasks (a chain as deep as
  // subtasks go), another user's, and ids of nothing; and values that are no id at all.
  let placer: TestUser;
  let own: { lists: string[]; labels: string[]; tasks: string[] };
  let foreign: string[];
  beforeAll(async () => {
    const stranger = await signUpUser("Stranger");
    placer = await signUpUser("Placer");
    const post = async (who: TestUser, path: string, body: object) => {
      const response = await callApi("POST", path, { token: who.token, body });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const strangerList = await post(stranger, "/api/lists", { name: "Theirs" });
    foreign = [strangerList, await post(stranger, "/api/labels", { name: "Theirs" }), await post(stranger, "/api/tasks", { title: "Theirs", listId: strangerList })];
    const lists = [await post(placer, "/api/lists", { name: "Open" }), await post(placer, "/api/lists", { name: "Archived" })];
    await callApi("PATCH", `/api/lists/${lists[1]}`, { token: placer.token, body: { archived: true } });
    const labels = [await post(placer, "/api/labels", { name: "one" }), await post(placer, "/api/labels", { name: "two" })];
    const tasks = [await post(placer, "/api/tasks", { title: "Top" })];
    for (let level = 1; level <= SUBTASK_DEPTH_MAX; level++) tasks.push(await post(placer, "/api/tasks", { title: `Level ${level}`, parentId: tasks[level - 1] }));
    tasks.push(await post(placer, "/api/tasks", { title: "In the open list", listId: lists[0] }));
    own = { lists: [(await db.prisma.list.findFirstOrThrow({ where: { userId: placer.id, inbox: true } })).id, ...lists], labels, tasks };
  });

  // Mostly ids of the right kind of the caller's, so that requests get past validation to the
  // rules; sometimes another user's, the wrong kind, an id of nothing, or no id at all.
  const idOf = (mine: () => string[]) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...mine()) },
      { weight: 1, arbitrary: fc.constantFrom(...foreign) },
      { weight: 1, arbitrary: fc.constantFrom(...own.lists, ...own.labels, ...own.tasks) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  const placementBody = (method: string) => {
    const wellFormed = fc.record(
      {
        completed: fc.boolean(),
        listId: idOf(() => own.lists),
        parentId: fc.oneof(idOf(() => own.tasks), fc.constant(null)),
        after: fc.oneof(idOf(() => own.tasks), fc.constant(null)),
        labelIds: fc.uniqueArray(idOf(() => own.labels), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    const junk = fc.record(
      {
        title: hostileValue,
        listId: hostileValue,
        parentId: hostileValue,
        after: hostileValue,
        labelIds: fc.oneof(fc.array(fc.oneof(fc.uuid(), hostileValue), { maxLength: 4 }), fc.array(fc.uuid(), { minLength: 20, maxLength: 22 }), hostileValue),
      },
      { requiredKeys: [] },
    );
    // POST needs a title, PUT every content field (and no `after`); PATCH any one field.
    const content = method === "POST" ? { title: "Placed" } : method === "PUT" ? { title: "Placed", description: "", priority: "low", dueDate: null, completed: false } : {};
    return fc.oneof({ weight: 5, arbitrary: wellFormed }, { weight: 1, arbitrary: junk }).map((body) => {
      const { after, ...rest } = { ...content, ...body } as Record<string, unknown>;
      return method === "PUT" || after === undefined ? rest : { ...rest, after };
    });
  };

  /** The caller's rows, to compare before and after a refused request. */
  const placerRows = async () => {
    const [lists, labels, tasks, links] = await Promise.all([
      db.prisma.list.findMany({ where: { userId: placer.id }, orderBy: { id: "asc" } }),
      db.prisma.label.findMany({ where: { userId: placer.id }, orderBy: { id: "asc" } }),
      db.prisma.task.findMany({ where: { userId: placer.id }, orderBy: { id: "asc" } }),
      db.prisma.taskLabel.findMany({ where: { task: { userId: placer.id } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
    ]);
    return { lists, labels, tasks, links };
  };

  /** What must hold of the caller's tasks after any accepted write. */
  const expectConsistent = (tasks: { id: string; listId: string; parentId: string | null; position: string }[], what: string) => {
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const siblings = new Set<string>();
    for (const task of tasks) {
      let depth = 0;
      for (let up = task; up.parentId; up = byId.get(up.parentId)!) {
        expect(byId.get(up.parentId)?.listId, `${what}: a subtask outside its parent's list`).toBe(up.listId);
        expect(++depth, `${what}: nested too deep, or a cycle`).toBeLessThanOrEqual(SUBTASK_DEPTH_MAX);
      }
      const key = `${task.listId} ${task.parentId} ${task.position}`;
      expect(siblings.has(key), `${what}: two siblings share a key`).toBe(false);
      siblings.add(key);
    }
  };

  it("POST, PATCH and PUT: never a 5xx, a JSON error and no write on a 4xx, consistent tasks on a 2xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("POST", "PATCH", "PUT").chain((method) => fc.tuple(fc.constant(method), placementBody(method))),
        fc.nat(),
        fc.boolean(),
        async ([method, body], pick, cascade) => {
          const path = method === "POST" ? "/api/tasks" : `/api/tasks/${own.tasks[pick % own.tasks.length]}${cascade ? "?subtasks=complete" : ""}`;
          const what = `${method} ${path} ${JSON.stringify(body).slice(0, 300)}`;
          const before = await placerRows();
          const response = await callApi(method, path, { token: placer.token, body });
          expect(response.status, what).toBeLessThan(500);
          const json = await response.json();
          const after = await placerRows();
          if (response.status >= 400) {
            expect(json, what).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
            expect(Object.keys(json.error).every((key) => ["code", "message", "details"].includes(key)), what).toBe(true);
            expect(after, `${what} answered ${response.status} but changed data`).toEqual(before);
          } else {
            expect(json, what).toMatchObject({ id: expect.any(String), listId: expect.any(String), position: expect.any(String), labelIds: expect.any(Array) });
            expect(own.lists, what).toContain(json.listId);
            expectConsistent(after.tasks, what);
          }
        },
      ),
      { numRuns: 200 }, // one write each: under the per-user write limit
    );
  });
});

describe("hostile input to the account endpoints", () => {
  it("sign-up, sign-in, profile, password, email and session endpoints: never a 5xx, never a write on a 4xx", async () => {
    const accountField = fc.constantFrom(
      ...["name", "email", "newEmail", "password", "newPassword", "currentPassword", "token", "image", "callbackURL", "redirectTo", "rememberMe", "__proto__", "constructor"],
    );
    const paths = ["/sign-up/email", "/sign-in/email", "/update-user", "/change-password", "/reset-password", "/revoke-session", "/request-password-reset"];
    paths.push("/change-email", "/send-verification-email");
    const signedIn = new Set(["/update-user", "/change-password", "/revoke-session", "/change-email", "/send-verification-email"]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(accountField, hostileValue, { maxKeys: 5 }), async (path, body) => {
        await expectNoServerErrorAndNoWriteOnRefusal(
          () => callAuth(path, { body, cookie: signedIn.has(path) ? user.cookie : undefined, ip: randomIp() }),
          () => `POST ${path} ${JSON.stringify(body).slice(0, 200)}`,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("the links of mails (confirmation, reset) with any token or callback: never a 5xx, never a write", async () => {
    const token = fc.oneof(hostileText, fc.string({ maxLength: 300 }), fc.constant("eyJhbGciOiJIUzI1NiJ9.e30.x"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/verify-email", "/reset-password/"), token, fc.oneof(fc.constant(""), hostileText), async (path, value, callback) => {
        // URLSearchParams encodes what encodeURIComponent cannot (a lone surrogate becomes U+FFFD).
        const encoded = (key: string, text: string) => new URLSearchParams({ [key]: text }).toString();
        const url = path === "/verify-email" ? `${path}?${encoded("token", String(value))}` : `${path}${encoded("", String(value) || "x").slice(1)}`;
        const query = callback === "" ? "" : `${url.includes("?") ? "&" : "?"}${encoded("callbackURL", String(callback))}`;
        const before = await snapshot();
        const response = await callAuth(`${url}${query}`, { cookie: user.cookie, ip: randomIp() });
        expect(response.status, `GET ${url}${query}`).toBeLessThan(500);
        expect(await snapshot(), `GET ${url}${query} changed data`).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
