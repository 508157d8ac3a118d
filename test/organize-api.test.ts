import crypto from "node:crypto";
import { generateKeyBetween } from "fractional-indexing";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { keysAfter } from "@/lib/order";
import { SUBTASK_DEPTH_MAX, UPCOMING_DAYS } from "@/lib/tasks/constants";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { captureLogs } from "./support/logs";
import {
  allTasks,
  as,
  countTasks,
  createLabel,
  createList,
  createTask,
  expectError,
  expectJson,
  getTask,
  inboxOf,
  listTasks,
  patchTask,
  type TaskJson,
} from "./support/organize";

// Subtasks, manual order, the new filters and the Today and Upcoming views, through the real
// route handlers.

const db = setUpTestDatabase();

async function snapshot(userId: string): Promise<string> {
  const [lists, tasks, taskLabels] = await Promise.all([
    db.prisma.list.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: { userId } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
  ]);
  return JSON.stringify({ lists, tasks, taskLabels });
}

/** Byte order, as the "C" collation compares keys; then id, the API's tie-breaker. */
const byPositionThenId = (a: TaskJson, b: TaskJson) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The titles of a list's (or a parent's) tasks in manual order. */
const titlesInOrder = async (user: TestUser, filter: string) => (await allTasks(user, `${filter}&sort=position`)).map((t) => t.title);

/** A chain of tasks, each under the one before: [top level, level 1, ..., level `levels`]. */
async function chain(user: TestUser, levels: number, body: Record<string, unknown> = {}): Promise<TaskJson[]> {
  const tasks = [await createTask(user, { title: "Level 0", ...body })];
  for (let level = 1; level <= levels; level++) tasks.push(await createTask(user, { title: `Level ${level}`, parentId: tasks[level - 1].id }));
  return tasks;
}

