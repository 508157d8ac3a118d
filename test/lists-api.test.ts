import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { LIST_NAME_MAX, LISTS_PER_USER_MAX } from "@/lib/lists/constants";
import { keysAfter } from "@/lib/order";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import {
  allTasks,
  as,
  createLabel,
  createList,
  createTask,
  expectError,
  expectJson,
  getTask,
  inboxOf,
  listLists,
  patchTask,
  type ListJson,
  type TaskJson,
} from "./support/organize";

// The list API through its real route handlers: every user's Inbox, lists in manual order,
// archiving, and what deleting a list does with its tasks.

const db = setUpTestDatabase();

let alice: TestUser;
beforeAll(async () => {
  alice = await signUpUser("Alice");
});

/** A user of the test's own, so that order and counts start from a known state. */
const freshUser = (name: string) => signUpUser(name);

/** Everything of the user's that a refused request must leave as it was. */
async function snapshot(userId: string): Promise<string> {
  const [lists, tasks, taskLabels] = await Promise.all([
    db.prisma.list.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: { userId } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
  ]);
  return JSON.stringify({ lists, tasks, taskLabels });
}

describe("the Inbox", () => {
  it("exists for a fresh user, alone, with nothing in it", async () => {
    const user = await freshUser("Newcomer");
    const lists = await listLists(user);
    expect(lists).toHaveLength(1);
    const [inbox] = lists;
    expect(Object.keys(inbox).sort()).toEqual(["archived", "color", "createdAt", "id", "inbox", "name", "openTasks", "position", "updatedAt"]);
    expect(inbox).toMatchObject({ name: "Inbox", inbox: true, archived: false, color: "grey", openTasks: 0 });
    expect(await expectJson<ListJson>(await as(user).get(`/api/lists/${inbox.id}`))).toEqual(inbox);
    // A task created without a list goes there.
    expect((await createTask(user, { title: "Anywhere" })).listId).toBe(inbox.id);
  });

  it("cannot be renamed, archived, moved or deleted, and changes nothing when asked", async () => {
    const user = await freshUser("Keeper");
    const other = await createList(user, { name: "Other" });
    const inbox = await inboxOf(user);
    const before = await snapshot(user.id);
    for (const body of [{ name: "Outbox" }, { archived: true }, { archived: false }, { after: null }, { after: other.id }, { name: "Inbox", color: "red" }]) {
      const error = await expectError(await as(user).patch(`/api/lists/${inbox.id}`, body), 422, "inbox_fixed");
      expect(error.message).toMatch(/Inbox/);
    }
    for (const mode of ["inbox", "delete"]) {
      await expectError(await as(user).delete(`/api/lists/${inbox.id}?tasks=${mode}`), 422, "inbox_fixed");
    }
    expect(await snapshot(user.id)).toBe(before);
  });

  it("can change its colour", async () => {
    const user = await freshUser("Painter");
    const inbox = await inboxOf(user);
    const recoloured = await expectJson<ListJson>(await as(user).patch(`/api/lists/${inbox.id}`, { color: "teal" }));
    expect(recoloured).toMatchObject({ id: inbox.id, name: "Inbox", inbox: true, color: "teal", position: inbox.position });
    expect((await inboxOf(user)).color).toBe("teal");
  });

  it("stays first whatever the other lists' keys are", async () => {
    const user = await freshUser("First");
    await createList(user, { name: "A" });
    const b = await createList(user, { name: "B" });
    // Moved to the front, a list's key sorts before the Inbox's own.
    const moved = await expectJson<ListJson>(await as(user).patch(`/api/lists/${b.id}`, { after: null }));
    expect(moved.position < (await inboxOf(user)).position).toBe(true);
    expect((await listLists(user)).map((list) => list.name)).toEqual(["Inbox", "B", "A"]);
  });
});

