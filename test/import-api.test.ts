import { describe, expect, it } from "vitest";
import { ACCOUNT_DELETED, submitAccountDeletion } from "@/lib/accounts/delete-account";
import type { ExportDocument } from "@/lib/export/service";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { TASKS_PER_USER_MAX } from "@/lib/tasks/constants";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, PASSWORD, signUpUser, tokenFor, type TestUser } from "./support/http";
import { createLabel, createList, createTask, expectError, expectJson, patchTask } from "./support/organize";

// POST /api/import takes back what GET /api/export gave: export, delete the account, sign up
// again, import, and the same data is there. All or nothing: a document with a problem anywhere
// changes nothing, and says where the problem is.

const db = setUpTestDatabase();

const exportOf = async (user: TestUser) => expectJson<ExportDocument>(await callApi("GET", "/api/export", { token: user.token }));
const importInto = (user: TestUser, body: unknown) => callApi("POST", "/api/import", { token: user.token, body });
const importWithProgress = (user: TestUser, body: unknown) => callApi("POST", "/api/import", { token: user.token, body, headers: { accept: "application/x-ndjson" } });

/** A document of `count` tasks in the Inbox, in order. */
const inboxTasks = (count: number) => ({
  format: "tasks-export",
  version: 1,
  lists: [{ id: "inbox", name: "Inbox", color: "grey", inbox: true, archived: false, position: "a0", createdAt: "2026-01-01T00:00:00Z" }],
  labels: [],
  tasks: Array.from({ length: count }, (_, i) => ({
    id: `t${i}`, title: `T${i}`, description: "", completed: false, priority: "low", dueDate: null, listId: "inbox", parentId: null,
    position: String(i).padStart(6, "0"), labelIds: [], createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
  })),
});