describe("subtasks", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser("Nester");
  });

  it("live in their parent's list, whether or not the request names it", async () => {
    const list = await createList(user, { name: "Home" });
    const parent = await createTask(user, { title: "Parent", listId: list.id });
    expect(await createTask(user, { title: "Implied", parentId: parent.id })).toMatchObject({ listId: list.id, parentId: parent.id });
    expect(await createTask(user, { title: "Named", parentId: parent.id, listId: list.id })).toMatchObject({ listId: list.id, parentId: parent.id });
    const inbox = await inboxOf(user);
    const loose = await createTask(user, { title: "Loose" });
    const before = await snapshot(user.id);
    const error = await expectError(await as(user).post("/api/tasks", { title: "Elsewhere", parentId: parent.id, listId: inbox.id }), 422, "subtask_list");
    expect(Object.keys(error.details!)).toEqual(["listId"]);
    await expectError(await as(user).patch(`/api/tasks/${loose.id}`, { parentId: parent.id, listId: inbox.id }), 422, "subtask_list");
    expect(await snapshot(user.id)).toBe(before);
  });

  it(`nest at most ${SUBTASK_DEPTH_MAX} levels under a top-level task`, async () => {
    const tasks = await chain(user, SUBTASK_DEPTH_MAX);
    expect(tasks.at(-1)!.parentId).toBe(tasks.at(-2)!.id);
    const before = await snapshot(user.id);
    const error = await expectError(await as(user).post("/api/tasks", { title: "Too deep", parentId: tasks.at(-1)!.id }), 422, "subtask_too_deep");
    expect(Object.keys(error.details!)).toEqual(["parentId"]);
    // Moving a task with subtasks counts the levels it brings along.
    const [top, mid] = await chain(user, 2, { title: "Subtree" }); // a subtree of height 2
    await expectError(await as(user).patch(`/api/tasks/${top.id}`, { parentId: tasks[2].id }), 422, "subtask_too_deep"); // would reach level 5
    await expectError(await as(user).patch(`/api/tasks/${mid.id}`, { parentId: tasks[3].id }), 422, "subtask_too_deep"); // level 4 + 1 below it
    const moved = await patchTask(user, top.id, { parentId: tasks[1].id }); // levels 2, 3 and 4: fits exactly
    expect(moved.parentId).toBe(tasks[1].id);
    const standalone = await createTask(user, { title: "Leaf" });
    expect((await patchTask(user, standalone.id, { parentId: tasks[3].id })).parentId).toBe(tasks[3].id); // level 4
    expect(JSON.parse(await snapshot(user.id)).tasks.length).toBe(JSON.parse(before).tasks.length + 4);
  });

  it("never form a cycle: not under itself, its subtask or its subtask's subtask", async () => {
    const [top, child, grandchild] = await chain(user, 2);
    const before = await snapshot(user.id);
    for (const [task, parent] of [
      [top, top],
      [child, child],
      [top, child],
      [top, grandchild],
      [child, grandchild],
    ]) {
      const error = await expectError(await as(user).patch(`/api/tasks/${task.id}`, { parentId: parent.id }), 422, "subtask_cycle");
      expect(Object.keys(error.details!)).toEqual(["parentId"]);
    }
    const full = { title: "t", description: "", priority: "medium", dueDate: null, completed: false };
    await expectError(await as(user).put(`/api/tasks/${top.id}`, { ...full, parentId: grandchild.id }), 422, "subtask_cycle");
    expect(await snapshot(user.id)).toBe(before);
    // Up one level is no cycle.
    expect((await patchTask(user, grandchild.id, { parentId: top.id })).parentId).toBe(top.id);
  });

  it("move with their parent to another list, at every level, staying under it", async () => {
    const tasks = await chain(user, SUBTASK_DEPTH_MAX);
    const sibling = await createTask(user, { title: "Sibling", parentId: tasks[1].id });
    const target = await createList(user, { name: "Target" });
    const moved = await patchTask(user, tasks[0].id, { listId: target.id });
    expect(moved).toMatchObject({ listId: target.id, parentId: null });
    for (const task of [...tasks.slice(1), sibling]) {
      const now = await getTask(user, task.id);
      expect(now).toMatchObject({ listId: target.id, parentId: task.parentId, position: task.position });
    }
    expect((await allTasks(user, `listId=${target.id}&sort=title`)).length).toBe(SUBTASK_DEPTH_MAX + 2);
    // And when a task goes under a task of another list, by parentId alone.
    const [a, b, c] = await chain(user, 2, { listId: target.id });
    const host = await createTask(user, { title: "Host" }); // in the Inbox
    expect(await patchTask(user, a.id, { parentId: host.id })).toMatchObject({ listId: host.listId, parentId: host.id });
    expect(await getTask(user, b.id)).toMatchObject({ listId: host.listId, parentId: a.id });
    expect(await getTask(user, c.id)).toMatchObject({ listId: host.listId, parentId: b.id });
    // c is at level 3 now: one more level fits, and no more.
    const d = await createTask(user, { title: "Level 4", parentId: c.id });
    await expectError(await as(user).post("/api/tasks", { title: "Level 5", parentId: d.id }), 422, "subtask_too_deep");
  });

  it("leave their parent when only listId sends them to another list, taking their own subtasks", async () => {
    const [top, child, grandchild] = await chain(user, 2);
    const elsewhere = await createList(user, { name: "Elsewhere" });
    const existing = await createTask(user, { title: "Already there", listId: elsewhere.id });
    const detached = await patchTask(user, child.id, { listId: elsewhere.id });
    expect(detached).toMatchObject({ listId: elsewhere.id, parentId: null });
    expect(await getTask(user, grandchild.id)).toMatchObject({ listId: elsewhere.id, parentId: child.id });
    expect((await getTask(user, top.id)).subtasks).toEqual({ total: 0, completed: 0 });
    // A top-level task now: first in its new list, as new top-level tasks are.
    expect(await titlesInOrder(user, `listId=${elsewhere.id}&parentId=none`)).toEqual(["Level 1", existing.title]);
    // listId naming the parent's own list keeps it under its parent.
    const kept = await patchTask(user, grandchild.id, { listId: elsewhere.id });
    expect(kept.parentId).toBe(child.id);
  });

  it("go to the trash with their parent, at every level, and come back with it, labels included", async () => {
    const label = await createLabel(user, { name: "On a subtask" });
    const tasks = await chain(user, SUBTASK_DEPTH_MAX);
    const labelled = await createTask(user, { title: "Labelled", parentId: tasks[2].id, labelIds: [label.id] });
    await createTask(user, { title: "Bystander", labelIds: [label.id] });
    const liveBefore = await db.prisma.task.count({ where: { userId: user.id, deletedAt: null } });
    expect((await as(user).delete(`/api/tasks/${tasks[0].id}`)).status).toBe(204);
    expect(await db.prisma.task.count({ where: { userId: user.id, deletedAt: null } })).toBe(liveBefore - (SUBTASK_DEPTH_MAX + 2));
    for (const task of tasks) await expectError(await as(user).get(`/api/tasks/${task.id}`), 404, "not_found");
    expect((await listTasks(user, `?labelId=${label.id}`)).tasks.map((task) => task.title)).toEqual(["Bystander"]);
    await expectJson(await as(user).post(`/api/tasks/${tasks[0].id}/restore`));
    expect(await getTask(user, labelled.id)).toMatchObject({ parentId: tasks[2].id, labelIds: [label.id] });
    expect(await db.prisma.task.count({ where: { userId: user.id, deletedAt: null } })).toBe(liveBefore);
    // Deleting a subtask leaves its parent.
    const [top, child] = await chain(user, 1);
    expect((await as(user).delete(`/api/tasks/${child.id}`)).status).toBe(204);
    expect((await getTask(user, top.id)).subtasks).toEqual({ total: 0, completed: 0 });
  });

  it("are counted on their parent: direct subtasks, and how many of them are done", async () => {
    const parent = await createTask(user, { title: "Five steps" });
    const steps = [];
    for (let i = 0; i < 5; i++) steps.push(await createTask(user, { title: `Step ${i}`, parentId: parent.id, completed: i < 1 }));
    await callApi("PATCH", `/api/tasks/${steps[3].id}/complete`, { token: user.token });
    await createTask(user, { title: "Step 3, part 1", parentId: steps[3].id }); // not the parent's direct subtask
    const read = await getTask(user, parent.id);
    expect(read.subtasks).toEqual({ total: 5, completed: 2 });
    expect((await listTasks(user, "?parentId=none&q=Five")).tasks[0].subtasks).toEqual({ total: 5, completed: 2 });
    expect((await getTask(user, steps[3].id)).subtasks).toEqual({ total: 1, completed: 0 });
  });

  it("are completed at every level by ?subtasks=complete, on PATCH, PUT and the toggle", async () => {
    const tree = async () => {
      const [top, child, grandchild] = await chain(user, 2);
      const done = await createTask(user, { title: "Done already", parentId: top.id, completed: true });
      return { top, ids: [child.id, grandchild.id, done.id] };
    };
    const states = async (ids: string[]) => Promise.all(ids.map(async (id) => (await getTask(user, id)).completed));

    // Without the query, completing a parent leaves its subtasks.
    let { top, ids } = await tree();
    expect((await patchTask(user, top.id, { completed: true })).completed).toBe(true);
    expect(await states(ids)).toEqual([false, false, true]);
    // With it, but not completing: nothing happens to them.
    ({ top, ids } = await tree());
    await patchTask(user, top.id, { completed: false, title: "Still open" }, "?subtasks=complete");
    expect(await states(ids)).toEqual([false, false, true]);
    // PATCH completed: true with the query.
    const doneAt = Date.now();
    const completed = await patchTask(user, top.id, { completed: true }, "?subtasks=complete");
    expect(completed.subtasks).toEqual({ total: 2, completed: 2 });
    expect(await states(ids)).toEqual([true, true, true]);
    expect(Date.parse((await getTask(user, ids[1])).updatedAt)).toBeGreaterThanOrEqual(doneAt - 1000);
    // PUT.
    ({ top, ids } = await tree());
    const full = { title: "Replaced", description: "", priority: "high", dueDate: null, completed: true };
    expect((await expectJson<TaskJson>(await as(user).put(`/api/tasks/${top.id}?subtasks=complete`, full))).completed).toBe(true);
    expect(await states(ids)).toEqual([true, true, true]);
    // The toggle: completing completes them; reopening leaves them done.
    ({ top, ids } = await tree());
    const toggled = await expectJson<TaskJson>(await callApi("PATCH", `/api/tasks/${top.id}/complete?subtasks=complete`, { token: user.token }));
    expect(toggled.completed).toBe(true);
    expect(await states(ids)).toEqual([true, true, true]);
    const reopened = await expectJson<TaskJson>(await callApi("PATCH", `/api/tasks/${top.id}/complete?subtasks=complete`, { token: user.token }));
    expect(reopened.completed).toBe(false);
    expect(await states(ids)).toEqual([true, true, true]);
    // And the toggle without the query completes only the task.
    ({ top, ids } = await tree());
    await callApi("PATCH", `/api/tasks/${top.id}/complete`, { token: user.token });
    expect(await states(ids)).toEqual([false, false, true]);
  });

  it("refuses an unknown ?subtasks, writing nothing", async () => {
    const [top, child] = await chain(user, 1);
    const before = await snapshot(user.id);
    for (const query of ["?subtasks=all", "?subtasks=", "?subtasks=COMPLETE"]) {
      const patch = await expectError(await as(user).patch(`/api/tasks/${top.id}${query}`, { completed: true }), 422, "validation_failed");
      expect(Object.keys(patch.details!)).toEqual(["subtasks"]);
      await expectError(await callApi("PATCH", `/api/tasks/${top.id}/complete${query}`, { token: user.token }), 422, "validation_failed");
    }
    expect(await snapshot(user.id)).toBe(before);
    expect((await getTask(user, child.id)).completed).toBe(false);
  });
});