describe("creating, reading and changing lists", () => {
  it("creates a list with its location, trimmed name and default colour, after the others", async () => {
    const user = await freshUser("Maker");
    const response = await as(user).post("/api/lists", { name: "  Groceries  " });
    const list = await expectJson<ListJson>(response, 201);
    expect(response.headers.get("Location")).toBe(`/api/lists/${list.id}`);
    expect(list).toMatchObject({ name: "Groceries", color: "grey", inbox: false, archived: false, openTasks: 0 });
    expect(list.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.parse(list.createdAt) - Date.now())).toBeLessThan(60_000);
    const work = await createList(user, { name: "Work", color: "blue" });
    expect(work.color).toBe("blue");
    expect((await listLists(user)).map((l) => l.name)).toEqual(["Inbox", "Groceries", "Work"]);
    expect(await expectJson<ListJson>(await as(user).get(`/api/lists/${list.id}`))).toEqual(list);
  });

  it("renames and recolours, moving updatedAt and nothing else", async () => {
    const list = await createList(alice, { name: "Old name" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const renamed = await expectJson<ListJson>(await as(alice).patch(`/api/lists/${list.id}`, { name: " New name ", color: "pink" }));
    expect(renamed).toEqual({ ...list, name: "New name", color: "pink", updatedAt: expect.any(String) });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(list.updatedAt));
  });

  it("refuses invalid and unknown fields by name, writing nothing", async () => {
    const list = await createList(alice, { name: "Strict" });
    const before = await snapshot(alice.id);
    const refusals: [string, string, unknown, string[]][] = [
      ["POST", "/api/lists", {}, ["name"]],
      ["POST", "/api/lists", { name: "   " }, ["name"]],
      ["POST", "/api/lists", { name: "x".repeat(LIST_NAME_MAX + 1) }, ["name"]],
      ["POST", "/api/lists", { name: 7 }, ["name"]],
      ["POST", "/api/lists", { name: "Colour", color: "mauve" }, ["color"]],
      ["POST", "/api/lists", { name: "Mine", userId: "someone", inbox: true, position: "a0", archived: true }, ["archived", "inbox", "position", "userId"]],
      ["POST", "/api/lists", { name: "Chosen id", id: crypto.randomUUID() }, ["id"]],
      ["PATCH", `/api/lists/${list.id}`, {}, ["body"]],
      ["PATCH", `/api/lists/${list.id}`, { name: "Sneaky", inbox: true }, ["inbox"]],
      ["PATCH", `/api/lists/${list.id}`, { color: "red", position: "0" }, ["position"]],
      ["PATCH", `/api/lists/${list.id}`, { archived: "yes" }, ["archived"]],
      ["PATCH", `/api/lists/${list.id}`, { after: "first" }, ["after"]],
      ["PATCH", `/api/lists/${list.id}`, { name: "" }, ["name"]],
    ];
    for (const [method, path, body, fields] of refusals) {
      const error = await expectError(await callApi(method, path, { token: alice.token, body }), 422, "validation_failed");
      expect(Object.keys(error.details!).sort(), JSON.stringify(body)).toEqual(fields);
    }
    expect(await snapshot(alice.id)).toBe(before);
    // The longest name passes.
    expect((await createList(alice, { name: "y".repeat(LIST_NAME_MAX) })).name).toHaveLength(LIST_NAME_MAX);
  });

  it("answers 404 for a list that does not exist or an id that cannot exist, 405 and 401 as JSON", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid", "1"]) {
      const path = `/api/lists/${encodeURIComponent(id)}`;
      expect((await expectError(await as(alice).get(path), 404, "not_found")).details).toBeUndefined();
      await expectError(await as(alice).patch(path, { name: "x" }), 404, "not_found");
      await expectError(await as(alice).delete(`${path}?tasks=inbox`), 404, "not_found");
    }
    const list = await createList(alice, { name: "Methods" });
    for (const [method, path, allow] of [
      ["PUT", "/api/lists", "GET, POST, HEAD, OPTIONS"],
      ["DELETE", "/api/lists", "GET, POST, HEAD, OPTIONS"],
      ["POST", `/api/lists/${list.id}`, "GET, PATCH, DELETE, HEAD, OPTIONS"],
      ["PUT", `/api/lists/${list.id}`, "GET, PATCH, DELETE, HEAD, OPTIONS"],
    ]) {
      const response = await callApi(method, path, { token: alice.token, body: { name: "x" } });
      await expectError(response, 405, "method_not_allowed");
      expect(response.headers.get("Allow")).toBe(allow);
    }
    const options = await callApi("OPTIONS", `/api/lists/${list.id}`);
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
    for (const [method, path] of [
      ["GET", "/api/lists"],
      ["POST", "/api/lists"],
      ["GET", `/api/lists/${list.id}`],
      ["PATCH", `/api/lists/${list.id}`],
      ["DELETE", `/api/lists/${list.id}?tasks=delete`],
    ]) {
      await expectError(await callApi(method, path, { body: method === "POST" || method === "PATCH" ? { name: "x" } : undefined }), 401, "unauthorized");
    }
    expect(await db.prisma.list.findUnique({ where: { id: list.id } })).toMatchObject({ name: "Methods" });
  });
});

