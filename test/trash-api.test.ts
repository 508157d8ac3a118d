import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, TRASH_DAYS } from "@/lib/trash/constants";
import type { TrashedTask, TrashPage } from "@/lib/trash/service";
import type { ChangeEntry, HistoryPage } from "@/lib/changes/service";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
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
  listLists,
  listTasks,
  patchTask,
  type LabelJson,
  type ListJson,
  type TaskJson,
} from "./support/organize";

// The trash: deleting a task moves it, with its subtasks at every level, out of every read and
// into GET /api/trash; restoring it brings back every field; emptying it or 30 days delete for good.

const db = setUpTestDatabase();

let user: TestUser;
let list: ListJson;
let label: LabelJson;

beforeAll(async () => {
  user = await signUpUser("Trasher");
  list = await createList(user, { name: "Projects" });
  label = await createLabel(user, { name: "urgent" });
});

/** A task with every field set, a subtask and a sub-subtask, and a sibling before it. */
async function makeTree(title: string) {
  await createTask(user, { title: `${title} sibling`, listId: list.id });
  const root = await createTask(user, {
    title,
    description: `${title} described`,
    priority: "high",
    dueAt: "2026-12-24T17:00:00.000Z",
    dueTimeZone: "Europe/Berlin",
    listId: list.id,
    labelIds: [label.id],
  });
  const sub = await createTask(user, { title: `${title} sub`, parentId: root.id, labelIds: [label.id], priority: "low" });
  const subsub = await createTask(user, { title: `${title} subsub`, parentId: sub.id, description: "deep" });
  await patchTask(user, subsub.id, { completed: true });
  await patchTask(user, root.id, { completed: true });
  return { root: await getTask(user, root.id), sub: await getTask(user, sub.id), subsub: await getTask(user, subsub.id) };
}

async function trash(query = ""): Promise<TrashPage> {
  return expectJson<TrashPage>(await as(user).get(`/api/trash${query}`));
}

async function deleteTask(id: string): Promise<void> {
  const response = await as(user).delete(`/api/tasks/${id}`);
  expect(response.status, await response.text()).toBe(204);
}

const withoutUpdatedAt = (task: TaskJson): Omit<TaskJson, "updatedAt"> => {
  const copy: Partial<TaskJson> = { ...task };
  delete copy.updatedAt;
  return copy as Omit<TaskJson, "updatedAt">;
};

