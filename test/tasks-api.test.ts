import crypto from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dueColumns } from "@/lib/tasks/due";
import type { Task } from "@/lib/tasks/service";
import { inInbox, setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { captureLogs } from "./support/logs";
import { callApi } from "./support/api";

const db = setUpTestDatabase();


let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
});

async function createTask(user: TestUser, body: Record<string, unknown>): Promise<Task> {
  const response = await callApi("POST", "/api/tasks", { token: user.token, body });
  expect(response.status).toBe(201);
  return response.json();
}

async function listTasks(user: TestUser, query = ""): Promise<{ tasks: Task[]; nextCursor: string | null }> {
  const response = await callApi("GET", `/api/tasks${query}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.json();
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  return body.error as { code: string; message: string; details?: Record<string, string[]> };
}

describe("creating and reading", () => {
  it("creates a task with defaults and returns it with its location", async () => {
    const response = await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "  Water the plants  " } });
    expect(response.status).toBe(201);
    const task: Task = await response.json();
    expect(response.headers.get("Location")).toBe(`/api/tasks/${task.id}`);
    expect(Object.keys(task).sort()).toEqual([
      "completed",
      "createdAt",
      "description",
      "dueAt",
      "dueDate",
      "dueTimeZone",
      "id",
      "labelIds",
      "listId",
      "parentId",
      "position",
      "priority",
      "recurrence",
      "subtasks",
      "title",
      "updatedAt",
    ]);
    const inbox = await db.prisma.list.findFirstOrThrow({ where: { userId: alice.id, inbox: true } });
    expect(task).toMatchObject({ title: "Water the plants", description: "", completed: false, priority: "medium", dueDate: null });
    expect(task).toMatchObject({ listId: inbox.id, parentId: null, labelIds: [], subtasks: { total: 0, completed: 0 } });
    expect(new Date(task.createdAt).toISOString()).toBe(task.createdAt);
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const read = await callApi("GET", `/api/tasks/${task.id}`, { token: alice.token });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(task);
  });

  it("keeps every field it was given", async () => {
    const task = await createTask(alice, { title: "Taxes", description: "Form 1040", priority: "high", dueAt: "2027-04-15T17:00:00+02:00", dueTimeZone: "Europe/Berlin" });
    expect(task).toMatchObject({ title: "Taxes", description: "Form 1040", priority: "high", dueDate: null, dueAt: "2027-04-15T15:00:00.000Z", dueTimeZone: "Europe/Berlin" });
  });
});

describe("text as the database writes it into the JSON", () => {
  // The list and single reads are JSON the database builds (lib/tasks/rows.ts): any text a
  // person can type must come back exactly, quotes, backslashes, control characters and all.
  const awkward = fc.constantFrom('"', "\\", "\n", "\t", "\r", "\u0001", "\u001f", "\u007f", "\u2028", "\u00e9", "\u{1F600}", "</script>", "'", "{", "]");
  const text = fc.array(fc.oneof(awkward, fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(""));

  it("comes back as sent, in the created task, a single read and every page of the list", async () => {
    const user = await signUpUser("Text");
    const sent = fc.sample(fc.record({ title: text.filter((t) => t.length <= 198).map((t) => `x${t}x`), description: text }), 40);
    const created = [];
    for (const body of sent) {
      const task = await createTask(user, body);
      expect({ title: task.title, description: task.description }).toEqual(body);
      created.push(task);
    }
    for (const task of created.slice(0, 5)) {
      const read = await callApi("GET", `/api/tasks/${task.id}`, { token: user.token });
      expect(await read.json()).toEqual(task);
    }
    const listed: Task[] = [];
    let cursor: string | null = null;
    do {
      const page = await listTasks(user, `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      listed.push(...page.tasks);
      cursor = page.nextCursor;
    } while (cursor);
    const byId = (a: Task, b: Task) => a.id.localeCompare(b.id);
    expect(listed.sort(byId)).toEqual(created.sort(byId));
  });
});