describe("manual order", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser("Arranger");
  });

  it("puts new top-level tasks first and new subtasks last, unless `after` says where", async () => {
    const list = await createList(user, { name: "Order" });
    const one = await createTask(user, { title: "One", listId: list.id });
    await createTask(user, { title: "Two", listId: list.id });
    const three = await createTask(user, { title: "Three", listId: list.id, after: one.id });
    await createTask(user, { title: "Four", listId: list.id, after: null });
    expect(await titlesInOrder(user, `listId=${list.id}`)).toEqual(["Four", "Two", "One", "Three"]);
    const a = await createTask(user, { title: "a", parentId: three.id });
    await createTask(user, { title: "b", parentId: three.id });
    await createTask(user, { title: "c", parentId: three.id, after: a.id });
    await createTask(user, { title: "d", parentId: three.id, after: null });
    expect(await titlesInOrder(user, `parentId=${three.id}`)).toEqual(["d", "a", "c", "b"]);
    // The top level is unchanged by its subtasks.
    expect(await titlesInOrder(user, `listId=${list.id}&parentId=none`)).toEqual(["Four", "Two", "One", "Three"]);
  });

  it("moves a task first, right after a sibling, to the end, and into another list at a place", async () => {
    const list = await createList(user, { name: "Moves" });
    const byTitle: Record<string, TaskJson> = {};
    for (const title of ["E", "D", "C", "B", "A"]) byTitle[title] = await createTask(user, { title, listId: list.id });
    const order = () => titlesInOrder(user, `listId=${list.id}`);
    expect(await order()).toEqual(["A", "B", "C", "D", "E"]);
    await patchTask(user, byTitle.D.id, { after: null });
    expect(await order()).toEqual(["D", "A", "B", "C", "E"]);
    await patchTask(user, byTitle.A.id, { after: byTitle.E.id });
    expect(await order()).toEqual(["D", "B", "C", "E", "A"]);
    await patchTask(user, byTitle.E.id, { after: byTitle.D.id });
    expect(await order()).toEqual(["D", "E", "B", "C", "A"]);
    const unchanged = await patchTask(user, byTitle.C.id, { after: byTitle.B.id }); // where it already is
    expect(await order()).toEqual(["D", "E", "B", "C", "A"]);
    expect(unchanged.listId).toBe(list.id);
    // Into another list, right after one of its tasks; then back, by listId alone: first.
    const other = await createList(user, { name: "Other" });
    const x = await createTask(user, { title: "X", listId: other.id });
    await createTask(user, { title: "Y", listId: other.id, after: x.id });
    await patchTask(user, byTitle.B.id, { listId: other.id, after: x.id });
    expect(await titlesInOrder(user, `listId=${other.id}`)).toEqual(["X", "B", "Y"]);
    await patchTask(user, byTitle.B.id, { listId: list.id });
    expect(await order()).toEqual(["B", "D", "E", "C", "A"]);
    // Descending order is the reverse.
    expect((await allTasks(user, `listId=${list.id}&sort=position&order=desc`)).map((t) => t.title)).toEqual(["A", "C", "E", "D", "B"]);
  });

  it("refuses an `after` that is not another sibling, writing nothing", async () => {
    const list = await createList(user, { name: "Siblings" });
    const top = await createTask(user, { title: "Top", listId: list.id });
    const other = await createTask(user, { title: "Other top", listId: list.id });
    const sub = await createTask(user, { title: "Sub", parentId: top.id });
    const elsewhere = await createTask(user, { title: "In the Inbox" });
    const before = await snapshot(user.id);
    const refusals: [string, string, Record<string, unknown>][] = [
      ["PATCH", `/api/tasks/${top.id}`, { after: top.id }],
      ["PATCH", `/api/tasks/${top.id}`, { after: sub.id }],
      ["PATCH", `/api/tasks/${top.id}`, { after: elsewhere.id }],
      ["PATCH", `/api/tasks/${sub.id}`, { after: other.id }],
      ["PATCH", `/api/tasks/${sub.id}`, { parentId: null, after: sub.id }],
      ["PATCH", `/api/tasks/${other.id}`, { parentId: top.id, after: top.id }],
      ["POST", "/api/tasks", { title: "New", listId: list.id, after: sub.id }],
      ["POST", "/api/tasks", { title: "New", parentId: top.id, after: other.id }],
      ["POST", "/api/tasks", { title: "New", after: top.id }], // the Inbox, where `top` is not
    ];
    for (const [method, path, body] of refusals) {
      const error = await expectError(await callApi(method, path, { token: user.token, body }), 422, "not_a_sibling");
      expect(Object.keys(error.details!), JSON.stringify(body)).toEqual(["after"]);
    }
    const missing = await expectError(await as(user).patch(`/api/tasks/${top.id}`, { after: crypto.randomUUID() }), 404, "not_found");
    expect(missing.details).toEqual({ after: [expect.stringMatching(/after/)] });
    await expectError(await as(user).patch(`/api/tasks/${top.id}`, { after: "first" }), 422, "validation_failed");
    expect(await snapshot(user.id)).toBe(before);
  });

  it("follows 250 creates at random places exactly, and pages through them with sort=position", { timeout: 180_000 }, async () => {
    const orderer = await signUpUser("Orderer");
    const list = await createList(orderer, { name: "Long" });
    const model: { id: string; title: string }[] = [];
    let seed = 20261204;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n);
    for (let i = 0; i < 250; i++) {
      const pick = random(10);
      // First by default or by null; otherwise right after an existing task (often the last
      // or the first, where keys grow fastest).
      const anchor = pick < 3 || model.length === 0 ? null : model[pick === 3 ? model.length - 1 : pick === 4 ? 0 : random(model.length)];
      const body = { title: `T${i}`, listId: list.id, ...(pick === 0 ? {} : { after: anchor?.id ?? null }) };
      const task = await createTask(orderer, body);
      model.splice(anchor ? model.indexOf(anchor) + 1 : 0, 0, { id: task.id, title: task.title });
    }
    for (const order of ["asc", "desc"]) {
      const seen: TaskJson[] = [];
      let cursor: string | null = null;
      do {
        const page: { tasks: TaskJson[]; nextCursor: string | null } = await listTasks(orderer, `?listId=${list.id}&sort=position&order=${order}&limit=30${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.tasks);
        cursor = page.nextCursor;
      } while (cursor);
      const expected = order === "asc" ? model.map((t) => t.id) : model.map((t) => t.id).reverse();
      expect(seen.map((t) => t.id)).toEqual(expected);
      // Distinct keys that fractional-indexing accepts as neighbours.
      const keys = seen.map((t) => t.position);
      if (order === "asc") for (let i = 1; i < keys.length; i++) expect(generateKeyBetween(keys[i - 1], keys[i]) > keys[i - 1]).toBe(true);
    }
  });

  it("pages through equal keys of several lists and parents by id, each task exactly once", async () => {
    const pager = await signUpUser("Pager");
    const lists = await Promise.all(["L1", "L2", "L3", "L4"].map((name) => createList(pager, { name })));
    const keys = keysAfter(null, 50);
    // The same 50 keys in four lists, then again under one parent: 250 tasks, ties everywhere.
    await db.prisma.task.createMany({ data: lists.flatMap((list, l) => keys.map((position, i) => ({ userId: pager.id, listId: list.id, position, title: `L${l} ${i}` }))) });
    const parent = await db.prisma.task.findFirstOrThrow({ where: { userId: pager.id, listId: lists[0].id, position: keys[0] } });
    await db.prisma.task.createMany({ data: keys.map((position, i) => ({ userId: pager.id, listId: lists[0].id, parentId: parent.id, position, title: `Sub ${i}` })) });
    for (const order of ["asc", "desc"] as const) {
      const seen: TaskJson[] = [];
      let cursor: string | null = null;
      do {
        const page: { tasks: TaskJson[]; nextCursor: string | null } = await listTasks(pager, `?sort=position&order=${order}&limit=17${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.tasks);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(250);
      expect(new Set(seen.map((t) => t.id)).size).toBe(250);
      const sorted = [...seen].sort(byPositionThenId);
      expect(seen.map((t) => t.id)).toEqual((order === "asc" ? sorted : sorted.reverse()).map((t) => t.id));
    }
    // A position cursor is refused for another sort, and a forged one is refused.
    const { nextCursor } = await listTasks(pager, "?sort=position&limit=5");
    await expectError(await as(pager).get(`/api/tasks?sort=title&limit=5&cursor=${nextCursor}`), 422, "validation_failed");
    const forged = Buffer.from(JSON.stringify(["position", "asc", "a0' OR 1=1", crypto.randomUUID()])).toString("base64url");
    await expectError(await as(pager).get(`/api/tasks?sort=position&cursor=${forged}`), 422, "validation_failed");
  });
});

