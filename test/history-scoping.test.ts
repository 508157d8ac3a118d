import { beforeAll, describe, expect, it } from "vitest";
import type { FeedPage } from "@/lib/changes/service";
import type { TrashPage } from "@/lib/trash/service";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { as, createLabel, createList, createTask, expectError, expectJson, getTask, patchTask, type TaskJson } from "./support/organize";

// The change log, the trash and undo are scoped like everything else: Bob gets nothing of
// Alice's (not her history, her trash, her changes, nor whether a task of hers is in the
// trash), and nothing he asks for writes anything when it is refused.

const db = setUpTestDatabase();

let alice: TestUser;
let bob: TestUser;
let hers: { task: TaskJson; sub: TaskJson; trashed: TaskJson; listId: string; labelId: string };
let his: { task: TaskJson; trashed: TaskJson };
/** Every id and title of Alice's, none of which may appear in a response to Bob. */
let secrets: string[];
/** Every response body Bob got. */
const bobSaw: string[] = [];

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
  const bobTask = await createTask(bob, { title: "Bob's own task" });
  const bobTrashed = await createTask(bob, { title: "Bob's trashed task" });
  expect((await as(bob).delete(`/api/tasks/${bobTrashed.id}`)).status).toBe(204);
  his = { task: bobTask, trashed: bobTrashed };

  const list = await createList(alice, { name: "Alice's secret list" });
  const label = await createLabel(alice, { name: "Alice's secret label" });
  const task = await createTask(alice, { title: "Alice's secret task", listId: list.id, labelIds: [label.id] });
  const sub = await createTask(alice, { title: "Alice's secret subtask", parentId: task.id });
  await patchTask(alice, task.id, { description: "Alice's secret description" });
  const trashed = await createTask(alice, { title: "Alice's trashed task" });
  expect((await as(alice).delete(`/api/tasks/${trashed.id}`)).status).toBe(204);
  for (let i = 0; i < 10; i++) await patchTask(alice, task.id, { title: `Alice's secret task v${i}` });
  hers = { task: await getTask(alice, task.id), sub, trashed, listId: list.id, labelId: label.id };
  secrets = [alice.id, list.id, label.id, task.id, sub.id, trashed.id, "Alice's", "secret", alice.email];
});

/** Sends as Bob, keeping the body to check it tells nothing of Alice's. */
async function asBob(method: "get" | "post" | "patch" | "delete", path: string, body?: unknown): Promise<Response> {
  const response = method === "get" || method === "delete" ? await as(bob)[method](path) : await as(bob)[method](path, body);
  bobSaw.push(await response.clone().text());
  return response;
}

/** Both users' rows, log and counters: what a refused request must leave as it was. */
async function everything(): Promise<string> {
  const users = { userId: { in: [alice.id, bob.id] } };
  const [lists, labels, tasks, taskLabels, changes, sync] = await Promise.all([
    db.prisma.list.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.label.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: users }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
    db.prisma.change.findMany({ where: users, orderBy: [{ userId: "asc" }, { seq: "asc" }] }),
    db.prisma.userSync.findMany({ where: users, orderBy: { userId: "asc" } }),
  ]);
  return JSON.stringify({ lists, labels, tasks, taskLabels, changes, sync }, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}