describe("object-level authorization", () => {
  it("answers 403 on every route for another user's task, and leaves it unchanged", async () => {
    const task = await createTask(alice, { title: "Alice's private task", description: "only mine" });
    const path = `/api/tasks/${task.id}`;
    const full = { title: "hijacked", description: "", priority: "low", dueDate: null, completed: true };
    const attempts = [
      callApi("GET", path, { token: bob.token }),
      callApi("PUT", path, { token: bob.token, body: full }),
      callApi("PATCH", path, { token: bob.token, body: { title: "hijacked" } }),
      callApi("PATCH", `${path}/complete`, { token: bob.token }),
      callApi("DELETE", path, { token: bob.token }),
    ];
    for (const response of await Promise.all(attempts)) {
      const error = await expectError(response, 403, "forbidden");
      expect(JSON.stringify(error)).not.toContain("private");
    }
    const after = await callApi("GET", path, { token: alice.token });
    expect(await after.json()).toEqual(task);
  });

  it("never lists, finds or filters in another user's tasks", async () => {
    await createTask(alice, { title: "shared word zebra", priority: "high" });
    await createTask(bob, { title: "bob's zebra", priority: "high" });
    for (const query of ["", "?q=zebra", "?priority=high", "?status=active", "?sort=title", `?userId=${alice.id}`]) {
      const { tasks } = await listTasks(bob, query);
      expect(tasks.every((t) => t.title.startsWith("bob"))).toBe(true);
    }
  });

  it("answers 404 for a task that does not exist, or an id that cannot exist", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid", "1", "'; DROP TABLE task; --"]) {
      const path = `/api/tasks/${encodeURIComponent(id)}`;
      await expectError(await callApi("GET", path, { token: alice.token }), 404, "not_found");
      await expectError(await callApi("PATCH", path, { token: alice.token, body: { title: "x" } }), 404, "not_found");
      await expectError(await callApi("DELETE", path, { token: alice.token }), 404, "not_found");
      await expectError(await callApi("PATCH", `${path}/complete`, { token: alice.token }), 404, "not_found");
    }
  });

  it("answers 401 on every route and method without a token", async () => {
    const task = await createTask(alice, { title: "guarded" });
    const calls: [string, string][] = [
      ["GET", "/api/tasks"],
      ["POST", "/api/tasks"],
      ["GET", `/api/tasks/${task.id}`],
      ["PUT", `/api/tasks/${task.id}`],
      ["PATCH", `/api/tasks/${task.id}`],
      ["DELETE", `/api/tasks/${task.id}`],
      ["PATCH", `/api/tasks/${task.id}/complete`],
    ];
    for (const [method, path] of calls) {
      await expectError(await callApi(method, path, { body: method === "GET" || method === "DELETE" ? undefined : { title: "x" } }), 401, "unauthorized");
    }
  });
});

