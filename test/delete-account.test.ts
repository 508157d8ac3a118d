import { describe, expect, it } from "vitest";
import { ACCOUNT_DELETED, submitAccountDeletion } from "@/lib/accounts/delete-account";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { callAuth, PASSWORD, randomIp, signUpUser, type TestUser } from "./support/http";
import { newSoftPasskey, registerPasskey } from "./support/passkey";
import { createLabel, createList, createTask, expectJson } from "./support/organize";

// Deleting the account removes every row of the user, in every table, whatever it holds: the
// check reads the database's own list of tables, so a table added later cannot be forgotten.

const db = setUpTestDatabase();

/** A user with something in every kind of row: tasks, subtasks, lists, labels, trash, history, counters, a failed sign-in, a passkey, an authenticator secret. */
async function busyUser(name: string): Promise<TestUser> {
  const user = await signUpUser(name);
  const list = await createList(user, { name: "Work" });
  const label = await createLabel(user, { name: "Urgent" });
  const task = await createTask(user, { title: "Write report", listId: list.id, labelIds: [label.id] });
  await createTask(user, { title: "Outline", parentId: task.id });
  const trashed = await createTask(user, { title: "Old idea" });
  expect((await callApi("DELETE", `/api/tasks/${trashed.id}`, { token: user.token })).status).toBe(204);
  await expectJson(await callApi("GET", "/api/changes", { token: user.token }));
  await callAuth("/sign-in/email", { body: { email: user.email, password: "not the password" }, ip: randomIp() });
  expect((await registerPasskey(user.cookie, newSoftPasskey())).status).toBe(200);
  expect((await callAuth("/two-factor/enable", { body: { password: PASSWORD }, cookie: user.cookie })).status).toBe(200);
  return user;
}

/** The tables holding any row that names the user's id or email, with how many rows. */
async function rowsNaming(user: TestUser): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  expect(tables.length).toBeGreaterThan(10);
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ count }] = await db.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${name}" AS r WHERE strpos(r::text, $1) > 0 OR strpos(lower(r::text), lower($2)) > 0`,
      user.id,
      user.email,
    );
    if (count > 0) found[name] = count;
  }
  return found;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("deleting the account", () => {
  it("needs the password, and a wrong or missing one deletes nothing", async () => {
    const user = await busyUser("Careful");
    const before = await rowsNaming(user);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["user", "session", "account", "task", "list", "label", "change", "user_sync", "signInThrottle", "api_rate_limit", "passkey", "twoFactor"]));
    expect(await submitAccountDeletion(form({ password: "" }), user)).toEqual({ problem: { message: expect.stringMatching(/password/), fields: ["password"] } });
    expect(await submitAccountDeletion(form({ password: "wrong password" }), user)).toEqual({ problem: { message: "That is not your password.", fields: ["password"] } });
    const after = await rowsNaming(user);
    // Only the attempt counter grew.
    expect({ ...after, rateLimit: undefined }).toEqual({ ...before, rateLimit: undefined });
  });

  it("removes every row of the user in every table, ends every session, and leaves other users as they were", async () => {
    const user = await busyUser("Leaving");
    const other = await busyUser("Staying");
    const othersBefore = await rowsNaming(other);
    expect(await submitAccountDeletion(form({ password: PASSWORD }), user)).toEqual({ done: ACCOUNT_DELETED });
    expect(await rowsNaming(user)).toEqual({});
    expect(await rowsNaming(other)).toEqual(othersBefore);
    // Signed out everywhere, and the password opens nothing.
    expect((await callAuth("/token", { cookie: user.cookie })).status).toBe(401);
    expect((await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
    // A replay finds no account to delete.
    await expect(submitAccountDeletion(form({ password: PASSWORD }), user)).resolves.toEqual({ problem: { message: "That is not your password.", fields: ["password"] } });
  });
});