/** One user's rows, log and counter. */
async function rowsOf(user: TestUser): Promise<string> {
  const of = { where: { userId: user.id } };
  const [lists, labels, tasks, taskLabels, changes, sync] = await Promise.all([
    db.prisma.list.findMany({ ...of, orderBy: { id: "asc" } }),
    db.prisma.label.findMany({ ...of, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ ...of, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: { userId: user.id } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
    db.prisma.change.findMany({ ...of, orderBy: { seq: "asc" } }),
    db.prisma.userSync.findMany(of),
  ]);
  return JSON.stringify({ lists, labels, tasks, taskLabels, changes, sync }, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}

async function aliceHead(): Promise<number> {
  return Number((await expectJson<FeedPage>(await as(alice).get("/api/changes"))).cursor);
}

describe("Bob and Alice's log and trash", () => {
  it("her task's history, and her trashed task's: 403", async () => {
    const before = await everything();
    for (const id of [hers.task.id, hers.sub.id, hers.trashed.id]) {
      const error = await expectError(await asBob("get", `/api/tasks/${id}/history`), 403, "forbidden");
      expect(error.resource).toBe("task");
    }
    // With a cursor too.
    for (const id of [hers.task.id, hers.trashed.id]) await expectError(await asBob("get", `/api/tasks/${id}/history?cursor=5`), 403, "forbidden");
    expect(await everything()).toBe(before);
  });

  it("her trashed task: GET, restore, PATCH, toggle and DELETE are 403, never telling it is in the trash", async () => {
    const before = await everything();
    const responses = [
      await asBob("get", `/api/tasks/${hers.trashed.id}`),
      await asBob("post", `/api/tasks/${hers.trashed.id}/restore`),
      await asBob("patch", `/api/tasks/${hers.trashed.id}/complete`),
      await asBob("delete", `/api/tasks/${hers.trashed.id}`),
      await as(bob).patch(`/api/tasks/${hers.trashed.id}`, { title: "Mine now" }),
    ];
    for (const response of responses) {
      const text = await response.clone().text();
      bobSaw.push(text);
      const error = await expectError(response, 403, "forbidden");
      expect(error.details).toBeUndefined();
      expect(text).not.toMatch(/trash/i);
    }
    // Her live task, restored by Bob: 403 too.
    await expectError(await asBob("post", `/api/tasks/${hers.task.id}/restore`), 403, "forbidden");
    expect(await everything()).toBe(before);
  });

  it("/api/trash and /api/changes show only his own", async () => {
    const trash = await expectJson<TrashPage>(await asBob("get", "/api/trash"));
    expect(trash.tasks.map((task) => task.id)).toEqual([his.trashed.id]);
    const feed = await expectJson<FeedPage>(await asBob("get", "/api/changes?since=0&limit=1000"));
    const bobHead = Number((await expectJson<FeedPage>(await asBob("get", "/api/changes"))).cursor);
    expect(feed.changes.map((entry) => entry.seq)).toEqual(Array.from({ length: bobHead }, (_, i) => i + 1));
    const bobsIds = new Set([his.task.id, his.trashed.id, ...(await db.prisma.list.findMany({ where: { userId: bob.id } })).map((list) => list.id)]);
    for (const entry of feed.changes) expect(bobsIds.has(entry.entityId), entry.entityId).toBe(true);
    // Emptying his trash leaves hers.
    expect(await expectJson(await asBob("delete", "/api/trash"))).toEqual({ deleted: 1 });
    expect((await expectJson<TrashPage>(await as(alice).get("/api/trash"))).tasks.map((task) => task.id)).toEqual([hers.trashed.id]);
  });

  it("undo with one of Alice's numbers undoes only Bob's own change of that number, or is 404", async () => {
    const aliceBefore = await rowsOf(alice);
    const bobHead = Number((await expectJson<FeedPage>(await asBob("get", "/api/changes"))).cursor);
    const herHead = await aliceHead();
    expect(herHead).toBeGreaterThan(bobHead + 2);
    // Numbers only Alice has: 404, nothing written.
    const before = await everything();
    for (const seq of [herHead, bobHead + 1]) {
      const response = await asBob("post", `/api/changes/${seq}/undo`, { overwrite: true });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    expect(await everything()).toBe(before);
    // A number both have: Bob's own change of it (his task's create) is undone, none of hers.
    const bobFeed = await expectJson<FeedPage>(await asBob("get", "/api/changes?since=1&limit=1"));
    expect(bobFeed.changes[0]).toMatchObject({ seq: 2, entity: "task", op: "create", entityId: his.task.id });
    expect(await expectJson(await asBob("post", "/api/changes/2/undo", {}))).toEqual({ undone: 2 });
    await expectError(await asBob("get", `/api/tasks/${his.task.id}`), 404, "not_found");
    expect(await rowsOf(alice)).toBe(aliceBefore);
    expect(await aliceHead()).toBe(herHead);
  });

  it("unknown ids: 404; no token: 401; nothing written", async () => {
    const before = await everything();
    const unknown = crypto.randomUUID();
    await expectError(await asBob("get", `/api/tasks/${unknown}/history`), 404, "not_found");
    await expectError(await asBob("get", `/api/tasks/${unknown}/history?cursor=5`), 404, "not_found");
    await expectError(await asBob("post", `/api/tasks/${unknown}/restore`), 404, "not_found");
    for (const [method, path, body] of [
      ["GET", "/api/changes"],
      ["GET", "/api/changes?since=0"],
      ["POST", "/api/changes/1/undo", {}],
      ["GET", "/api/trash"],
      ["DELETE", "/api/trash"],
      ["GET", `/api/tasks/${hers.task.id}/history`],
      ["POST", `/api/tasks/${hers.trashed.id}/restore`],
    ] as const) {
      const response = await callApi(method, path, { body });
      const text = await response.text();
      bobSaw.push(text);
      expect(response.status, `${method} ${path}`).toBe(401);
    }
    expect(await everything()).toBe(before);
  });

  it("no response to Bob ever contained Alice's ids or titles", () => {
    expect(bobSaw.length).toBeGreaterThan(15);
    for (const body of bobSaw) for (const secret of secrets) expect(body).not.toContain(secret);
  });
});

describe("deleting an account", () => {
  it("erases its log and counter with its tasks, lists and labels, and leaves the other user's", async () => {
    // Alice has tasks, subtasks, labels on tasks, a trashed task and history.
    expect(await db.prisma.change.count({ where: { userId: alice.id } })).toBeGreaterThan(10);
    expect(await db.prisma.task.count({ where: { userId: alice.id, deletedAt: { not: null } } })).toBe(1);
    const bobBefore = await rowsOf(bob);
    await db.prisma.$executeRaw`DELETE FROM "user" WHERE "id" = ${alice.id}`;
    const of = { where: { userId: alice.id } };
    expect(
      await Promise.all([db.prisma.change.count(of), db.prisma.userSync.count(of), db.prisma.task.count(of), db.prisma.list.count(of), db.prisma.label.count(of)]),
    ).toEqual([0, 0, 0, 0, 0]);
    expect(await db.prisma.taskLabel.count({ where: { taskId: { in: [hers.task.id, hers.sub.id, hers.trashed.id] } } })).toBe(0);
    expect(await rowsOf(bob)).toBe(bobBefore);
    // Bob's feed goes on.
    await createTask(bob, { title: "Still here" });
  });
});
