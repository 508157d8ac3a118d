import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "./support/database";
import { signUpUser, type TestUser } from "./support/http";
import { callApi } from "./support/api";

// Times are stored in UTC, in columns without a zone (timestamp(3)). A database whose sessions
// run in another zone (a server's configured default, ALTER DATABASE ... SET timezone) must not
// shift them: SQL's CURRENT_TIMESTAMP, written into such a column, is the session's local time.

const TIME_ZONE = "Asia/Tokyo"; // UTC+9, no daylight saving time
const db = setUpTestDatabase({ timeZone: TIME_ZONE });

let user: TestUser;
beforeAll(async () => {
  user = await signUpUser("Kenji");
});

async function send(method: string, path: string, body?: unknown) {
  const response = await callApi(method, path, { token: user.token, body });
  expect(response.status).toBeLessThan(300);
  return response.json() as Promise<{ id: string; completed: boolean; createdAt: string; updatedAt: string }>;
}

/** Within a few seconds of now, where a shift by the zone's offset would be 9 hours. */
const expectNow = (time: string) => expect(Math.abs(Date.parse(time) - Date.now()), `${time} should be now`).toBeLessThan(5_000);

describe(`a database whose sessions run in ${TIME_ZONE}`, () => {
  it("is in that zone", async () => {
    expect(await db.prisma.$queryRaw`SELECT current_setting('TimeZone') AS zone`).toEqual([{ zone: TIME_ZONE }]);
  });

  it("stores the real time when a task is created, changed and completed", async () => {
    const created = await send("POST", "/api/tasks", { title: "Book the ryokan" });
    expectNow(created.createdAt);
    expectNow(created.updatedAt);
    expectNow((await send("PATCH", `/api/tasks/${created.id}`, { title: "Book the ryokan in Kyoto" })).updatedAt);
    const completed = await send("PATCH", `/api/tasks/${created.id}/complete`);
    expect(completed.completed).toBe(true);
    expectNow(completed.updatedAt);
    expect(await send("GET", `/api/tasks/${created.id}`)).toEqual(completed);
  });

  it("stores the real time for lists, labels, the Inbox, and tasks changed by raw statements", async () => {
    const lists = (await send("GET", "/api/lists")) as unknown as { lists: { inbox: boolean; createdAt: string; updatedAt: string }[] };
    const inbox = lists.lists.find((list) => list.inbox)!;
    expectNow(inbox.createdAt); // made by the "user" trigger, in SQL
    expectNow(inbox.updatedAt);
    const list = await send("POST", "/api/lists", { name: "Kyoto" });
    expectNow(list.createdAt);
    expectNow((await send("PATCH", `/api/lists/${list.id}`, { name: "Kyoto trip" })).updatedAt);
    const label = await send("POST", "/api/labels", { name: "Travel" });
    expectNow(label.createdAt);
    expectNow((await send("PATCH", `/api/labels/${label.id}`, { color: "red" })).updatedAt);
    // Subtasks moved with their parent, completed with it, and moved to the Inbox with their list.
    const parent = await send("POST", "/api/tasks", { title: "Pack", listId: list.id });
    const child = await send("POST", "/api/tasks", { title: "Passport", parentId: parent.id });
    await send("PATCH", `/api/tasks/${parent.id}`, { listId: (await send("POST", "/api/lists", { name: "Elsewhere" })).id });
    expectNow((await send("GET", `/api/tasks/${child.id}`)).updatedAt);
    await send("PATCH", `/api/tasks/${parent.id}?subtasks=complete`, { completed: true });
    expectNow((await send("GET", `/api/tasks/${child.id}`)).updatedAt);
    const other = await send("POST", "/api/tasks", { title: "Yen", listId: list.id });
    expect((await callApi("DELETE", `/api/lists/${list.id}?tasks=inbox`, { token: user.token })).status).toBe(204);
    expectNow((await send("GET", `/api/tasks/${other.id}`)).updatedAt);
  });
});
