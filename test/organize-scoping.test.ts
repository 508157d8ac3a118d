import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { createLabel, createList, createTask, expectError, type LabelJson, type ListJson, type TaskJson } from "./support/organize";

// Every id a request names, in its path, a body field or a query filter, is the caller's or
// refused: 403 when it is another user's, 404 when nothing has it, and nothing written either
// way. Each case runs with Bob's ids and with ids of nothing, as Alice.

const db = setUpTestDatabase();

let alice: TestUser;
let bob: TestUser;
let mine: { list: ListJson; label: LabelJson; task: TaskJson; sub: TaskJson; sibling: TaskJson };
let bobs: { list: ListJson; label: LabelJson; task: TaskJson; sub: TaskJson };

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
  const bobList = await createList(bob, { name: "Bob's secret list" });
  const bobLabel = await createLabel(bob, { name: "Bob's secret label" });
  const bobTask = await createTask(bob, { title: "Bob's secret task", listId: bobList.id, labelIds: [bobLabel.id] });
  bobs = { list: bobList, label: bobLabel, task: bobTask, sub: await createTask(bob, { title: "Bob's secret subtask", parentId: bobTask.id }) };
  const list = await createList(alice, { name: "Alice's list" });
  const label = await createLabel(alice, { name: "Alice's label" });
  const task = await createTask(alice, { title: "Alice's task", listId: list.id, labelIds: [label.id] });
  const sub = await createTask(alice, { title: "Alice's subtask", parentId: task.id });
  const sibling = await createTask(alice, { title: "Alice's sibling", listId: list.id });
  mine = { list, label, task, sub, sibling };
});

/** Both users' rows, the way a refused request must leave them. */
async function everything(): Promise<string> {
  const users = { userId: { in: [alice.id, bob.id] } };
  const [lists, labels, tasks, taskLabels] = await Promise.all([
    db.prisma.list.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.label.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ where: users, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: users }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
  ]);
  return JSON.stringify({ lists, labels, tasks, taskLabels });
}

interface Foreign {
  list: string;
  label: string;
  task: string;
  sub: string;
}

interface Case {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  /** The field named in `details`; none when the id was in the path. */
  field?: string;
}

const FULL = { title: "Hijacked", description: "", priority: "high", dueDate: null, completed: true };

/** Every way a request can name a list, label or task: `other` holds the ids it names. */
function cases(other: Foreign): Case[] {
  const task = `/api/tasks/${mine.task.id}`;
  const sub = `/api/tasks/${mine.sub.id}`;
  return [
    // Paths.
    { name: "GET a list", method: "GET", path: `/api/lists/${other.list}` },
    { name: "PATCH a list", method: "PATCH", path: `/api/lists/${other.list}`, body: { name: "Hijacked" } },
    { name: "PATCH a list's colour", method: "PATCH", path: `/api/lists/${other.list}`, body: { color: "red", archived: true } },
    { name: "DELETE a list, tasks to the Inbox", method: "DELETE", path: `/api/lists/${other.list}?tasks=inbox` },
    { name: "DELETE a list and its tasks", method: "DELETE", path: `/api/lists/${other.list}?tasks=delete` },
    { name: "GET a label", method: "GET", path: `/api/labels/${other.label}` },
    { name: "PATCH a label", method: "PATCH", path: `/api/labels/${other.label}`, body: { name: "Hijacked" } },
    { name: "DELETE a label", method: "DELETE", path: `/api/labels/${other.label}` },
    { name: "GET a task", method: "GET", path: `/api/tasks/${other.task}` },
    { name: "PATCH a task", method: "PATCH", path: `/api/tasks/${other.task}`, body: { listId: mine.list.id } },
    { name: "PATCH a task, completing its subtasks", method: "PATCH", path: `/api/tasks/${other.task}?subtasks=complete`, body: { completed: true } },
    { name: "PUT a task", method: "PUT", path: `/api/tasks/${other.task}`, body: { ...FULL, parentId: mine.task.id } },
    { name: "toggle a task and its subtasks", method: "PATCH", path: `/api/tasks/${other.task}/complete?subtasks=complete` },
    { name: "DELETE a task", method: "DELETE", path: `/api/tasks/${other.task}` },
    // Body fields of a create.
    { name: "create in a list", method: "POST", path: "/api/tasks", body: { title: "New", listId: other.list }, field: "listId" },
    { name: "create under a parent", method: "POST", path: "/api/tasks", body: { title: "New", parentId: other.task }, field: "parentId" },
    { name: "create under a subtask", method: "POST", path: "/api/tasks", body: { title: "New", parentId: other.sub }, field: "parentId" },
    { name: "create with a label", method: "POST", path: "/api/tasks", body: { title: "New", labelIds: [other.label] }, field: "labelIds" },
    { name: "create with my label and another", method: "POST", path: "/api/tasks", body: { title: "New", labelIds: [mine.label.id, other.label] }, field: "labelIds" },
    { name: "create after a task", method: "POST", path: "/api/tasks", body: { title: "New", after: other.task }, field: "after" },
    { name: "create under my task, after another", method: "POST", path: "/api/tasks", body: { title: "New", parentId: mine.task.id, after: other.sub }, field: "after" },
    // Body fields of a change, alongside a change that must not happen either.
    { name: "move to a list", method: "PATCH", path: task, body: { title: "Hijacked", listId: other.list }, field: "listId" },
    { name: "move a subtask to a list", method: "PATCH", path: sub, body: { listId: other.list }, field: "listId" },
    { name: "move under a parent", method: "PATCH", path: task, body: { title: "Hijacked", parentId: other.task }, field: "parentId" },
    { name: "move a subtask under a parent", method: "PATCH", path: sub, body: { parentId: other.sub }, field: "parentId" },
    { name: "move after a task", method: "PATCH", path: task, body: { title: "Hijacked", after: other.task }, field: "after" },
    { name: "label", method: "PATCH", path: task, body: { completed: true, labelIds: [other.label] }, field: "labelIds" },
    { name: "complete subtasks and label", method: "PATCH", path: `${task}?subtasks=complete`, body: { completed: true, labelIds: [other.label] }, field: "labelIds" },
    { name: "PUT in a list", method: "PUT", path: task, body: { ...FULL, listId: other.list }, field: "listId" },
    { name: "PUT under a parent", method: "PUT", path: task, body: { ...FULL, parentId: other.task }, field: "parentId" },
    { name: "PUT with a label", method: "PUT", path: task, body: { ...FULL, labelIds: [other.label] }, field: "labelIds" },
    { name: "move my list after a list", method: "PATCH", path: `/api/lists/${mine.list.id}`, body: { name: "Hijacked", after: other.list }, field: "after" },
    // Query filters, alone and with filters of the caller's own.
    ...["/api/tasks", "/api/tasks/counts"].flatMap((route): Case[] => [
      { name: `${route} by list`, method: "GET", path: `${route}?listId=${other.list}`, field: "listId" },
      { name: `${route} by label`, method: "GET", path: `${route}?labelId=${other.label}`, field: "labelId" },
      { name: `${route} by parent`, method: "GET", path: `${route}?parentId=${other.task}`, field: "parentId" },
      { name: `${route} by my list and a label`, method: "GET", path: `${route}?listId=${mine.list.id}&labelId=${other.label}&status=all`, field: "labelId" },
      { name: `${route} by a list and my label`, method: "GET", path: `${route}?listId=${other.list}&labelId=${mine.label.id}&q=secret`, field: "listId" },
      { name: `${route} by a parent, today`, method: "GET", path: `${route}?parentId=${other.sub}&view=today&tz=Europe/Paris`, field: "parentId" },
    ]),
  ];
}