describe("concurrency", () => {
  it("20 concurrent creates and moves in one list end with distinct keys, every task once", async () => {
    const user = await signUpUser("Busy");
    const list = await createList(user, { name: "Contended" });
    const existing: TaskJson[] = [];
    for (let i = 0; i < 6; i++) existing.push(await createTask(user, { title: `Existing ${i}`, listId: list.id }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const anchor = existing[i % existing.length];
        const target = existing[(i + 1) % existing.length];
        if (i % 2 === 0) return as(user).post("/api/tasks", { title: `New ${i}`, listId: list.id, ...(i % 4 === 0 ? {} : { after: anchor.id }) });
        return as(user).patch(`/api/tasks/${target.id}`, { after: i % 3 === 0 ? null : anchor.id });
      }),
    );
    for (const response of responses) expect(response.status, await response.clone().text()).toBeLessThan(300);
    const tasks = await allTasks(user, `listId=${list.id}&sort=position`);
    expect(tasks).toHaveLength(16);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(16);
    const keys = tasks.map((t) => t.position);
    expect(new Set(keys).size).toBe(16);
    for (let i = 1; i < keys.length; i++) expect(() => generateKeyBetween(keys[i - 1], keys[i])).not.toThrow();
  });

  it("20 concurrent moves of subtasks between two parents leave each under one parent, keys distinct", async () => {
    const user = await signUpUser("Shuffler");
    const [left, right] = [await createTask(user, { title: "Left" }), await createTask(user, { title: "Right" })];
    const subtasks: TaskJson[] = [];
    for (let i = 0; i < 10; i++) subtasks.push(await createTask(user, { title: `Sub ${i}`, parentId: i % 2 ? left.id : right.id }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => as(user).patch(`/api/tasks/${subtasks[i % 10].id}`, { parentId: i % 3 ? left.id : right.id, after: null })),
    );
    for (const response of responses) expect(response.status, await response.clone().text()).toBe(200);
    for (const parent of [left, right]) {
      const children = await allTasks(user, `parentId=${parent.id}&sort=position`);
      expect(new Set(children.map((t) => t.position)).size).toBe(children.length);
    }
    const [l, r] = [await getTask(user, left.id), await getTask(user, right.id)];
    expect(l.subtasks.total + r.subtasks.total).toBe(10);
  });

  it("never answers 5xx when a parent or label is deleted while tasks are created or moved to point at it", async () => {
    const user = await signUpUser("Racer");
    const logs = captureLogs();
    try {
      for (let round = 0; round < 8; round++) {
        const parent = await createTask(user, { title: `Doomed ${round}` });
        const movers: TaskJson[] = [];
        for (let i = 0; i < 4; i++) movers.push(await createTask(user, { title: `Mover ${round}.${i}` }));
        const label = await createLabel(user, { name: `Doomed label ${round}` });
        const responses = await Promise.all([
          ...Array.from({ length: 4 }, (_, i) => as(user).post("/api/tasks", { title: `Child ${round}.${i}`, parentId: parent.id })),
          ...movers.map((mover, i) => as(user).patch(`/api/tasks/${mover.id}`, i % 2 ? { parentId: parent.id } : { after: parent.id })),
          as(user).delete(`/api/tasks/${parent.id}`),
          ...Array.from({ length: 4 }, (_, i) => as(user).post("/api/tasks", { title: `Labelled ${round}.${i}`, labelIds: [label.id] })),
          ...movers.map((mover) => as(user).patch(`/api/tasks/${mover.id}`, { labelIds: [label.id] })),
          as(user).delete(`/api/labels/${label.id}`),
        ]);
        for (const response of responses) {
          const requestId = response.headers.get("X-Request-Id");
          const logged = logs.lines.filter((line) => line.requestId === requestId && line.level === "error");
          expect([200, 201, 204, 404], JSON.stringify(logged)).toContain(response.status);
        }
        // No live subtask under a task in the trash: the trash took every one that got there first.
        expect(await db.prisma.task.count({ where: { parentId: parent.id, deletedAt: null } })).toBe(0);
        expect(await db.prisma.taskLabel.count({ where: { labelId: label.id } })).toBe(0);
      }
    } finally {
      logs.stop();
    }
  });
});

