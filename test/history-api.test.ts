import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeEntry, FeedPage, HistoryPage } from "@/lib/changes/service";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, PASSWORD, signUpUser, tokenFor, type TestUser } from "./support/http";
import {
  as,
  createLabel,
  createList,
  createTask,
  expectError,
  expectJson,
  getTask,
  inboxOf,
  listLabels,
  listLists,
  patchTask,
  type LabelJson,
  type ListJson,
  type TaskJson,
} from "./support/organize";

// The change log through the API: every successful write appends its entries in its own
// transaction, a refused one appends nothing; a task's history pages newest first; undo puts a
// change's `before` back, or says why not.

const db = setUpTestDatabase();

let user: TestUser;
let other: TestUser;
let actor: string;

beforeAll(async () => {
  [user, other] = await Promise.all([signUpUser("Logger"), signUpUser("Other")]);
  const sessions = await db.prisma.session.findMany({ where: { userId: user.id } });
  expect(sessions).toHaveLength(1);
  actor = `session:${sessions[0].id}`;
});

async function head(who: TestUser = user): Promise<number> {
  const page = await expectJson<FeedPage>(await as(who).get("/api/changes"));
  expect(page).toEqual({ changes: [], cursor: expect.stringMatching(/^\d+$/), more: false });
  return Number(page.cursor);
}

/** Every change after `since`, following the feed's pages. */
async function changesSince(since: number, who: TestUser = user): Promise<ChangeEntry[]> {
  const all: ChangeEntry[] = [];
  let cursor = String(since);
  for (let i = 0; i < 100; i++) {
    const page = await expectJson<FeedPage>(await as(who).get(`/api/changes?since=${cursor}`));
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return all;
  }
  throw new Error("feed did not end");
}

/** The entries a write appends: runs it, checks it succeeded, answers what it appended. */
async function logged(write: () => Promise<Response>, status = 200): Promise<ChangeEntry[]> {
  const since = await head();
  const response = await write();
  expect(response.status, await response.clone().text()).toBe(status);
  const entries = await changesSince(since);
  expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, i) => since + 1 + i));
  for (const entry of entries) expect(entry).toMatchObject({ actor, mine: true });
  return entries;
}