/** The document without what an import renews (ids, the Inbox's creation, the export's time), rows in their order. */
function comparable(document: ExportDocument) {
  const lists = [...document.lists].sort((a, b) => Number(b.inbox) - Number(a.inbox) || (a.position < b.position ? -1 : 1));
  const listName = new Map(document.lists.map((list) => [list.id, list.name]));
  const labelName = new Map(document.labels.map((label) => [label.id, label.name]));
  const title = new Map(document.tasks.map((task) => [task.id, task.title]));
  const siblings = (task: ExportDocument["tasks"][number]) =>
    document.tasks.filter((other) => other.listId === task.listId && other.parentId === task.parentId).sort((a, b) => (a.position < b.position ? -1 : 1));
  return {
    lists: lists.map(({ name, color, inbox, archived, createdAt }) => ({ name, color, inbox, archived, createdAt: inbox ? "renewed" : createdAt })),
    labels: document.labels.map(({ name, color, createdAt }) => ({ name, color, createdAt })),
    tasks: document.tasks.map((task) => ({
      ...task,
      id: undefined,
      position: siblings(task).indexOf(task),
      listId: listName.get(task.listId),
      parentId: task.parentId && title.get(task.parentId),
      labelIds: task.labelIds.map((id) => labelName.get(id)).sort(),
    })),
    reminders: document.reminders
      .map(({ taskId, at, minutesBefore, sentAt, createdAt }) => ({ task: title.get(taskId), at, minutesBefore, sentAt, createdAt }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

async function busyUser(name: string): Promise<TestUser> {
  const user = await signUpUser(name);
  const work = await createList(user, { name: "Work", color: "blue" });
  await createList(user, { name: "Old projects" }).then((list) => callApi("PATCH", `/api/lists/${list.id}`, { token: user.token, body: { archived: true } }));
  const urgent = await createLabel(user, { name: "Urgent", color: "red" });
  const home = await createLabel(user, { name: "Home" });
  const report = await createTask(user, { title: "Write report", listId: work.id, labelIds: [urgent.id], priority: "high", dueAt: "2027-01-15T09:30:00.000Z", dueTimeZone: "Europe/Paris", recurrence: { rule: "FREQ=WEEKLY;BYDAY=FR" } });
  for (const reminder of [{ minutesBefore: 60 }, { at: "2027-01-14T17:00:00Z" }]) {
    expect((await callApi("POST", `/api/tasks/${report.id}/reminders`, { token: user.token, body: reminder })).status).toBe(201);
  }
  const outline = await createTask(user, { title: "Outline", parentId: report.id, description: "Three parts\nand a summary" });
  await createTask(user, { title: "Sources", parentId: outline.id });
  await patchTask(user, outline.id, { completed: true });
  const milk = await createTask(user, { title: "Buy milk ✓", labelIds: [home.id, urgent.id] });
  expect((await callApi("POST", `/api/tasks/${milk.id}/reminders`, { token: user.token, body: { at: "2027-02-01T07:00:00Z" } })).status).toBe(201);
  const moved = await createTask(user, { title: "Call the bank" });
  await patchTask(user, moved.id, { after: null }); // first in the Inbox's order
  return user;
}

describe("POST /api/import", () => {
  it("restores an exported account after deleting it and signing up again", async () => {
    const user = await busyUser("Round trip");
    const exported = await exportOf(user);
    expect(exported.tasks).toHaveLength(5);

    const form = new FormData();
    form.set("password", PASSWORD);
    expect(await submitAccountDeletion(form, user)).toEqual({ done: ACCOUNT_DELETED });
    const again = await callAuth("/sign-up/email", { body: { name: "Round trip", email: user.email, password: PASSWORD } });
    expect(again.status).toBe(200);
    const cookie = cookiesOf(again);
    const reborn: TestUser = { ...user, id: ((await again.json()) as { user: { id: string } }).user.id, cookie, token: await tokenFor(cookie) };

    const report = await expectJson<{ imported: unknown }>(await importInto(reborn, exported), 201);
    expect(report.imported).toEqual({ lists: 2, labels: { created: 2, matched: 0 }, tasks: 5, reminders: 3 });
    const restored = await exportOf(reborn);
    expect(comparable(restored)).toEqual(comparable(exported));
    // New rows, not the old ids.
    expect(restored.tasks.map((task) => task.id).filter((id) => exported.tasks.some((old) => old.id === id))).toEqual([]);
  });

  it("adds to an account's data: the Inbox is its Inbox, a label of the same name is its label, and the rows are this device's changes in the log", async () => {
    const source = await busyUser("Source");
    const target = await signUpUser("Target");
    await createTask(target, { title: "Already here" });
    await createLabel(target, { name: "urgent" });
    const { cursor } = await expectJson<{ cursor: string }>(await callApi("GET", "/api/changes", { token: target.token }));
    const report = await expectJson<{ imported: unknown }>(await importInto(target, await exportOf(source)), 201);
    expect(report.imported).toEqual({ lists: 2, labels: { created: 1, matched: 1 }, tasks: 5, reminders: 3 });
    const after = await exportOf(target);
    expect(after.lists.filter((list) => list.inbox)).toHaveLength(1);
    expect(after.labels.map((label) => label.name).sort()).toEqual(["Home", "urgent"]);
    // The account's own task stays first in its Inbox; the imported ones follow in their order.
    const inbox = after.lists.find((list) => list.inbox)!.id;
    const inboxOrder = after.tasks.filter((task) => task.listId === inbox).sort((a, b) => (a.position < b.position ? -1 : 1)).map((task) => task.title);
    expect(inboxOrder).toEqual(["Already here", "Call the bank", "Buy milk ✓"]);
    // Written as this device's changes, in the change log.
    const feed = await expectJson<{ changes: { entity: string; op: string; mine: boolean }[] }>(await callApi("GET", `/api/changes?since=${cursor}`, { token: target.token }));
    const created = feed.changes.filter((change) => change.entity === "task" && change.op === "create");
    expect(created).toHaveLength(5);
    expect(created.every((change) => change.mine)).toBe(true);
  });

  it("changes nothing when anything in the document is wrong, and says where", async () => {
    const user = await busyUser("Careful");
    const document = await exportOf(user);
    const before = await db.prisma.task.count({ where: { userId: user.id } });
    const broken = structuredClone(document);
    broken.tasks[broken.tasks.length - 1].parentId = "no-such-task";
    broken.tasks[0].title = "";
    const error = await expectError(await importInto(user, broken), 422, "validation_failed");
    expect(JSON.stringify(error)).toMatch(/tasks\.0\.title/);
    expect(JSON.stringify(error)).toMatch(/parentId names no task of this document/);

    const cycle = structuredClone(document);
    const [a, b] = cycle.tasks.filter((task) => task.listId === cycle.tasks[0].listId);
    if (a && b) {
      a.parentId = b.id;
      b.parentId = a.id;
      expect(JSON.stringify(await expectError(await importInto(user, cycle), 422, "validation_failed"))).toMatch(/cycle/);
    }
    // Reminders: of a task of the document, at a moment or before a due moment, five a task at most.
    const milk = document.tasks.find((task) => task.title === "Buy milk ✓")!;
    const reminders = structuredClone(document);
    reminders.reminders = [
      { ...document.reminders[0], taskId: "no-such-task" },
      { ...document.reminders[0], taskId: milk.id, at: null, minutesBefore: 10 },
      { ...document.reminders[0], at: "2027-01-01T00:00:00Z", minutesBefore: 5 },
      // With the one above, the sixth of this task is reminders.7.
      ...Array.from({ length: 6 }, () => ({ ...document.reminders[0], taskId: milk.id, at: "2027-01-01T00:00:00Z", minutesBefore: null })),
    ];
    const reminderError = JSON.stringify(await expectError(await importInto(user, reminders), 422, "validation_failed"));
    expect(reminderError).toMatch(/reminders\.0\.taskId.*taskId names no task of this document/);
    expect(reminderError).toMatch(/reminders\.1\.minutesBefore.*needs its task due at a time/);
    expect(reminderError).toMatch(/reminders\.2\.at.*exactly one/);
    expect(reminderError).toMatch(/reminders\.7\.taskId.*at most 5 reminders/);
    for (const wrong of [{}, { ...document, format: "todoist" }, { ...document, version: 3 }, { ...document, tasks: "many" }, []]) {
      await expectError(await importInto(user, wrong), 422, "validation_failed");
    }
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(before);
    expect(await db.prisma.reminder.count({ where: { userId: user.id } })).toBe(3);
  });

  it("reads a file of version 1, whose due dates were instants, in the importer's zone: a day's last second is that day", async () => {
    const user = await signUpUser("Version one");
    const old = inboxTasks(3);
    old.tasks[0].dueDate = "2026-12-24T22:59:59.000Z" as never; // the end of 24 December in Berlin, as the old forms stored it
    old.tasks[1].dueDate = "2026-12-31T17:00:00.000Z" as never; // an API client's moment
    const response = await callApi("POST", "/api/import?timeZone=Europe/Berlin", { token: user.token, body: old });
    expect(response.status, await response.clone().text()).toBe(201);
    const tasks = (await exportOf(user)).tasks.sort((a, b) => (a.title < b.title ? -1 : 1));
    expect(tasks.map(({ title, dueDate, dueAt, dueTimeZone }) => ({ title, dueDate, dueAt, dueTimeZone }))).toEqual([
      { title: "T0", dueDate: "2026-12-24", dueAt: null, dueTimeZone: null },
      { title: "T1", dueDate: null, dueAt: "2026-12-31T17:00:00.000Z", dueTimeZone: "Europe/Berlin" },
      { title: "T2", dueDate: null, dueAt: null, dueTimeZone: null },
    ]);
  });

  it("refuses what would take the account past its limits, and a body too large, writing nothing", async () => {
    const user = await signUpUser("Full");
    const many = inboxTasks(TASKS_PER_USER_MAX);
    await createTask(user, { title: "One already" });
    await expectError(await importInto(user, many), 409, "task_limit_reached");
    // Asked for progress, a refusal found before writing is still the plain 409.
    await expectError(await importWithProgress(user, many), 409, "task_limit_reached");
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(1);
    const tooLarge = await importInto(user, JSON.stringify({ ...many, padding: "x".repeat(IMPORT_MAX_BYTES) }));
    expect(tooLarge.status).toBe(413);
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(1);
  });

  it("tells its progress as it writes a large import, when asked, and ends with what it imported", async () => {
    const user = await signUpUser("Patient");
    const response = await importWithProgress(user, inboxTasks(2_500));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await response.text()).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { progress: { done: 0, total: 2_500 } },
      { progress: { done: 1_000, total: 2_500 } },
      { progress: { done: 2_000, total: 2_500 } },
      { progress: { done: 2_500, total: 2_500 } },
      { imported: { lists: 0, labels: { created: 0, matched: 0 }, tasks: 2_500, reminders: 0 } },
    ]);
    expect(await db.prisma.task.count({ where: { userId: user.id } })).toBe(2_500);
    // A small import answers at once, as without the header.
    const small = await importWithProgress(user, inboxTasks(3));
    expect(small.status).toBe(201);
    expect(await small.json()).toEqual({ imported: { lists: 0, labels: { created: 0, matched: 0 }, tasks: 3, reminders: 0 } });
  });
});