describe("filters", () => {
  let user: TestUser;
  let work: Awaited<ReturnType<typeof createList>>;
  let urgent: Awaited<ReturnType<typeof createLabel>>;
  let parent: TaskJson;
  beforeAll(async () => {
    user = await signUpUser("Filterer");
    work = await createList(user, { name: "Work" });
    urgent = await createLabel(user, { name: "urgent" });
    parent = await createTask(user, { title: "Quarterly report", listId: work.id, labelIds: [urgent.id] });
    await createTask(user, { title: "Report figures", parentId: parent.id, labelIds: [urgent.id] });
    await createTask(user, { title: "Report summary", parentId: parent.id, completed: true, labelIds: [urgent.id] });
    await createTask(user, { title: "Report in the Inbox", labelIds: [urgent.id] });
    await createTask(user, { title: "Unlabelled report", listId: work.id });
    await createTask(user, { title: "Call the bank", listId: work.id, labelIds: [urgent.id] });
  });
  const titles = async (query: string) => (await allTasks(user, `${query}&sort=title`)).map((t) => t.title);

  it("compose: list, label, status and search narrow each other, in the list and the counts", async () => {
    expect(await titles(`listId=${work.id}`)).toEqual(["Call the bank", "Quarterly report", "Report figures", "Report summary", "Unlabelled report"]);
    expect(await titles(`listId=${work.id}&labelId=${urgent.id}`)).toEqual(["Call the bank", "Quarterly report", "Report figures", "Report summary"]);
    expect(await titles(`listId=${work.id}&labelId=${urgent.id}&status=active`)).toEqual(["Call the bank", "Quarterly report", "Report figures"]);
    expect(await titles(`listId=${work.id}&labelId=${urgent.id}&status=active&q=REPORT`)).toEqual(["Quarterly report", "Report figures"]);
    expect(await titles(`listId=${work.id}&labelId=${urgent.id}&status=completed&q=report`)).toEqual(["Report summary"]);
    expect(await countTasks(user, `?listId=${work.id}&labelId=${urgent.id}&q=report`)).toEqual({ all: 3, active: 2, completed: 1 });
    expect(await countTasks(user, `?listId=${work.id}&parentId=none`)).toEqual({ all: 3, active: 3, completed: 0 });
  });

  it("parentId=none keeps top-level tasks; a task's id keeps its subtasks", async () => {
    expect(await titles(`parentId=none&q=report`)).toEqual(["Quarterly report", "Report in the Inbox", "Unlabelled report"]);
    expect(await titles(`parentId=${parent.id}`)).toEqual(["Report figures", "Report summary"]);
    expect(await titles(`parentId=${parent.id}&status=completed`)).toEqual(["Report summary"]);
    expect(await countTasks(user, `?parentId=${parent.id}`)).toEqual({ all: 2, active: 1, completed: 1 });
    // A task of the user's without subtasks: an empty list.
    const leaf = (await listTasks(user, "?q=bank")).tasks[0];
    expect(await titles(`parentId=${leaf.id}`)).toEqual([]);
  });

  it("answer 422 to a filter that is not an id (or none), 404 to ids of nothing", async () => {
    for (const [query, field] of [
      ["listId=inbox", "listId"],
      ["labelId=urgent", "labelId"],
      ["parentId=null", "parentId"],
      ["parentId=NONE", "parentId"],
      ["view=tomorrow", "view"],
      ["view=today&tz=Mars/Olympus", "tz"],
      ["view=today&tz=", "tz"],
      [`view=today&tz=${"Europe/".repeat(20)}Paris`, "tz"],
    ]) {
      for (const path of ["/api/tasks", "/api/tasks/counts"]) {
        const error = await expectError(await as(user).get(`${path}?${query}`), 422, "validation_failed");
        expect(Object.keys(error.details!), query).toEqual([field]);
      }
    }
    for (const field of ["listId", "labelId", "parentId"]) {
      for (const path of ["/api/tasks", "/api/tasks/counts"]) {
        const error = await expectError(await as(user).get(`${path}?${field}=${crypto.randomUUID()}`), 404, "not_found");
        expect(Object.keys(error.details!)).toEqual([field]);
      }
    }
  });
});