describe("manual order", () => {
  let user: TestUser;
  let a: ListJson, b: ListJson, c: ListJson;
  beforeAll(async () => {
    user = await freshUser("Orderly");
    a = await createList(user, { name: "A" });
    b = await createList(user, { name: "B" });
    c = await createList(user, { name: "C" });
  });

  const order = async () => {
    const lists = await listLists(user);
    // GET's order is the order of the keys, the Inbox aside.
    const others = lists.filter((list) => !list.inbox);
    expect(others.map((list) => list.position)).toEqual(others.map((list) => list.position).sort());
    expect(new Set(others.map((list) => list.position)).size).toBe(others.length);
    return lists.map((list) => list.name);
  };
  const move = async (list: ListJson, after: string | null) => expectJson<ListJson>(await as(user).patch(`/api/lists/${list.id}`, { after }));

  it("puts new lists last", async () => {
    expect(await order()).toEqual(["Inbox", "A", "B", "C"]);
  });

  it("moves a list first (after: null), right after another, and to the end", async () => {
    await move(c, null);
    expect(await order()).toEqual(["Inbox", "C", "A", "B"]);
    await move(a, b.id);
    expect(await order()).toEqual(["Inbox", "C", "B", "A"]);
    await move(c, a.id);
    expect(await order()).toEqual(["Inbox", "B", "A", "C"]);
    await move(a, b.id); // already there: stays
    expect(await order()).toEqual(["Inbox", "B", "A", "C"]);
  });

  it("reads `after` the Inbox as first among the others", async () => {
    await move(c, (await inboxOf(user)).id);
    expect(await order()).toEqual(["Inbox", "C", "B", "A"]);
  });

  it("refuses to go after itself, or after a list that does not exist, changing nothing", async () => {
    const before = await snapshot(user.id);
    const self = await expectError(await as(user).patch(`/api/lists/${b.id}`, { after: b.id }), 422, "not_a_sibling");
    expect(Object.keys(self.details!)).toEqual(["after"]);
    const missing = await expectError(await as(user).patch(`/api/lists/${b.id}`, { after: crypto.randomUUID() }), 404, "not_found");
    expect(Object.keys(missing.details!)).toEqual(["after"]);
    expect(await snapshot(user.id)).toBe(before);
  });

  it("gives 20 concurrent moves and creates distinct keys, in an order GET agrees with", async () => {
    const lists = await listLists(user);
    const others = lists.filter((list) => !list.inbox);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? as(user).post("/api/lists", { name: `Parallel ${i}` })
          : as(user).patch(`/api/lists/${others[i % others.length].id}`, { after: i % 3 === 0 ? null : others[(i + 1) % others.length].id }),
      ),
    );
    for (const response of responses) expect(response.status, await response.clone().text()).toBeLessThan(300);
    const names = await order();
    expect(names).toHaveLength(4 + 10);
  });
});