describe("deleting a task", () => {
  it("moves it and its subtasks at every level out of every read and into the trash, one entry with its subtaskCount", async () => {
    const { root, sub, subsub } = await makeTree("Tax return");
    const before = { all: await countTasks(user), list: (await listLists(user)).find((l) => l.id === list.id)!.openTasks };
    const started = Date.now();
    await deleteTask(root.id);

    for (const task of [root, sub, subsub]) {
      const error = await expectError(await as(user).get(`/api/tasks/${task.id}`), 404, "not_found");
      expect(error.details).toEqual({ inTrash: true });
    }
    const ids = [root.id, sub.id, subsub.id];
    const reads = [
      await allTasks(user, "status=all"),
      await allTasks(user, `listId=${list.id}&status=all`),
      await allTasks(user, `labelId=${label.id}&status=all`),
      await allTasks(user, "q=Tax&status=all"),
      await allTasks(user, `parentId=none&status=all`),
    ];
    for (const tasks of reads) expect(tasks.map((task) => task.id).filter((id) => ids.includes(id))).toEqual([]);
    expect(await countTasks(user)).toEqual({ all: before.all.all - 3, active: before.all.active - 1, completed: before.all.completed - 2 });
    // Only the sibling is left to find.
    expect(await countTasks(user, "?q=Tax")).toEqual({ all: 1, active: 1, completed: 0 });
    // The sub (open) was the list's only open one of the tree.
    expect((await listLists(user)).find((l) => l.id === list.id)!.openTasks).toBe(before.list - 1);

    const page = await trash();
    const entries = page.tasks.filter((task) => ids.includes(task.id));
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toEqual<TrashedTask>({
      id: root.id,
      title: root.title,
      description: root.description,
      completed: true,
      priority: "high",
      dueDate: root.dueDate,
      dueAt: root.dueAt,
      dueTimeZone: root.dueTimeZone,
      listId: list.id,
      parentId: null,
      deletedAt: expect.any(String),
      purgeAt: expect.any(String),
      subtaskCount: 2,
    });
    const deletedAt = Date.parse(entry.deletedAt);
    expect(deletedAt).toBeGreaterThanOrEqual(started - 1000);
    expect(deletedAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(entry.purgeAt) - deletedAt).toBe(TRASH_DAYS * DAY_MS);
  });

  it("restore brings back every field of the task and its subtasks, where they were", async () => {
    const { root, sub, subsub } = await makeTree("Passport");
    await deleteTask(root.id);
    const restored = await expectJson<TaskJson>(await as(user).post(`/api/tasks/${root.id}/restore`));
    expect(withoutUpdatedAt(restored)).toEqual(withoutUpdatedAt(root));
    expect(withoutUpdatedAt(await getTask(user, root.id))).toEqual(withoutUpdatedAt(root));
    expect(withoutUpdatedAt(await getTask(user, sub.id))).toEqual(withoutUpdatedAt(sub));
    expect(withoutUpdatedAt(await getTask(user, subsub.id))).toEqual(withoutUpdatedAt(subsub));
    expect((await trash()).tasks.map((task) => task.id)).not.toContain(root.id);
    // Back in the list's order, in its place.
    const inList = (await allTasks(user, `listId=${list.id}&parentId=none&status=all&sort=position`)).map((task) => task.id);
    expect(inList).toContain(root.id);
    // Restoring a task that is not in the trash answers it as it is.
    expect(withoutUpdatedAt(await expectJson<TaskJson>(await as(user).post(`/api/tasks/${root.id}/restore`)))).toEqual(withoutUpdatedAt(root));
  });

  it("a subtask deleted alone before its parent stays in the trash when the parent comes back", async () => {
    const { root, sub, subsub } = await makeTree("Garden");
    await deleteTask(subsub.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await deleteTask(root.id);
    const ids = (await trash()).tasks.map((task) => task.id);
    expect(ids).toContain(root.id);
    expect(ids).toContain(subsub.id);
    expect((await trash()).tasks.find((task) => task.id === root.id)!.subtaskCount).toBe(1);

    await expectJson<TaskJson>(await as(user).post(`/api/tasks/${root.id}/restore`));
    expect((await getTask(user, sub.id)).subtasks).toEqual({ total: 0, completed: 0 });
    const error = await expectError(await as(user).get(`/api/tasks/${subsub.id}`), 404, "not_found");
    expect(error.details).toEqual({ inTrash: true });
    expect((await trash()).tasks.map((task) => task.id)).toContain(subsub.id);
    // It can come back on its own now that its parent is back.
    expect((await expectJson<TaskJson>(await as(user).post(`/api/tasks/${subsub.id}/restore`))).parentId).toBe(sub.id);
  });

  it("refuses to restore a subtask whose parent is in the trash (409 parent_in_trash), writing nothing", async () => {
    const { root, sub } = await makeTree("Move house");
    await deleteTask(root.id);
    const seq = await headSeq();
    await expectError(await as(user).post(`/api/tasks/${sub.id}/restore`), 409, "parent_in_trash");
    expect(await headSeq()).toBe(seq);
    await expectError(await as(user).get(`/api/tasks/${sub.id}`), 404, "not_found");
  });

  it("answers every write to a trashed task 404 with details.inTrash, writing nothing", async () => {
    const { root } = await makeTree("Old plan");
    await deleteTask(root.id);
    const seq = await headSeq();
    const rows = JSON.stringify(await db.prisma.task.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }));
    const attempts: [string, Response][] = [
      ["PATCH", await as(user).patch(`/api/tasks/${root.id}`, { title: "Revived" })],
      ["PUT", await as(user).put(`/api/tasks/${root.id}`, { title: "Revived", description: "", priority: "low", dueDate: null, completed: false })],
      ["toggle", await as(user).patch(`/api/tasks/${root.id}/complete`)],
      ["DELETE", await as(user).delete(`/api/tasks/${root.id}`)],
    ];
    for (const [name, response] of attempts) {
      const error = await expectError(response, 404, "not_found");
      expect(error.details, name).toEqual({ inTrash: true });
    }
    for (const [field, body] of [
      ["parentId", { title: "Child", parentId: root.id }],
      ["after", { title: "Neighbour", listId: list.id, after: root.id }],
    ] as const) {
      const error = await expectError(await as(user).post("/api/tasks", body), 404, "not_found");
      expect(error.details, field).toEqual({ [field]: [expect.stringMatching(/trash/)], inTrash: true });
    }
    expect(await headSeq()).toBe(seq);
    expect(JSON.stringify(await db.prisma.task.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }))).toBe(rows);
  });
});