// An independent reckoning of local days, with Intl rather than the app's Temporal code: the UTC
// offset of a zone at an instant, and the instant a local date starts.
function offsetMs(instant: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(instant / 1000) * 1000;
}
function localDate(instant: number, timeZone: string): { year: number; month: number; day: number } {
  const local = new Date(instant + offsetMs(instant, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
}
/** The instant local midnight starts `date` + `days` (zones whose midnight exists that day). */
function midnight(date: { year: number; month: number; day: number }, days: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month, date.day + days);
  let instant = wall;
  for (let i = 0; i < 3; i++) instant = wall - offsetMs(instant, timeZone);
  return instant;
}

describe.each(["Pacific/Kiritimati", "America/Santiago"])("the Today and Upcoming views in %s", (timeZone) => {
  it("count days from local midnight: overdue and today in Today, today to 14 days on in Upcoming", async () => {
    if (timeZone === "Pacific/Kiritimati") expect(offsetMs(Date.now(), timeZone)).toBe(14 * 3_600_000); // UTC+14 all year
    const user = await signUpUser("Traveller");
    const today = localDate(Date.now(), timeZone);
    const startToday = midnight(today, 0, timeZone);
    const startTomorrow = midnight(today, 1, timeZone);
    const startLast = midnight(today, UPCOMING_DAYS, timeZone);
    expect(startToday).toBeLessThanOrEqual(Date.now());
    expect(startTomorrow).toBeGreaterThan(Date.now());
    const due: Record<string, number | null> = {
      "long overdue": startToday - 30 * 86_400_000,
      "yesterday, last ms": startToday - 1,
      "today, first ms": startToday,
      "today, last ms": startTomorrow - 1,
      "tomorrow, first ms": startTomorrow,
      "day 13, last ms": startLast - 1,
      "day 14, first ms": startLast,
      "no due date": null,
    };
    for (const [title, time] of Object.entries(due)) {
      await createTask(user, time === null ? { title, dueDate: null } : { title, dueAt: new Date(time).toISOString(), dueTimeZone: timeZone });
    }
    await createTask(user, { title: "today, done", dueAt: new Date(startToday + 1).toISOString(), dueTimeZone: timeZone, completed: true });
    // Whole days: the date itself, counted from today's date there.
    const dayAfter = (days: number) => new Date(Date.UTC(today.year, today.month, today.day + days)).toISOString().slice(0, 10);
    const wholeDays: Record<string, number> = { "yesterday, whole day": -1, "today, whole day": 0, "day 13, whole day": 13, "day 14, whole day": 14 };
    for (const [title, days] of Object.entries(wholeDays)) await createTask(user, { title, dueDate: dayAfter(days) });
    const tz = encodeURIComponent(timeZone);
    const view = async (name: string, extra = "") => (await allTasks(user, `view=${name}&tz=${tz}${extra}&sort=dueDate`)).map((t) => t.title);
    // In due order; a whole day ends with that day's last moment, so only its place among the days is pinned.
    const moments = (titles: string[]) => titles.filter((title) => !title.endsWith("whole day"));
    const days = (titles: string[]) => titles.filter((title) => title.endsWith("whole day"));
    expect(moments(await view("today"))).toEqual(["long overdue", "yesterday, last ms", "today, first ms", "today, done", "today, last ms"]);
    expect(days(await view("today"))).toEqual(["yesterday, whole day", "today, whole day"]);
    expect(moments(await view("today", "&status=active"))).toEqual(["long overdue", "yesterday, last ms", "today, first ms", "today, last ms"]);
    expect(moments(await view("upcoming"))).toEqual(["today, first ms", "today, done", "today, last ms", "tomorrow, first ms", "day 13, last ms"]);
    expect(days(await view("upcoming"))).toEqual(["today, whole day", "day 13, whole day"]);
    expect(await countTasks(user, `?view=today&tz=${tz}`)).toEqual({ all: 7, active: 6, completed: 1 });
    expect(await countTasks(user, `?view=upcoming&tz=${tz}&q=first`)).toEqual({ all: 2, active: 2, completed: 0 });
    // Without tz, days are UTC days: what is due at the local day's last ms falls elsewhere.
    const utcToday = localDate(Date.now(), "UTC");
    const utcTomorrow = midnight(utcToday, 1, "UTC");
    const expectedUtc = Object.entries(due)
      .filter(([, time]) => time !== null && time < utcTomorrow)
      .map(([title]) => title);
    expect(moments((await allTasks(user, "view=today&sort=dueDate&status=active")).map((t) => t.title))).toEqual(expectedUtc);
  });
});

describe("the views on a day whose midnight does not exist", () => {
  // Chile starts summer time at midnight: on Sunday 5 September 2027 Santiago's clocks go from
  // 23:59:59.999 on the 4th (UTC-4) to 01:00 on the 5th (UTC-3). The day starts at 01:00, the
  // instant 04:00Z; hand-written below, checked against the zone data first.
  const NOW = "2027-09-05T15:00:00Z";
  const due = {
    "4th, 23:30 (-04)": "2027-09-05T03:30:00.000Z",
    "5th, 01:00 (-03), its first instant": "2027-09-05T04:00:00.000Z",
    "5th, last ms": "2027-09-06T02:59:59.999Z",
    "6th, first ms": "2027-09-06T03:00:00.000Z",
    "18th, last ms": "2027-09-19T02:59:59.999Z",
    "19th, first ms": "2027-09-19T03:00:00.000Z",
  };

  it("starts the day at its first instant, in Today and Upcoming", async () => {
    expect(offsetMs(Date.parse("2027-09-05T03:59:59Z"), "America/Santiago")).toBe(-4 * 3_600_000);
    expect(offsetMs(Date.parse("2027-09-05T04:00:00Z"), "America/Santiago")).toBe(-3 * 3_600_000);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(NOW) });
    try {
      const user = await signUpUser("Santiago");
      for (const [title, dueAt] of Object.entries(due)) await createTask(user, { title, dueAt, dueTimeZone: "America/Santiago" });
      const view = async (name: string) => (await allTasks(user, `view=${name}&tz=America/Santiago&sort=dueDate`)).map((t) => t.title);
      const titles = Object.keys(due);
      expect(await view("today")).toEqual(titles.slice(0, 3));
      expect(await view("upcoming")).toEqual(titles.slice(1, 5));
    } finally {
      vi.useRealTimers();
    }
  });
});