/** The user's log and counter as the database holds them: what a refused write must leave. */
async function logState(): Promise<string> {
  const [changes, sync] = await Promise.all([
    db.prisma.change.findMany({ where: { userId: { in: [user.id, other.id] } }, orderBy: [{ userId: "asc" }, { seq: "asc" }] }),
    db.prisma.userSync.findMany({ where: { userId: { in: [user.id, other.id] } }, orderBy: { userId: "asc" } }),
  ]);
  return JSON.stringify({ changes, sync }, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}

async function refused(response: Response, status: number, code: string): Promise<void> {
  await expectError(response, status, code);
}

describe("every successful write appends its entries", () => {
  let list: ListJson;
  let label: LabelJson;
  let second: LabelJson;
  let task: TaskJson;

  it("list and label create, update and delete", async () => {
    let entries = await logged(() => as(user).post("/api/lists", { name: "Work", color: "blue" }), 201);
    list = (await listLists(user)).find((l) => l.name === "Work")!;
    expect(entries).toEqual([
      expect.objectContaining({ entity: "list", op: "create", entityId: list.id, before: null, after: expect.objectContaining({ id: list.id, name: "Work", color: "blue", archived: false }) }),
    ]);
    entries = await logged(() => as(user).patch(`/api/lists/${list.id}`, { name: "Job" }));
    expect(entries).toEqual([expect.objectContaining({ entity: "list", op: "update", entityId: list.id, before: { name: "Work" }, after: { name: "Job" } })]);

    entries = await logged(() => as(user).post("/api/labels", { name: "home", color: "green" }), 201);
    label = (await listLabels(user)).find((l) => l.name === "home")!;
    expect(entries).toEqual([expect.objectContaining({ entity: "label", op: "create", entityId: label.id, before: null, after: expect.objectContaining({ name: "home", color: "green" }) })]);
    entries = await logged(() => as(user).patch(`/api/labels/${label.id}`, { color: "red" }));
    expect(entries).toEqual([expect.objectContaining({ entity: "label", op: "update", before: { color: "green" }, after: { color: "red" } })]);

    second = await createLabel(user, { name: "errand" });
    const doomed = await createList(user, { name: "Doomed" });
    entries = await logged(() => as(user).delete(`/api/lists/${doomed.id}?tasks=inbox`), 204);
    expect(entries).toEqual([expect.objectContaining({ entity: "list", op: "delete", entityId: doomed.id, before: expect.objectContaining({ name: "Doomed" }), after: null })]);
    const doomedLabel = await createLabel(user, { name: "doomed" });
    entries = await logged(() => as(user).delete(`/api/labels/${doomedLabel.id}`), 204);
    expect(entries).toEqual([expect.objectContaining({ entity: "label", op: "delete", entityId: doomedLabel.id, before: expect.objectContaining({ name: "doomed" }), after: null })]);
  });

  it("task create with labels, PATCH, PUT, toggle, labelIds, delete and restore", async () => {
    let entries = await logged(() => as(user).post("/api/tasks", { title: "Logged", listId: list.id, labelIds: [label.id] }), 201);
    task = (await expectJson<{ tasks: TaskJson[] }>(await as(user).get(`/api/tasks?listId=${list.id}`))).tasks.find((t) => t.title === "Logged")!;
    expect(entries).toEqual([
      expect.objectContaining({
        entity: "task",
        op: "create",
        entityId: task.id,
        before: null,
        after: expect.objectContaining({ id: task.id, title: "Logged", listId: list.id, completed: false, deletedAt: null }),
      }),
      expect.objectContaining({ entity: "task_label", op: "create", entityId: task.id, before: null, after: { labelId: label.id } }),
    ]);
    expect(entries[0].after).not.toHaveProperty("userId");

    entries = await logged(() => as(user).patch(`/api/tasks/${task.id}`, { title: "Renamed", priority: "high" }));
    expect(entries).toEqual([
      expect.objectContaining({ entity: "task", op: "update", entityId: task.id, before: { title: "Logged", priority: "medium" }, after: { title: "Renamed", priority: "high" } }),
    ]);

    entries = await logged(() => as(user).put(`/api/tasks/${task.id}`, { title: "Put", description: "all", priority: "high", dueDate: "2027-01-02", completed: false }));
    expect(entries).toEqual([
      expect.objectContaining({ op: "update", before: { title: "Renamed", description: "", dueDate: null }, after: { title: "Put", description: "all", dueDate: "2027-01-02" } }),
    ]);

    entries = await logged(() => as(user).patch(`/api/tasks/${task.id}/complete`));
    expect(entries).toEqual([expect.objectContaining({ op: "update", before: { completed: false }, after: { completed: true } })]);

    entries = await logged(() => as(user).patch(`/api/tasks/${task.id}`, { labelIds: [second.id] }));
    expect(entries).toEqual([
      expect.objectContaining({ entity: "task_label", op: "delete", entityId: task.id, before: { labelId: label.id }, after: null }),
      expect.objectContaining({ entity: "task_label", op: "create", entityId: task.id, before: null, after: { labelId: second.id } }),
    ]);

    entries = await logged(() => as(user).delete(`/api/tasks/${task.id}`), 204);
    expect(entries).toEqual([expect.objectContaining({ entity: "task", op: "update", before: { deletedAt: null }, after: { deletedAt: expect.any(String) } })]);

    entries = await logged(() => as(user).post(`/api/tasks/${task.id}/restore`));
    expect(entries).toEqual([expect.objectContaining({ entity: "task", op: "update", before: { deletedAt: expect.any(String) }, after: { deletedAt: null } })]);
  });

  it("an update that changes nothing but updatedAt appends nothing", async () => {
    const current = await getTask(user, task.id);
    const state = await logState();
    await patchTask(user, task.id, { title: current.title, completed: current.completed });
    await expectJson(await as(user).patch(`/api/lists/${list.id}`, { name: "Job" }));
    expect(await logState()).toBe(state);
    expect((await getTask(user, task.id)).updatedAt).not.toBe(current.updatedAt);
  });

  it("a refused write (422, 403, 404, 409), or one that fails midway, appends nothing", async () => {
    const othersLabel = await createLabel(other, { name: "theirs" });
    const othersList = await createList(other, { name: "theirs" });
    const state = await logState();
    const tasksBefore = await db.prisma.task.count({ where: { userId: user.id } });
    await refused(await as(user).post("/api/tasks", { title: "" }), 422, "validation_failed");
    await refused(await as(user).patch(`/api/tasks/${task.id}`, { priority: "urgent" }), 422, "validation_failed");
    await refused(await as(user).post("/api/tasks", { title: "Sneaky", listId: othersList.id }), 403, "forbidden");
    // Fails midway: the labels are checked after the create has begun.
    await refused(await as(user).post("/api/tasks", { title: "Half made", labelIds: [label.id, othersLabel.id] }), 403, "forbidden");
    await refused(await as(user).patch(`/api/tasks/${task.id}`, { title: "Half changed", labelIds: [othersLabel.id] }), 403, "forbidden");
    await refused(await as(user).patch(`/api/tasks/${crypto.randomUUID()}`, { title: "Nobody" }), 404, "not_found");
    await refused(await as(user).delete(`/api/tasks/${crypto.randomUUID()}`), 404, "not_found");
    await refused(await as(user).post("/api/labels", { name: "errand" }), 409, "label_name_taken");
    await refused(await as(user).post("/api/tasks", { id: task.id, title: "Same id" }), 409, "conflict");
    await refused(await as(user).delete(`/api/lists/${(await inboxOf(user)).id}?tasks=inbox`), 422, "inbox_fixed");
    expect(await logState()).toBe(state);
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(tasksBefore);
    expect((await getTask(user, task.id)).title).toBe("Put");
  });

  it("another session of the same user sees the entries as not its own, and its own as mine", async () => {
    const since = await head();
    const signIn = await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    const device: TestUser = { ...user, cookie: cookiesOf(signIn), token: await tokenFor(cookiesOf(signIn)) };
    await patchTask(user, task.id, { description: "from the first" });
    await patchTask(device, task.id, { description: "from the second" });
    const seenBySecond = await changesSince(since, device);
    const seenByFirst = await changesSince(since);
    expect(seenBySecond).toHaveLength(2);
    expect(seenBySecond[0]).toMatchObject({ actor, mine: false, after: { description: "from the first" } });
    expect(seenBySecond[1]).toMatchObject({ actor: expect.stringMatching(/^session:/), mine: true, after: { description: "from the second" } });
    expect(seenBySecond[1].actor).not.toBe(actor);
    expect(seenByFirst.map((entry) => entry.mine)).toEqual([true, false]);
  });
});

describe("a task's history", () => {
  it("is newest first and pages by cursor, each entry once", async () => {
    const task = await createTask(user, { title: "v0" });
    for (let i = 1; i <= 6; i++) await patchTask(user, task.id, { title: `v${i}` });
    const full = await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${task.id}/history`));
    expect(full.nextCursor).toBeNull();
    expect(full.changes).toHaveLength(7);
    expect(full.changes.map((entry) => entry.after?.title)).toEqual(["v6", "v5", "v4", "v3", "v2", "v1", "v0"]);
    expect(full.changes.at(-1)).toMatchObject({ op: "create" });
    const seqs = full.changes.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const paged: ChangeEntry[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: HistoryPage = await expectJson<HistoryPage>(await as(user).get(`/api/tasks/${task.id}/history?limit=3${cursor ? `&cursor=${cursor}` : ""}`));
      expect(page.changes.length).toBeLessThanOrEqual(3);
      paged.push(...page.changes);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(paged).toEqual(full.changes);
  });

  it("of an unknown task is 404", async () => {
    await expectError(await as(user).get(`/api/tasks/${crypto.randomUUID()}/history`), 404, "not_found");
  });
});

async function undo(seq: number | string, body: unknown = {}): Promise<Response> {
  return as(user).post(`/api/changes/${seq}/undo`, body);
}

async function undone(seq: number, body: unknown = {}): Promise<void> {
  expect(await expectJson(await undo(seq, body))).toEqual({ undone: seq });
}

async function lastChange(): Promise<ChangeEntry> {
  const since = (await head()) - 1;
  const [entry] = await changesSince(since);
  return entry;
}

describe("undo", () => {
  it("of a field change restores it; changed since: 409 naming the fields, unless overwrite", async () => {
    const task = await createTask(user, { title: "Original", priority: "low" });
    await patchTask(user, task.id, { title: "Edited", priority: "medium" });
    const edit = await lastChange();
    await undone(edit.seq);
    expect(await getTask(user, task.id)).toMatchObject({ title: "Original", priority: "low" });
    // The undo is a change of its own, logged.
    expect(await lastChange()).toMatchObject({ op: "update", before: { title: "Edited", priority: "medium" }, after: { title: "Original", priority: "low" }, mine: true });

    await patchTask(user, task.id, { title: "Again" });
    const again = await lastChange();
    await patchTask(user, task.id, { title: "Later" });
    const state = await logState();
    const error = await expectError(await undo(again.seq), 409, "changed_since");
    expect(error.details).toEqual({ fields: ["title"] });
    expect(await logState()).toBe(state);
    expect((await getTask(user, task.id)).title).toBe("Later");
    await undone(again.seq, { overwrite: true });
    expect((await getTask(user, task.id)).title).toBe("Original");
  });

  it("of a move, a due date or a toggle puts the task back as it was", async () => {
    const from = await createList(user, { name: "From" });
    const to = await createList(user, { name: "To" });
    const task = await createTask(user, { title: "Mover", listId: from.id, dueDate: "2027-03-04" });
    const sub = await createTask(user, { title: "Mover's sub", parentId: task.id });
    const moved = await logged(() => as(user).patch(`/api/tasks/${task.id}`, { listId: to.id }));
    // The task's entry, then its subtask's, which moved with it.
    expect(moved).toEqual([
      expect.objectContaining({ entity: "task", entityId: task.id, before: expect.objectContaining({ listId: from.id }), after: expect.objectContaining({ listId: to.id }) }),
      expect.objectContaining({ entity: "task", entityId: sub.id, before: { listId: from.id }, after: { listId: to.id } }),
    ]);
    const [move] = moved;
    await patchTask(user, task.id, { dueDate: "2028-01-01" });
    const due = await lastChange();
    expect(due).toMatchObject({ before: { dueDate: "2027-03-04" }, after: { dueDate: "2028-01-01" } });
    expect((await as(user).patch(`/api/tasks/${task.id}/complete`)).status).toBe(200);
    const toggle = await lastChange();

    await undone(toggle.seq);
    await undone(due.seq);
    await undone(move.seq);
    const back = await getTask(user, task.id);
    expect(back).toMatchObject({ listId: from.id, position: task.position, dueDate: "2027-03-04", completed: false });
    expect((await getTask(user, sub.id)).listId).toBe(from.id);
  });

  it("of a trash restores; of a restore trashes; of a task's create trashes it", async () => {
    const created = await createTask(user, { title: "Undo me" });
    const create = await lastChange();
    expect(create).toMatchObject({ op: "create", entityId: created.id });
    expect((await as(user).delete(`/api/tasks/${created.id}`)).status).toBe(204);
    const trashed = await lastChange();
    expect(trashed).toMatchObject({ op: "update", after: { deletedAt: expect.any(String) } });
    await undone(trashed.seq);
    expect((await getTask(user, created.id)).title).toBe("Undo me");
    const restore = await lastChange();
    expect(restore).toMatchObject({ op: "update", after: { deletedAt: null } });
    await undone(restore.seq);
    expect((await expectError(await as(user).get(`/api/tasks/${created.id}`), 404, "not_found")).details).toEqual({ inTrash: true });
    await expectJson(await as(user).post(`/api/tasks/${created.id}/restore`));
    await undone(create.seq);
    expect((await expectError(await as(user).get(`/api/tasks/${created.id}`), 404, "not_found")).details).toEqual({ inTrash: true });
  });

  it("of a label added to or removed from a task", async () => {
    const label = await createLabel(user, { name: "undoable" });
    const task = await createTask(user, { title: "Labelled" });
    await patchTask(user, task.id, { labelIds: [label.id] });
    const added = await lastChange();
    expect(added).toMatchObject({ entity: "task_label", op: "create", after: { labelId: label.id } });
    await undone(added.seq);
    expect((await getTask(user, task.id)).labelIds).toEqual([]);
    const removed = await lastChange();
    expect(removed).toMatchObject({ entity: "task_label", op: "delete", before: { labelId: label.id } });
    await undone(removed.seq);
    expect((await getTask(user, task.id)).labelIds).toEqual([label.id]);
    await expectError(await undo(removed.seq), 409, "cannot_undo");
  });

  it("of a list's or label's delete brings it back with its id", async () => {
    const list = await createList(user, { name: "Comeback", color: "purple" });
    const label = await createLabel(user, { name: "comeback", color: "orange" });
    expect((await as(user).delete(`/api/lists/${list.id}?tasks=inbox`)).status).toBe(204);
    const listDelete = await lastChange();
    expect((await as(user).delete(`/api/labels/${label.id}`)).status).toBe(204);
    const labelDelete = await lastChange();
    await undone(listDelete.seq);
    await undone(labelDelete.seq);
    expect((await listLists(user)).find((l) => l.id === list.id)).toMatchObject({ name: "Comeback", color: "purple", position: list.position });
    expect((await listLabels(user)).find((l) => l.id === label.id)).toMatchObject({ name: "comeback", color: "orange" });
    await expectError(await undo(listDelete.seq), 409, "cannot_undo");
  });

  it("of a list's or label's rename; a label's name taken since: 409 label_name_taken", async () => {
    const list = await createList(user, { name: "Before" });
    const label = await createLabel(user, { name: "before" });
    await expectJson(await as(user).patch(`/api/lists/${list.id}`, { name: "After", color: "red" }));
    const listRename = await lastChange();
    await expectJson(await as(user).patch(`/api/labels/${label.id}`, { name: "after" }));
    const labelRename = await lastChange();
    await undone(listRename.seq);
    expect((await listLists(user)).find((l) => l.id === list.id)).toMatchObject({ name: "Before", color: list.color });
    await createLabel(user, { name: "before" });
    const state = await logState();
    await expectError(await undo(labelRename.seq), 409, "label_name_taken");
    expect(await logState()).toBe(state);
    expect((await listLabels(user)).find((l) => l.id === label.id)!.name).toBe("after");
  });

  it("of a list's create that has tasks now: 409 cannot_undo; of an empty one: deletes it", async () => {
    const state0 = await head();
    const list = await createList(user, { name: "Busy" });
    const create = (await changesSince(state0))[0];
    expect(create).toMatchObject({ entity: "list", op: "create", entityId: list.id });
    await createTask(user, { title: "Keeps it", listId: list.id });
    const state = await logState();
    await expectError(await undo(create.seq), 409, "cannot_undo");
    expect(await logState()).toBe(state);
    const empty = await createList(user, { name: "Empty" });
    const emptyCreate = await lastChange();
    await undone(emptyCreate.seq);
    expect((await listLists(user)).map((l) => l.id)).not.toContain(empty.id);
  });

  it("answers an unknown or malformed seq 404, and a body with unknown keys 422, writing nothing", async () => {
    const state = await logState();
    const headSeq = await head();
    await expectError(await undo(headSeq + 1000), 404, "not_found");
    for (const seq of ["abc", "-1", "1e3", "0x10", "1.5", " 1", "99999999999999999999999"]) {
      const response = await undo(encodeURIComponent(seq));
      expect(response.status, seq).toBe(404);
      expect((await response.json()).error.code, seq).toBe("not_found");
    }
    await expectError(await undo(headSeq, { overwrite: true, force: true }), 422, "validation_failed");
    await expectError(await undo(headSeq, { overwrite: "yes" }), 422, "validation_failed");
    expect(await logState()).toBe(state);
  });
});