async function headSeq(): Promise<string> {
  return (await expectJson<{ cursor: string }>(await as(user).get("/api/changes"))).cursor;
}

describe("the trash's pages", () => {
  it("list every root exactly once, newest first, through limit and cursor", async () => {
    const roots: string[] = [];
    for (let i = 0; i < 7; i++) {
      const task = await createTask(user, { title: `Paged ${i}` });
      await createTask(user, { title: `Paged ${i} sub`, parentId: task.id });
      await deleteTask(task.id);
      roots.push(task.id);
    }
    const everything = (await trash("?limit=200")).tasks;
    const seen: TrashedTask[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result: TrashPage = await trash(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(result.tasks.length).toBeLessThanOrEqual(2);
      seen.push(...result.tasks);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen.map((task) => task.id)).toEqual(everything.map((task) => task.id));
    expect(new Set(seen.map((task) => task.id)).size).toBe(seen.length);
    for (const id of roots) expect(seen.filter((task) => task.id === id)).toHaveLength(1);
    const times = seen.map((task) => Date.parse(task.deletedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("page through tasks trashed together with their list (one deletedAt for all) one at a time", async () => {
    const doomed = await createList(user, { name: "Doomed project" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const task = await createTask(user, { title: `Doomed ${i}`, listId: doomed.id });
      await createTask(user, { title: `Doomed ${i} sub`, parentId: task.id });
      ids.push(task.id);
    }
    expect((await as(user).delete(`/api/lists/${doomed.id}?tasks=delete`)).status).toBe(204);
    const everything = (await trash("?limit=200")).tasks.filter((task) => ids.includes(task.id));
    expect(everything.map((task) => task.id).sort()).toEqual([...ids].sort());
    expect(new Set(everything.map((task) => task.deletedAt)).size).toBe(1);
    for (const task of everything) expect(task.subtaskCount).toBe(1);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const result: TrashPage = await trash(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...result.tasks.map((task) => task.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen.filter((id) => ids.includes(id))).toEqual(everything.map((task) => task.id));
    expect(new Set(seen).size).toBe(seen.length);
    // Restored, a task of the deleted list comes back in the Inbox, with its subtask.
    const restored = await expectJson<TaskJson>(await as(user).post(`/api/tasks/${ids[0]}/restore`));
    expect(restored.listId).toBe((await listLists(user)).find((l) => l.inbox)!.id);
    expect(restored.subtasks.total).toBe(1);
  });

  it("refuse a cursor this API did not return (422 naming cursor)", async () => {
    for (const cursor of ["abc", "2026-12-04T12:00:00.000Z", "2026-13-45T99:99:99.999Z_00000000-0000-4000-8000-000000000000", "x".repeat(101)]) {
      const error = await expectError(await as(user).get(`/api/trash?cursor=${encodeURIComponent(cursor)}`), 422, "validation_failed");
      expect(Object.keys(error.details ?? {}), cursor).toEqual(["cursor"]);
    }
  });
});

describe("deleting for good", () => {
  it("DELETE /api/trash empties it, counting subtasks; its tasks cannot be restored or undone", async () => {
    const task = await createTask(user, { title: "Shred me" });
    await createTask(user, { title: "Shred me too", parentId: task.id });
    await deleteTask(task.id);
    const inTrash = await db.prisma.task.count({ where: { userId: user.id, deletedAt: { not: null } } });
    expect(inTrash).toBeGreaterThanOrEqual(2);
    const live = (await countTasks(user)).all;
    expect(await expectJson<{ deleted: number }>(await as(user).delete("/api/trash"))).toEqual({ deleted: inTrash });
    expect((await trash()).tasks).toEqual([]);
    expect((await countTasks(user)).all).toBe(live);
    await expectError(await as(user).post(`/api/tasks/${task.id}/restore`), 404, "not_found");
    expect(await db.prisma.task.count({ where: { id: task.id } })).toBe(0);
    expect(await expectJson<{ deleted: number }>(await as(user).delete("/api/trash"))).toEqual({ deleted: 0 });

    // Its history survives it and says so; undoing its delete cannot bring it back.
    const history = await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${task.id}/history`));
    expect(history.changes[0]).toMatchObject({ op: "delete", entity: "task", mine: true });
    await expectError(await as(user).post(`/api/changes/${history.changes[0].seq}/undo`, {}), 409, "cannot_undo");
  });

  it("after 30 days a trashed task is deleted for good, as the system's doing", async () => {
    const task = await createTask(user, { title: "Forgotten" });
    const keep = await createTask(user, { title: "Recently trashed" });
    await deleteTask(task.id);
    await deleteTask(keep.id);
    await db.prisma.task.update({ where: { id: task.id }, data: { deletedAt: new Date(Date.now() - 31 * DAY_MS) } });
    const ids = (await trash()).tasks.map((entry) => entry.id);
    expect(ids).not.toContain(task.id);
    expect(ids).toContain(keep.id);
    expect(await db.prisma.task.count({ where: { id: task.id } })).toBe(0);
    const history = await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${task.id}/history`));
    const [last] = history.changes;
    expect(last).toMatchObject<Partial<ChangeEntry>>({ op: "delete", entity: "task", entityId: task.id, actor: null, mine: false, after: null });
    expect(last.before).toMatchObject({ id: task.id, title: "Forgotten" });
    await expectError(await as(user).post(`/api/tasks/${task.id}/restore`), 404, "not_found");
  });

  it("an expired task is deleted for good as the system's doing when another task goes to the trash, too", async () => {
    const expired = await createTask(user, { title: "Expired" });
    const next = await createTask(user, { title: "Trashed next" });
    await deleteTask(expired.id);
    await db.prisma.task.update({ where: { id: expired.id }, data: { deletedAt: new Date(Date.now() - 31 * DAY_MS) } });
    await deleteTask(next.id);
    expect(await db.prisma.task.count({ where: { id: expired.id } })).toBe(0);
    const [purged] = (await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${expired.id}/history`))).changes;
    expect(purged).toMatchObject({ op: "delete", actor: null, mine: false });
    const [trashed] = (await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${next.id}/history`))).changes;
    expect(trashed).toMatchObject({ op: "update", actor: expect.stringMatching(/^session:/), mine: true, after: { deletedAt: expect.any(String) } });
  });

  it("a task 29 days in the trash is still there", async () => {
    const task = await createTask(user, { title: "Almost forgotten" });
    await deleteTask(task.id);
    await db.prisma.task.update({ where: { id: task.id }, data: { deletedAt: new Date(Date.now() - 29 * DAY_MS) } });
    expect((await trash()).tasks.map((entry) => entry.id)).toContain(task.id);
    expect((await listTasks(user, "?q=Almost")).tasks).toEqual([]);
  });
});