describe("validation", () => {
  const invalid = async (body: unknown, field: string, message?: RegExp) => {
    const error = await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body }), 422, "validation_failed");
    expect(error.details?.[field]).toEqual(expect.arrayContaining([expect.stringMatching(message ?? /./)]));
    return error;
  };

  it("requires a title of 1 to 200 characters after trimming", async () => {
    await invalid({}, "title", /Title is required/);
    await invalid({ title: "   " }, "title", /Title is required/);
    await invalid({ title: 42 }, "title", /text/);
    await invalid({ title: "x".repeat(201) }, "title", /at most 200/);
    expect((await createTask(alice, { title: `  ${"y".repeat(200)}  ` })).title).toHaveLength(200);
  });

  it("limits the description to 2,000 characters", async () => {
    await invalid({ title: "t", description: "d".repeat(2001) }, "description", /at most 2000/);
    expect((await createTask(alice, { title: "t", description: "d".repeat(2000) })).description).toHaveLength(2000);
  });

  it("accepts only low, medium or high as priority", async () => {
    await invalid({ title: "t", priority: "urgent" }, "priority", /low, medium or high/);
    await invalid({ title: "t", priority: "HIGH" }, "priority");
  });

  it("accepts a whole day as dueDate, or a moment as dueAt with the zone of its clock, or null", async () => {
    for (const dueDate of ["tomorrow", "2026-12-31T10:00:00Z", "2026-13-01", "2026-02-30", "0999-12-31", "2026-12-31 10:00", 1767225600000]) {
      await invalid({ title: "t", dueDate }, "dueDate");
    }
    for (const dueAt of ["tomorrow", "2026-12-31", "2026-13-01T00:00:00Z", "2026-12-31 10:00", 1767225600000]) {
      await invalid({ title: "t", dueAt, dueTimeZone: "UTC" }, "dueAt");
    }
    await invalid({ title: "t", dueAt: "2026-12-31T10:00:00Z" }, "dueTimeZone", /IANA time zone/);
    await invalid({ title: "t", dueAt: "2026-12-31T10:00:00Z", dueTimeZone: "Mars/Olympus" }, "dueTimeZone", /IANA time zone/);
    await invalid({ title: "t", dueDate: "2026-12-31", dueTimeZone: "UTC" }, "dueTimeZone", /goes with a dueAt/);
    await invalid({ title: "t", dueDate: "2026-12-31", dueAt: "2026-12-31T10:00:00Z", dueTimeZone: "UTC" }, "dueAt", /not both/);
    expect((await createTask(alice, { title: "t", dueDate: null })).dueDate).toBeNull();
    expect(await createTask(alice, { title: "t", dueDate: "2026-12-31" })).toMatchObject({ dueDate: "2026-12-31", dueAt: null, dueTimeZone: null });
    expect(await createTask(alice, { title: "t", dueDate: null, dueAt: "2026-12-31T10:00:00-05:00", dueTimeZone: "America/New_York" })).toMatchObject({
      dueDate: null,
      dueAt: "2026-12-31T15:00:00.000Z",
      dueTimeZone: "America/New_York",
    });
  });

  it("refuses unknown fields by name, so ownership and creation time cannot be set", async () => {
    const error = await invalid({ title: "t", userId: bob.id, user_id: bob.id, createdAt: "2020-01-01T00:00:00Z" }, "userId");
    expect(Object.keys(error.details!).sort()).toEqual(["createdAt", "userId", "user_id"]);
    expect((await listTasks(bob, "?q=t&limit=100")).tasks.filter((t) => t.title === "t")).toEqual([]);
  });

  it("refuses a body that is not a JSON object", async () => {
    await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: "[1, 2]" }), 422, "validation_failed");
    await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: "null" }), 422, "validation_failed");
  });

  it("answers 400 to malformed JSON", async () => {
    await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: '{"title": "unclosed' }), 400, "malformed_json");
  });

  it("answers 415 to a write that is not sent as JSON", async () => {
    const task = await createTask(alice, { title: "typed" });
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }]) {
      await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: "title=x", headers }), 415, "unsupported_media_type");
      await expectError(await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: '{"title":"x"}', headers }), 415, "unsupported_media_type");
    }
  });

  it("answers 413 to a body over 16 KB", async () => {
    await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "big", description: "x".repeat(17 * 1024) } }), 413, "payload_too_large");
  });

  it("answers 422 to list query values it does not know", async () => {
    for (const [query, field] of [
      ["status=done", "status"],
      ["sort=owner", "sort"],
      ["order=up", "order"],
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["limit=1.5", "limit"],
      ["priority=urgent", "priority"],
      ["cursor=garbage", "cursor"],
    ]) {
      const error = await expectError(await callApi("GET", `/api/tasks?${query}`, { token: alice.token }), 422, "validation_failed");
      expect(Object.keys(error.details!)).toEqual([field]);
    }
  });

  it("answers 405 with JSON to methods a route does not serve", async () => {
    const task = await createTask(alice, { title: "methods" });
    for (const [method, path] of [
      ["DELETE", "/api/tasks"],
      ["POST", `/api/tasks/${task.id}`],
      ["GET", `/api/tasks/${task.id}/complete`],
    ]) {
      const response = await callApi(method, path, { token: alice.token });
      await expectError(response, 405, "method_not_allowed");
      expect(response.headers.get("Allow")).toBeTruthy();
    }
  });
});