describe("archiving", () => {
  it("keeps an archived list and its tasks readable, refuses new and moved tasks until it is restored", async () => {
    const user = await freshUser("Archivist");
    const list = await createList(user, { name: "Someday" });
    const inside = await createTask(user, { title: "Inside", listId: list.id });
    const child = await createTask(user, { title: "Child", parentId: inside.id });
    const outside = await createTask(user, { title: "Outside" });
    const archived = await expectJson<ListJson>(await as(user).patch(`/api/lists/${list.id}`, { archived: true }));
    expect(archived).toMatchObject({ archived: true, openTasks: 2 });
    expect((await listLists(user)).find((l) => l.id === list.id)).toMatchObject({ archived: true });
    expect((await allTasks(user, `listId=${list.id}&sort=title`)).map((t) => t.title)).toEqual(["Child", "Inside"]);
    expect(await getTask(user, inside.id)).toMatchObject({ listId: list.id });

    const before = await snapshot(user.id);
    const refused = [
      await as(user).post("/api/tasks", { title: "New", listId: list.id }),
      await as(user).post("/api/tasks", { title: "New subtask", parentId: inside.id }),
      await as(user).patch(`/api/tasks/${outside.id}`, { listId: list.id }),
      await as(user).patch(`/api/tasks/${outside.id}`, { parentId: child.id }),
      await as(user).put(`/api/tasks/${outside.id}`, { title: "Outside", description: "", priority: "medium", dueDate: null, completed: false, listId: list.id }),
    ];
    for (const response of refused) {
      const error = await expectError(response, 422, "list_archived");
      expect(Object.keys(error.details!)).toEqual(["listId"]);
    }
    expect(await snapshot(user.id)).toBe(before);

    // Tasks may still leave it, and change within it.
    expect((await patchTask(user, child.id, { title: "Child, renamed" })).listId).toBe(list.id);
    expect((await patchTask(user, child.id, { parentId: null, after: inside.id })).listId).toBe(list.id);
    expect((await patchTask(user, inside.id, { listId: (await inboxOf(user)).id })).parentId).toBeNull();

    const restored = await expectJson<ListJson>(await as(user).patch(`/api/lists/${list.id}`, { archived: false }));
    expect(restored.archived).toBe(false);
    expect((await createTask(user, { title: "Welcome back", listId: list.id })).listId).toBe(list.id);
    expect((await patchTask(user, outside.id, { listId: list.id })).listId).toBe(list.id);
  });
});

