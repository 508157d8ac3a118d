import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { LABEL_NAME_MAX, LABELS_PER_USER_MAX } from "@/lib/labels/constants";
import { LABELS_PER_TASK_MAX } from "@/lib/tasks/constants";
import { callApi } from "./support/api";
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
  listLabels,
  patchTask,
  type LabelJson,
  type TaskJson,
} from "./support/organize";

// The label API through its real route handlers, and labels on tasks: names unique per user
// ignoring case, replace semantics for labelIds, the labelId filter, and a deleted label that
// comes off its tasks without taking any task with it.

const db = setUpTestDatabase();

let alice: TestUser;
beforeAll(async () => {
  alice = await signUpUser("Alice");
});

async function snapshot(userId: string): Promise<string> {
  const [labels, tasks, taskLabels] = await Promise.all([
    db.prisma.label.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.task.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.prisma.taskLabel.findMany({ where: { task: { userId } }, orderBy: [{ taskId: "asc" }, { labelId: "asc" }] }),
  ]);
  return JSON.stringify({ labels, tasks, taskLabels });
}

const sortedIds = (...labels: LabelJson[]) => labels.map((label) => label.id).sort();

describe("creating, reading, changing and deleting labels", () => {
  it("starts with none, creates one with its location, lists and reads it", async () => {
    const user = await signUpUser("Labeller");
    expect(await listLabels(user)).toEqual([]);
    const response = await as(user).post("/api/labels", { name: "  Errands " });
    const label = await expectJson<LabelJson>(response, 201);
    expect(response.headers.get("Location")).toBe(`/api/labels/${label.id}`);
    expect(Object.keys(label).sort()).toEqual(["color", "createdAt", "id", "name", "openTasks", "updatedAt"]);
    expect(label).toMatchObject({ name: "Errands", color: "grey", openTasks: 0 });
    expect(Math.abs(Date.parse(label.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(await listLabels(user)).toEqual([label]);
    expect(await expectJson<LabelJson>(await as(user).get(`/api/labels/${label.id}`))).toEqual(label);
  });

  it("lists labels by name as people sort words: by letter before case", async () => {
    const user = await signUpUser("Sorter");
    for (const name of ["cherry", "Banana", "apple", "Zucchini", "éclair"]) await createLabel(user, { name });
    expect((await listLabels(user)).map((label) => label.name)).toEqual(["apple", "Banana", "cherry", "éclair", "Zucchini"]);
  });

  it("renames and recolours, moving updatedAt", async () => {
    const label = await createLabel(alice, { name: "Before", color: "red" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const changed = await expectJson<LabelJson>(await as(alice).patch(`/api/labels/${label.id}`, { name: "After", color: "green" }));
    expect(changed).toEqual({ ...label, name: "After", color: "green", updatedAt: expect.any(String) });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(label.updatedAt));
  });

  it("deletes with 204, after which it is gone", async () => {
    const label = await createLabel(alice, { name: "Ephemeral" });
    const response = await as(alice).delete(`/api/labels/${label.id}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectError(await as(alice).get(`/api/labels/${label.id}`), 404, "not_found");
    await expectError(await as(alice).delete(`/api/labels/${label.id}`), 404, "not_found");
  });

  it("refuses invalid and unknown fields by name, writing nothing", async () => {
    const label = await createLabel(alice, { name: "Strict" });
    const before = await snapshot(alice.id);
    const refusals: [string, string, unknown, string[]][] = [
      ["POST", "/api/labels", {}, ["name"]],
      ["POST", "/api/labels", { name: " " }, ["name"]],
      ["POST", "/api/labels", { name: "x".repeat(LABEL_NAME_MAX + 1) }, ["name"]],
      ["POST", "/api/labels", { name: ["array"] }, ["name"]],
      ["POST", "/api/labels", { name: "Colour", color: "Red" }, ["color"]],
      ["POST", "/api/labels", { name: "Mine", userId: "someone", id: crypto.randomUUID() }, ["id", "userId"]],
      ["PATCH", `/api/labels/${label.id}`, {}, ["body"]],
      ["PATCH", `/api/labels/${label.id}`, { name: "Ok", openTasks: 3 }, ["openTasks"]],
      ["PATCH", `/api/labels/${label.id}`, { color: null }, ["color"]],
    ];
    for (const [method, path, body, fields] of refusals) {
      const error = await expectError(await callApi(method, path, { token: alice.token, body }), 422, "validation_failed");
      expect(Object.keys(error.details!).sort(), JSON.stringify(body)).toEqual(fields);
    }
    expect(await snapshot(alice.id)).toBe(before);
    expect((await createLabel(alice, { name: "z".repeat(LABEL_NAME_MAX) })).name).toHaveLength(LABEL_NAME_MAX);
  });

  it("answers 404, 405 and 401 as JSON", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid"]) {
      const path = `/api/labels/${id}`;
      await expectError(await as(alice).get(path), 404, "not_found");
      await expectError(await as(alice).patch(path, { name: "x" }), 404, "not_found");
      await expectError(await as(alice).delete(path), 404, "not_found");
    }
    const label = await createLabel(alice, { name: "Methods" });
    for (const [method, path, allow] of [
      ["PATCH", "/api/labels", "GET, POST, HEAD, OPTIONS"],
      ["PUT", `/api/labels/${label.id}`, "GET, PATCH, DELETE, HEAD, OPTIONS"],
      ["POST", `/api/labels/${label.id}`, "GET, PATCH, DELETE, HEAD, OPTIONS"],
    ]) {
      const response = await callApi(method, path, { token: alice.token, body: { name: "x" } });
      await expectError(response, 405, "method_not_allowed");
      expect(response.headers.get("Allow")).toBe(allow);
    }
    for (const [method, path] of [
      ["GET", "/api/labels"],
      ["POST", "/api/labels"],
      ["GET", `/api/labels/${label.id}`],
      ["PATCH", `/api/labels/${label.id}`],
      ["DELETE", `/api/labels/${label.id}`],
    ]) {
      await expectError(await callApi(method, path, { body: method === "POST" || method === "PATCH" ? { name: "x" } : undefined }), 401, "unauthorized");
    }
    expect(await db.prisma.label.findUnique({ where: { id: label.id } })).toMatchObject({ name: "Methods" });
  });
});

describe("names, unique per user ignoring case", () => {
  it("refuses a name the user already has in any case, naming the one they have", async () => {
    const user = await signUpUser("Namer");
    const work = await createLabel(user, { name: "Work" });
    const home = await createLabel(user, { name: "Home" });
    const before = await snapshot(user.id);
    for (const name of ["Work", "work", " WORK ", "wOrK"]) {
      const error = await expectError(await as(user).post("/api/labels", { name }), 409, "label_name_taken");
      expect(error.message).toContain('"Work"');
      expect(Object.keys(error.details!)).toEqual(["name"]);
    }
    await expectError(await as(user).patch(`/api/labels/${home.id}`, { name: "WORK" }), 409, "label_name_taken");
    expect(await snapshot(user.id)).toBe(before);
    // A label may change the case of its own name.
    expect((await expectJson<LabelJson>(await as(user).patch(`/api/labels/${work.id}`, { name: "WORK" }))).name).toBe("WORK");
    // Once a name is free again, it can be taken.
    expect((await as(user).delete(`/api/labels/${home.id}`)).status).toBe(204);
    await createLabel(user, { name: "home" });
  });

  it("compares names as text: wildcards and similar names are not the same name", async () => {
    const user = await signUpUser("Wildcard");
    for (const name of ["a_c", "abc", "100%", "100", "1000", "%", "_", "a\\c", "a\\\\c"]) await createLabel(user, { name });
    expect((await listLabels(user)).map((label) => label.name).sort()).toEqual(["%", "100", "100%", "1000", "_", "a\\\\c", "a\\c", "a_c", "abc"].sort());
  });

  it("ignores the case of letters beyond ASCII too", async () => {
    const user = await signUpUser("Accents");
    await createLabel(user, { name: "Été" });
    await createLabel(user, { name: "Ete" }); // another word: accents count
    await expectError(await as(user).post("/api/labels", { name: "été" }), 409, "label_name_taken");
    await expectError(await as(user).post("/api/labels", { name: "ÉTÉ" }), 409, "label_name_taken");
    await createLabel(user, { name: "Ωμέγα" });
    await expectError(await as(user).post("/api/labels", { name: "ωμέγα" }), 409, "label_name_taken");
  });

  it("lets two users each have a label of the same name", async () => {
    const [one, two] = await Promise.all([signUpUser("One"), signUpUser("Two")]);
    await createLabel(one, { name: "Shared name" });
    await createLabel(two, { name: "shared NAME" });
  });

  it("gives one of concurrent creates of the same name, in different cases, the label", async () => {
    const user = await signUpUser("Racer");
    const responses = await Promise.all(["Urgent", "urgent", "URGENT", "Urgent", "uRGENT", "urgent"].map((name) => as(user).post("/api/labels", { name })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await db.prisma.label.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("labels on tasks", () => {
  let user: TestUser;
  let red: LabelJson, green: LabelJson, blue: LabelJson;
  beforeAll(async () => {
    user = await signUpUser("Tagger");
    [red, green, blue] = [await createLabel(user, { name: "red" }), await createLabel(user, { name: "green" }), await createLabel(user, { name: "blue" })];
  });

  it("sets labels on create, and answers them in a stable order", async () => {
    const task = await createTask(user, { title: "Tagged", labelIds: [red.id, blue.id] });
    expect(task.labelIds).toEqual(sortedIds(red, blue));
    expect((await getTask(user, task.id)).labelIds).toEqual(sortedIds(red, blue));
    expect((await createTask(user, { title: "Bare", labelIds: [] })).labelIds).toEqual([]);
  });

  it("replaces the labels on PATCH and PUT when labelIds is sent, and keeps them when it is not", async () => {
    const task = await createTask(user, { title: "Retagged", labelIds: [red.id, green.id] });
    expect((await patchTask(user, task.id, { labelIds: [green.id, blue.id] })).labelIds).toEqual(sortedIds(green, blue));
    expect((await patchTask(user, task.id, { title: "Renamed" })).labelIds).toEqual(sortedIds(green, blue));
    expect((await patchTask(user, task.id, { after: null })).labelIds).toEqual(sortedIds(green, blue));
    const full = { title: "Replaced", description: "", priority: "low", dueDate: null, completed: false };
    expect((await expectJson<TaskJson>(await as(user).put(`/api/tasks/${task.id}`, full))).labelIds).toEqual(sortedIds(green, blue));
    expect((await expectJson<TaskJson>(await as(user).put(`/api/tasks/${task.id}`, { ...full, labelIds: [red.id] }))).labelIds).toEqual([red.id]);
    expect((await patchTask(user, task.id, { labelIds: [] })).labelIds).toEqual([]);
    expect(await db.prisma.taskLabel.count({ where: { taskId: task.id } })).toBe(0);
  });

  it(`allows up to ${LABELS_PER_TASK_MAX} distinct labels, refusing more, repeats and non-ids without writing`, async () => {
    const many = await signUpUser("Many");
    await db.prisma.label.createMany({ data: Array.from({ length: LABELS_PER_TASK_MAX + 1 }, (_, i) => ({ userId: many.id, name: `L${i}` })) });
    const ids = (await db.prisma.label.findMany({ where: { userId: many.id }, select: { id: true } })).map((label) => label.id);
    const task = await createTask(many, { title: "Full", labelIds: ids.slice(0, LABELS_PER_TASK_MAX) });
    expect(task.labelIds).toHaveLength(LABELS_PER_TASK_MAX);
    const before = await snapshot(many.id);
    for (const labelIds of [ids, [ids[0], ids[0]], ["not-a-uuid"], ids[0], null, [null]]) {
      const error = await expectError(await as(many).post("/api/tasks", { title: "Refused", labelIds }), 422, "validation_failed");
      expect(Object.keys(error.details!)[0]).toMatch(/^labelIds/);
      await expectError(await as(many).patch(`/api/tasks/${task.id}`, { labelIds }), 422, "validation_failed");
    }
    // An id of no label: 404 naming the field.
    const missing = await expectError(await as(many).patch(`/api/tasks/${task.id}`, { labelIds: [ids[0], crypto.randomUUID()] }), 404, "not_found");
    expect(Object.keys(missing.details!)).toEqual(["labelIds"]);
    await expectError(await as(many).post("/api/tasks", { title: "Refused", labelIds: [crypto.randomUUID()] }), 404, "not_found");
    expect(await snapshot(many.id)).toBe(before);
  });

  it("filters tasks by label, with the other filters and in the counts", async () => {
    const filterer = await signUpUser("Filterer");
    const work = await createLabel(filterer, { name: "work" });
    const home = await createLabel(filterer, { name: "home" });
    const list = await createList(filterer, { name: "Project" });
    await createTask(filterer, { title: "Report", labelIds: [work.id] });
    await createTask(filterer, { title: "Report draft", labelIds: [work.id, home.id], completed: true });
    await createTask(filterer, { title: "Laundry", labelIds: [home.id] });
    await createTask(filterer, { title: "Report in a list", labelIds: [work.id], listId: list.id });
    await createTask(filterer, { title: "Report, unlabelled" });
    const titles = async (query: string) => (await allTasks(filterer, `${query}&sort=title`)).map((t) => t.title);
    expect(await titles(`labelId=${work.id}`)).toEqual(["Report", "Report draft", "Report in a list"]);
    expect(await titles(`labelId=${home.id}&status=active`)).toEqual(["Laundry"]);
    expect(await titles(`labelId=${work.id}&listId=${list.id}`)).toEqual(["Report in a list"]);
    expect(await titles(`labelId=${work.id}&q=draft`)).toEqual(["Report draft"]);
    expect(await countTasks(filterer, `?labelId=${work.id}`)).toEqual({ all: 3, active: 2, completed: 1 });
    expect(await countTasks(filterer, `?labelId=${home.id}&q=report`)).toEqual({ all: 1, active: 0, completed: 1 });
    // A label of the user's that no task carries: an empty list, not an error.
    const unused = await createLabel(filterer, { name: "unused" });
    expect(await titles(`labelId=${unused.id}`)).toEqual([]);
    expect(await countTasks(filterer, `?labelId=${unused.id}`)).toEqual({ all: 0, active: 0, completed: 0 });
    const error = await expectError(await as(filterer).get(`/api/tasks?labelId=${crypto.randomUUID()}`), 404, "not_found");
    expect(Object.keys(error.details!)).toEqual(["labelId"]);
    await expectError(await as(filterer).get("/api/tasks?labelId=work"), 422, "validation_failed");
  });

  it("counts each label's open tasks", async () => {
    const counter = await signUpUser("Counter");
    const label = await createLabel(counter, { name: "counted" });
    const other = await createLabel(counter, { name: "other" });
    const one = await createTask(counter, { title: "One", labelIds: [label.id] });
    await createTask(counter, { title: "Two", labelIds: [label.id, other.id] });
    await createTask(counter, { title: "Done", labelIds: [label.id], completed: true });
    const counts = async () => Object.fromEntries((await listLabels(counter)).map((l) => [l.name, l.openTasks]));
    expect(await counts()).toEqual({ counted: 2, other: 1 });
    await callApi("PATCH", `/api/tasks/${one.id}/complete`, { token: counter.token });
    expect(await counts()).toEqual({ counted: 1, other: 1 });
    expect((await expectJson<LabelJson>(await as(counter).get(`/api/labels/${label.id}`))).openTasks).toBe(1);
    await patchTask(counter, one.id, { labelIds: [] });
    expect((await expectJson<LabelJson>(await as(counter).get(`/api/labels/${other.id}`))).openTasks).toBe(1);
  });

  it("takes a deleted label off its tasks and keeps every task and its other labels", async () => {
    const deleter = await signUpUser("Deleter");
    const doomed = await createLabel(deleter, { name: "doomed" });
    const kept = await createLabel(deleter, { name: "kept" });
    const both = await createTask(deleter, { title: "Both", labelIds: [doomed.id, kept.id] });
    const only = await createTask(deleter, { title: "Only doomed", labelIds: [doomed.id], completed: true });
    const sub = await createTask(deleter, { title: "Subtask", parentId: both.id, labelIds: [doomed.id] });
    const tasksBefore = await db.prisma.task.findMany({ where: { userId: deleter.id }, orderBy: { id: "asc" } });
    expect((await as(deleter).delete(`/api/labels/${doomed.id}`)).status).toBe(204);
    expect(await db.prisma.task.findMany({ where: { userId: deleter.id }, orderBy: { id: "asc" } })).toEqual(tasksBefore);
    expect((await getTask(deleter, both.id)).labelIds).toEqual([kept.id]);
    expect((await getTask(deleter, only.id)).labelIds).toEqual([]);
    expect((await getTask(deleter, sub.id)).labelIds).toEqual([]);
    expect(await db.prisma.taskLabel.count({ where: { labelId: doomed.id } })).toBe(0);
    expect(await listLabels(deleter)).toEqual([expect.objectContaining({ id: kept.id, openTasks: 1 })]);
  });
});

describe("limits", () => {
  it(`answers 409 once a user holds ${LABELS_PER_USER_MAX} labels`, async () => {
    const user = await signUpUser("Hoarder");
    await db.prisma.label.createMany({ data: Array.from({ length: LABELS_PER_USER_MAX - 1 }, (_, i) => ({ userId: user.id, name: `Label ${i}` })) });
    await createLabel(user, { name: "The last one" });
    const error = await expectError(await as(user).post("/api/labels", { name: "One too many" }), 409, "label_limit_reached");
    expect(error.message).toMatch(/200 labels/);
    expect(await db.prisma.label.count({ where: { userId: user.id } })).toBe(LABELS_PER_USER_MAX);
  });
});