describe("ids chosen by the client", () => {
  const taskWithId = async (id: string) => db.prisma.task.findUnique({ where: { id } });

  it("creates the task under the id it was sent", async () => {
    const id = crypto.randomUUID();
    const response = await callApi("POST", "/api/tasks", { token: alice.token, body: { id, title: "Optimistic" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("Location")).toBe(`/api/tasks/${id}`);
    const task: Task = await response.json();
    expect(task).toMatchObject({ id, title: "Optimistic" });
    expect(await (await callApi("GET", `/api/tasks/${id}`, { token: alice.token })).json()).toEqual(task);
  });

  it("answers 409 to an id the user's own task has, and changes nothing", async () => {
    const task = await createTask(alice, { title: "First with this id" });
    const count = await db.prisma.task.count({ where: { userId: alice.id } });
    const error = await expectError(await callApi("POST", "/api/tasks", { token: alice.token, body: { id: task.id, title: "Second" } }), 409, "conflict");
    expect(error.message).toBe("A task with this id already exists.");
    expect(await (await callApi("GET", `/api/tasks/${task.id}`, { token: alice.token })).json()).toEqual(task);
    expect(await db.prisma.task.count({ where: { userId: alice.id } })).toBe(count);
  });

  it("answers 409 to the id of another user's task, revealing and changing nothing of it", async () => {
    const task = await createTask(alice, { title: "Alice's secret plan", description: "private" });
    const stored = await taskWithId(task.id);
    const count = await db.prisma.task.count({ where: { userId: bob.id } });
    const response = await callApi("POST", "/api/tasks", { token: bob.token, body: { id: task.id, title: "Bob's", completed: true } });
    const error = await expectError(response, 409, "conflict");
    expect(JSON.stringify(error)).not.toMatch(/secret|private|Alice/);
    expect(await taskWithId(task.id)).toEqual(stored);
    expect(await db.prisma.task.count({ where: { userId: bob.id } })).toBe(count);
  });

  it("answers 422 to an id that is not a UUID, and writes nothing", async () => {
    const count = await db.prisma.task.count();
    for (const id of ["not-a-uuid", "", "1", 42, null, "00000000-0000-0000-0000-00000000000g", `${crypto.randomUUID()} `]) {
      const response = await callApi("POST", "/api/tasks", { token: alice.token, body: { id, title: "Malformed id" } });
      expect((await expectError(response, 422, "validation_failed")).details).toEqual({ id: ["Id must be a UUID."] });
    }
    expect(await db.prisma.task.count()).toBe(count);
  });

  it("gives one of many concurrent creates with the same id, from two users, the task and 409 to the rest", async () => {
    const id = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => callApi("POST", "/api/tasks", { token: i % 2 ? bob.token : alice.token, body: { id, title: `Race ${i}` } })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(15).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) expect((await response.json()).error.code).toBe("conflict");
    const winner: Task = await responses.find((r) => r.status === 201)!.json();
    expect(await db.prisma.task.findMany({ where: { id }, select: { title: true } })).toEqual([{ title: winner.title }]);
  });

  it("cannot be sent to PUT or PATCH: a task's id never changes", async () => {
    const task = await createTask(alice, { title: "Fixed id" });
    const full = { title: "t", description: "", priority: "low", dueDate: null, completed: false };
    for (const [method, body] of [
      ["PUT", { ...full, id: crypto.randomUUID() }],
      ["PATCH", { id: crypto.randomUUID() }],
      ["PATCH", { id: task.id, title: "t" }],
    ] as const) {
      const error = await expectError(await callApi(method, `/api/tasks/${task.id}`, { token: alice.token, body }), 422, "validation_failed");
      expect(error.details?.id).toEqual(['"id" is not a field that can be set.']);
    }
    expect(await (await callApi("GET", `/api/tasks/${task.id}`, { token: alice.token })).json()).toEqual(task);
  });
});

describe("changing tasks", () => {
  it("PUT replaces every writable field and requires them all", async () => {
    const task = await createTask(alice, { title: "Old", description: "old", priority: "high", dueAt: "2027-01-01T00:00:00Z", dueTimeZone: "UTC" });
    const missing = await expectError(await callApi("PUT", `/api/tasks/${task.id}`, { token: alice.token, body: { title: "New" } }), 422, "validation_failed");
    expect(Object.keys(missing.details!).sort()).toEqual(["completed", "description", "dueDate", "priority"]);
    const replaced = await callApi("PUT", `/api/tasks/${task.id}`, {
      token: alice.token,
      body: { title: "New", description: "", priority: "low", dueDate: null, completed: true },
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: task.id, title: "New", description: "", priority: "low", dueDate: null, dueAt: null, dueTimeZone: null, completed: true });
  });

  it("PATCH changes only the fields it names", async () => {
    const task = await createTask(alice, { title: "Keep", description: "kept", priority: "high", dueDate: "2027-01-01" });
    const patched = await (await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { title: "Renamed" } })).json();
    expect(patched).toMatchObject({ title: "Renamed", description: "kept", priority: "high", dueDate: "2027-01-01", completed: false });
    // A moment replaces the whole day, and a whole day the moment.
    const timed = await (await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { dueAt: "2027-01-01T09:00:00Z", dueTimeZone: "UTC" } })).json();
    expect(timed).toMatchObject({ dueDate: null, dueAt: "2027-01-01T09:00:00.000Z", dueTimeZone: "UTC" });
    const allDay = await (await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { dueDate: "2027-01-02" } })).json();
    expect(allDay).toMatchObject({ dueDate: "2027-01-02", dueAt: null, dueTimeZone: null });
    const cleared = await (await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { dueDate: null } })).json();
    expect(cleared).toMatchObject({ title: "Renamed", dueDate: null, dueAt: null, dueTimeZone: null });
    await expectError(await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: {} }), 422, "validation_failed");
    await expectError(await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { userId: bob.id } }), 422, "validation_failed");
  });

  it("moves updatedAt on a change", async () => {
    const task = await createTask(alice, { title: "Clock" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const patched: Task = await (await callApi("PATCH", `/api/tasks/${task.id}`, { token: alice.token, body: { title: "Clock 2" } })).json();
    expect(Date.parse(patched.updatedAt)).toBeGreaterThan(Date.parse(task.updatedAt));
    expect(patched.createdAt).toBe(task.createdAt);
  });

  it("toggles completion, and toggling twice restores it", async () => {
    const task = await createTask(alice, { title: "Toggle me" });
    const once: Task = await (await callApi("PATCH", `/api/tasks/${task.id}/complete`, { token: alice.token })).json();
    expect(once.completed).toBe(true);
    expect(Date.parse(once.updatedAt)).toBeGreaterThanOrEqual(Date.parse(task.updatedAt));
    const twice: Task = await (await callApi("PATCH", `/api/tasks/${task.id}/complete`, { token: alice.token })).json();
    expect(twice).toMatchObject({ ...task, updatedAt: expect.any(String) });
  });

  it("deletes with 204, after which the task is gone", async () => {
    const task = await createTask(alice, { title: "Delete me" });
    const response = await callApi("DELETE", `/api/tasks/${task.id}`, { token: alice.token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectError(await callApi("GET", `/api/tasks/${task.id}`, { token: alice.token }), 404, "not_found");
  });
});

describe("listing", () => {
  let carol: TestUser;
  beforeAll(async () => {
    carol = await signUpUser("Carol");
    await createTask(carol, { title: "Buy MILK", priority: "low" });
    await createTask(carol, { title: "Call mum", description: "about the milkman", priority: "high" });
    const done = await createTask(carol, { title: "100% done", priority: "high" });
    await callApi("PATCH", `/api/tasks/${done.id}/complete`, { token: carol.token });
  });

  it("filters by status and priority", async () => {
    expect((await listTasks(carol, "?status=completed")).tasks.map((t) => t.title)).toEqual(["100% done"]);
    expect((await listTasks(carol, "?status=active")).tasks.map((t) => t.title).sort()).toEqual(["Buy MILK", "Call mum"]);
    expect((await listTasks(carol, "?priority=high&sort=title&order=asc")).tasks.map((t) => t.title)).toEqual(["100% done", "Call mum"]);
  });

  it("searches title and description without regard to case, treating wildcards as text", async () => {
    expect((await listTasks(carol, "?q=milk&sort=title&order=asc")).tasks.map((t) => t.title)).toEqual(["Buy MILK", "Call mum"]);
    expect((await listTasks(carol, "?q=%25")).tasks.map((t) => t.title)).toEqual(["100% done"]);
    expect((await listTasks(carol, "?q=_")).tasks).toEqual([]);
  });

  it("counts tasks per status, for the same search as the list, and only the caller's", async () => {
    const counts = async (user: TestUser, query = "") => {
      const response = await callApi("GET", `/api/tasks/counts${query}`, { token: user.token });
      expect(response.status).toBe(200);
      return response.json();
    };
    expect(await counts(carol)).toEqual({ all: 3, active: 2, completed: 1 });
    expect(await counts(carol, "?q=MILK")).toEqual({ all: 2, active: 2, completed: 0 });
    expect(await counts(carol, "?q=%25")).toEqual({ all: 1, active: 0, completed: 1 });
    expect(await counts(carol, `?q=nothing-like-this&userId=${alice.id}`)).toEqual({ all: 0, active: 0, completed: 0 });
    const stranger = await signUpUser("Stranger");
    expect(await counts(stranger)).toEqual({ all: 0, active: 0, completed: 0 });
    await expectError(await callApi("GET", `/api/tasks/counts?q=${"x".repeat(1000)}`, { token: carol.token }), 422, "validation_failed");
    await expectError(await callApi("GET", "/api/tasks/counts"), 401, "unauthorized");
  });

  it("ignores parameters it does not know, userId included", async () => {
    const all = await listTasks(carol);
    expect(await listTasks(carol, `?userId=${alice.id}&user_id=${alice.id}&foo=bar`)).toEqual(all);
  });
});

describe("paging", () => {
  let dave: TestUser;
  const PRIORITY_RANK = { low: 0, medium: 1, high: 2 };
  // Titles as people expect them sorted: by letter first, then accent, then case. Byte order
  // would put every capital before every small letter, and accented letters after "z".
  const TITLES_IN_ORDER = ["Äpfel", "apple juice", "Apple pie", "banana", "Banana", "Eclair", "éclair", "zebra", "Zebra"];
  const byTitle = new Intl.Collator("und").compare; // the same order (ICU's root collation), for whole pages

  beforeAll(async () => {
    dave = await signUpUser("Dave");
    // 250 tasks with plenty of ties (shared creation times, titles, priorities, due dates, and
    // missing due dates), so that order and paging must rely on the id tie-breaker. One in five
    // has a title that differs from others only in case or accent.
    const base = Date.UTC(2026, 0, 1);
    await db.prisma.task.createMany({
      data: await inInbox(db.prisma, dave.id, Array.from({ length: 250 }, (_, i) => ({
        title: i % 5 === 0 ? TITLES_IN_ORDER[(i / 5) % TITLES_IN_ORDER.length] : `Task ${String(i % 60).padStart(3, "0")}`,
        priority: (["low", "medium", "high"] as const)[i % 3],
        // Whole days and moments (on UTC's clock) mixed, some a day's moment and that whole day.
        ...dueColumns(
          i % 4 === 0
            ? { dueDate: null }
            : i % 4 === 1
              ? { dueAt: new Date(base + (i % 17) * 86_400_000 + (i % 3) * 3_600_000), dueTimeZone: "UTC" }
              : { dueDate: new Date(base + (i % 17) * 86_400_000).toISOString().slice(0, 10) },
        ),
        createdAt: new Date(base + (i % 40) * 1000),
      }))),
    });
  });

  const compare = (sort: string, order: string) => (a: Task, b: Task) => {
    const direction = order === "asc" ? 1 : -1;
    // By due: a whole day at its end (after that day's moments), no due last.
    const due = (t: Task) => (t.dueAt ? Date.parse(t.dueAt) : t.dueDate ? Date.parse(`${t.dueDate}T23:59:59.999Z`) : null);
    if (sort === "dueDate" && (due(a) === null) !== (due(b) === null)) return due(a) === null ? 1 : -1;
    const key = (t: Task) => (sort === "priority" ? PRIORITY_RANK[t.priority] : sort === "dueDate" ? due(t)! : Date.parse(t.createdAt));
    const bySort = sort === "title" ? byTitle(a.title, b.title) : Math.sign(key(a) - key(b));
    if (bySort !== 0) return bySort * direction;
    return (a.id < b.id ? -1 : 1) * direction;
  };

  async function walk(query: string, onPage?: (n: number) => Promise<void>) {
    const seen: Task[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result = await listTasks(dave, `?${query}&limit=30${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...result.tasks);
      await onPage?.(page);
      if (!result.nextCursor) return seen;
      cursor = result.nextCursor;
    }
    throw new Error("paging did not end");
  }

  for (const sort of ["createdAt", "dueDate", "priority", "title"]) {
    for (const order of ["asc", "desc"]) {
      it(`returns each of 250 tasks exactly once, sorted by ${sort} ${order}`, async () => {
        const seen = await walk(`sort=${sort}&order=${order}`);
        expect(seen).toHaveLength(250);
        expect(new Set(seen.map((t) => t.id)).size).toBe(250);
        expect(seen).toEqual([...seen].sort(compare(sort, order)));
      });
    }
  }

  it("sorts titles by letter, then accent, then case, across pages", async () => {
    for (const order of ["asc", "desc"]) {
      const titles = (await walk(`sort=title&order=${order}`)).map((t) => t.title).filter((title) => TITLES_IN_ORDER.includes(title));
      const distinct = titles.filter((title, i) => title !== titles[i - 1]);
      expect(distinct).toEqual(order === "asc" ? TITLES_IN_ORDER : [...TITLES_IN_ORDER].reverse());
    }
  });

  it("returns every task exactly once while tasks are being added", async () => {
    const before = new Set((await walk("sort=createdAt&order=asc")).map((t) => t.id));
    const seen = await walk("sort=title&order=asc", async (page) => {
      if (page < 3) await createTask(dave, { title: `Task ${String(page * 20).padStart(3, "0")} added while paging` });
    });
    const ids = seen.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
  });

  it("defaults to 50 per page, newest first", async () => {
    const { tasks, nextCursor } = await listTasks(dave);
    expect(tasks).toHaveLength(50);
    expect(nextCursor).toEqual(expect.any(String));
    expect(tasks).toEqual([...tasks].sort(compare("createdAt", "desc")));
  });

  it("refuses a cursor made for another sort", async () => {
    const { nextCursor } = await listTasks(dave, "?sort=title&limit=5");
    await expectError(await callApi("GET", `/api/tasks?sort=dueDate&limit=5&cursor=${nextCursor}`, { token: dave.token }), 422, "validation_failed");
  });
});

describe("concurrency", () => {
  it("50 parallel creates make 50 tasks", async () => {
    const erin = await signUpUser("Erin");
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => callApi("POST", "/api/tasks", { token: erin.token, body: { title: `Parallel ${i}` } })));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await db.prisma.task.count({ where: { userId: erin.id } })).toBe(50);
  });

  it.each([20, 7])("%i parallel toggles of one task end in the state their count implies", async (count) => {
    const task = await createTask(alice, { title: `Toggled ${count} times` });
    const responses = await Promise.all(Array.from({ length: count }, () => callApi("PATCH", `/api/tasks/${task.id}/complete`, { token: alice.token })));
    expect(responses.map((r) => r.status)).toEqual(Array(count).fill(200));
    const final: Task = await (await callApi("GET", `/api/tasks/${task.id}`, { token: alice.token })).json();
    expect(final.completed).toBe(count % 2 === 1);
  });
});

describe("limits and failures", () => {
  it("answers 409 once a user holds 10,000 tasks", async () => {
    const frank = await signUpUser("Frank");
    await db.prisma.task.createMany({ data: await inInbox(db.prisma, frank.id, Array.from({ length: 9_999 }, (_, i) => ({ title: `Bulk ${i}` }))) });
    expect((await callApi("POST", "/api/tasks", { token: frank.token, body: { title: "number 10,000" } })).status).toBe(201);
    await expectError(await callApi("POST", "/api/tasks", { token: frank.token, body: { title: "one too many" } }), 409, "task_limit_reached");
    expect(await db.prisma.task.count({ where: { userId: frank.id } })).toBe(10_000);
  });

  it("answers 500 with a request id and no internals when something unexpected breaks", async () => {
    const logs = captureLogs();
    // A constraint the code knows nothing about: a bug of ours, not an unavailable database (503).
    await db.prisma.$executeRawUnsafe('ALTER TABLE "task" ADD CONSTRAINT "unexpected_rule" CHECK (false) NOT VALID');
    try {
      const response = await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "Refused by the database" } });
      const error = await expectError(response, 500, "internal_error");
      expect(response.headers.get("X-Request-Id")).toEqual(expect.any(String));
      expect(error.message).toContain(response.headers.get("X-Request-Id")!);
      expect(JSON.stringify(error)).not.toMatch(/unexpected_rule|prisma|constraint|INSERT/i);
      expect(logs.lines).toContainEqual(expect.objectContaining({ level: "error", requestId: response.headers.get("X-Request-Id") }));
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "task" DROP CONSTRAINT "unexpected_rule"');
      logs.stop();
    }
  });
});