describe("deleting a list", () => {
  /**
   * A list with three top-level tasks in a manual order unlike their creation order, the middle
   * one with subtasks two levels deep, labels on some; and an Inbox with tasks of its own.
   */
  async function populated(user: TestUser) {
    const list = await createList(user, { name: "Doomed" });
    const label = await createLabel(user, { name: "Tagged" });
    const inboxFirst = await createTask(user, { title: "Inbox 1" });
    const inboxSecond = await createTask(user, { title: "Inbox 2", after: inboxFirst.id });
    const third = await createTask(user, { title: "Third", listId: list.id, labelIds: [label.id] });
    const first = await createTask(user, { title: "First", listId: list.id, completed: true });
    const second = await createTask(user, { title: "Second", listId: list.id, after: first.id, dueDate: "2027-03-01" });
    const sub1 = await createTask(user, { title: "Sub 1", parentId: second.id, labelIds: [label.id] });
    const sub2 = await createTask(user, { title: "Sub 2", parentId: second.id, completed: true });
    const subSub = await createTask(user, { title: "Sub 1.1", parentId: sub1.id });
    await patchTask(user, sub2.id, { after: null }); // Sub 2 before Sub 1
    return { list, label, inbox: [inboxFirst, inboxSecond], listTasks: [first, second, third], subtasks: [sub2, sub1, subSub] };
  }

  const stored = (userId: string) =>
    db.prisma.task.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      select: { id: true, title: true, description: true, completed: true, priority: true, dueDate: true, createdAt: true, parentId: true, labels: { select: { labelId: true } } },
    });

  it("?tasks=inbox moves its tasks to the end of the Inbox in their order, subtasks under their parents, losing nothing", async () => {
    const user = await freshUser("Mover");
    const { list, label, inbox, listTasks, subtasks } = await populated(user);
    const before = await stored(user.id);
    const inboxList = await inboxOf(user);

    const response = await as(user).delete(`/api/lists/${list.id}?tasks=inbox`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectError(await as(user).get(`/api/lists/${list.id}`), 404, "not_found");
    expect(await db.prisma.list.findUnique({ where: { id: list.id } })).toBeNull();

    // Every task, with everything it had but its list, and its place among its siblings.
    expect(await stored(user.id)).toEqual(before);
    expect(await db.prisma.task.count({ where: { userId: user.id, listId: { not: inboxList.id } } })).toBe(0);
    const topLevel = await allTasks(user, `listId=${inboxList.id}&parentId=none&sort=position`);
    expect(topLevel.map((t) => t.id)).toEqual([...inbox, ...listTasks].map((t) => t.id));
    const second = listTasks[1];
    expect((await allTasks(user, `parentId=${second.id}&sort=position`)).map((t) => t.title)).toEqual(["Sub 2", "Sub 1"]);
    expect(await getTask(user, subtasks[2].id)).toMatchObject({ parentId: subtasks[1].id, listId: inboxList.id });
    expect((await getTask(user, second.id)).subtasks).toEqual({ total: 2, completed: 1 });
    expect((await inboxOf(user)).openTasks).toBe(2 + 4);
    const labelled = await allTasks(user, `labelId=${label.id}&sort=title`);
    expect(labelled.map((t) => t.title)).toEqual(["Sub 1", "Third"]);
    // Every moved top-level task has a key of its own.
    const keys = topLevel.map((t) => t.position);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("?tasks=delete moves its tasks and their subtasks to the trash, restorable into the Inbox, and touches nothing else", async () => {
    const user = await freshUser("Deleter");
    const { list, label, inbox, listTasks, subtasks } = await populated(user);
    const inboxBefore = await db.prisma.task.findMany({ where: { id: { in: inbox.map((t) => t.id) } }, orderBy: { id: "asc" } });
    const labelled = await createTask(user, { title: "Inbox, labelled", labelIds: [label.id] });

    expect((await as(user).delete(`/api/lists/${list.id}?tasks=delete`)).status).toBe(204);
    const gone = [...listTasks, ...subtasks].map((t) => t.id);
    expect(await db.prisma.task.count({ where: { id: { in: gone }, deletedAt: null } })).toBe(0);
    expect(await db.prisma.list.count({ where: { userId: user.id } })).toBe(1);
    for (const task of listTasks) {
      const error = await expectError(await as(user).get(`/api/tasks/${task.id}`), 404, "not_found");
      expect(error.details).toMatchObject({ inTrash: true });
    }
    // Back from the trash, into the Inbox (the list is gone), with its subtasks.
    const back = await expectJson<TaskJson>(await as(user).post(`/api/tasks/${listTasks[1].id}/restore`));
    expect(back).toMatchObject({ id: listTasks[1].id, title: "Second", listId: inbox[0].listId, subtasks: { total: 2, completed: 1 } });
    // The label, the Inbox's tasks and their labels stay.
    expect(await db.prisma.task.findMany({ where: { id: { in: inbox.map((t) => t.id) } }, orderBy: { id: "asc" } })).toEqual(inboxBefore);
    expect((await getTask(user, labelled.id)).labelIds).toEqual([label.id]);
    expect(await db.prisma.label.findUnique({ where: { id: label.id } })).not.toBeNull();
  });

  it("refuses a missing or unknown ?tasks, keeping the list and its tasks", async () => {
    const user = await freshUser("Undecided");
    const { list } = await populated(user);
    const before = await snapshot(user.id);
    for (const query of ["", "?tasks=", "?tasks=keep", "?tasks=INBOX", "?task=inbox"]) {
      const error = await expectError(await as(user).delete(`/api/lists/${list.id}${query}`), 422, "validation_failed");
      expect(Object.keys(error.details!)).toEqual(["tasks"]);
    }
    expect(await snapshot(user.id)).toBe(before);
  });

  it("moves a large list's tasks to the Inbox in order", async () => {
    const user = await freshUser("Hoarder");
    const list = await createList(user, { name: "Big" });
    const keys = keysAfter(null, 120);
    // Created in reverse of their manual order, so that neither creation time nor id gives it.
    await db.prisma.task.createMany({
      data: keys.map((position, i) => ({ userId: user.id, listId: list.id, position, title: `Big ${String(i).padStart(3, "0")}`, createdAt: new Date(Date.UTC(2026, 0, 1) - i * 1000) })),
    });
    await createTask(user, { title: "Already in the Inbox" });
    expect((await as(user).delete(`/api/lists/${list.id}?tasks=inbox`)).status).toBe(204);
    const inbox = await inboxOf(user);
    const titles = (await allTasks(user, `listId=${inbox.id}&sort=position`)).map((t) => t.title);
    expect(titles).toEqual(["Already in the Inbox", ...keys.map((_, i) => `Big ${String(i).padStart(3, "0")}`)]);
  });
});

describe("open task counts", () => {
  it("counts a list's tasks that are not completed, subtasks included, archived or not", async () => {
    const user = await freshUser("Counter");
    const list = await createList(user, { name: "Counted" });
    const parent = await createTask(user, { title: "Parent", listId: list.id });
    await createTask(user, { title: "Open", listId: list.id });
    await createTask(user, { title: "Done", listId: list.id, completed: true });
    const sub = await createTask(user, { title: "Sub", parentId: parent.id });
    await createTask(user, { title: "In the Inbox" });
    const counts = async () => Object.fromEntries((await listLists(user)).map((l) => [l.name, l.openTasks]));
    expect(await counts()).toEqual({ Inbox: 1, Counted: 3 });
    await callApi("PATCH", `/api/tasks/${sub.id}/complete`, { token: user.token });
    expect(await counts()).toEqual({ Inbox: 1, Counted: 2 });
    await patchTask(user, parent.id, { listId: (await inboxOf(user)).id });
    expect(await counts()).toEqual({ Inbox: 2, Counted: 1 });
    await as(user).patch(`/api/lists/${list.id}`, { archived: true });
    expect((await expectJson<ListJson>(await as(user).get(`/api/lists/${list.id}`))).openTasks).toBe(1);
  });
});

describe("limits", () => {
  it(`answers 409 once a user holds ${LISTS_PER_USER_MAX} lists, the Inbox and archived ones included`, async () => {
    const user = await freshUser("Collector");
    const keys = keysAfter("a0", LISTS_PER_USER_MAX - 2);
    await db.prisma.list.createMany({ data: keys.map((position, i) => ({ userId: user.id, name: `List ${i}`, position, archived: i % 2 === 0 })) });
    const last = await createList(user, { name: "The last one" });
    expect((await listLists(user)).at(-1)!.id).toBe(last.id);
    const error = await expectError(await as(user).post("/api/lists", { name: "One too many" }), 409, "list_limit_reached");
    expect(error.message).toMatch(/100 lists/);
    expect(await db.prisma.list.count({ where: { userId: user.id } })).toBe(LISTS_PER_USER_MAX);
    // Deleting one makes room again.
    expect((await as(user).delete(`/api/lists/${last.id}?tasks=delete`)).status).toBe(204);
    await createList(user, { name: "Room again" });
  });

  it("lets concurrent creates at the limit make exactly as many lists as fit", async () => {
    const user = await freshUser("Racer");
    const keys = keysAfter("a0", LISTS_PER_USER_MAX - 4);
    await db.prisma.list.createMany({ data: keys.map((position, i) => ({ userId: user.id, name: `List ${i}`, position })) });
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => as(user).post("/api/lists", { name: `Race ${i}` })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, ...Array(7).fill(409)]);
    expect(await db.prisma.list.count({ where: { userId: user.id } })).toBe(LISTS_PER_USER_MAX);
  });
});