describe.each([
  { kind: "another user's", status: 403, code: "forbidden", ids: (): Foreign => ({ list: bobs.list.id, label: bobs.label.id, task: bobs.task.id, sub: bobs.sub.id }) },
  { kind: "no", status: 404, code: "not_found", ids: (): Foreign => ({ list: crypto.randomUUID(), label: crypto.randomUUID(), task: crypto.randomUUID(), sub: crypto.randomUUID() }) },
])("naming $kind list, label or task", ({ status, code, ids }) => {
  it(`answers ${status} ${code} on every route, field and filter, and writes nothing`, async () => {
    const before = await everything();
    const all = cases(ids());
    expect(all.length).toBeGreaterThan(40);
    for (const { name, method, path, body, field } of all) {
      const response = await callApi(method, path, { token: alice.token, body });
      const error = await expectError(response, status, code);
      expect(error.details, name).toEqual(field ? { [field]: [expect.any(String)] } : undefined);
      expect(JSON.stringify(error), name).not.toMatch(/secret|Bob/);
      expect(await everything(), `${name} wrote something`).toBe(before);
    }
  });
});

describe("the other user", () => {
  it("still sees all of their own, unchanged, and the caller's own requests still work", async () => {
    const bobsTask = await callApi("GET", `/api/tasks/${bobs.task.id}`, { token: bob.token });
    expect(await bobsTask.json()).toMatchObject({ title: "Bob's secret task", listId: bobs.list.id, labelIds: [bobs.label.id], subtasks: { total: 1, completed: 0 } });
    const counts = await callApi("GET", `/api/tasks/counts?listId=${bobs.list.id}`, { token: bob.token });
    expect(await counts.json()).toEqual({ all: 2, active: 2, completed: 0 });
    // The same requests with Alice's own ids pass: the refusals above were about ownership.
    const own = await callApi("PATCH", `/api/tasks/${mine.sibling.id}`, { token: alice.token, body: { after: mine.task.id, labelIds: [mine.label.id] } });
    expect(own.status).toBe(200);
    const filtered = await callApi("GET", `/api/tasks?listId=${mine.list.id}&labelId=${mine.label.id}&parentId=none&sort=position`, { token: alice.token });
    expect((await filtered.json()).tasks.map((t: TaskJson) => t.title)).toEqual(["Alice's task", "Alice's sibling"]);
  });
});
