import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ACCESS_TOKEN_CREATE_LIMIT } from "@/lib/accounts/limits";
import { TOKEN_SECRET_PREFIX, TOKENS_PER_USER_MAX } from "@/lib/tokens/constants";
import { SESSION_CHECK_INTERVAL_MS } from "@/lib/session-liveness";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { PASSWORD, signUpUser, type TestUser } from "./support/http";

// Personal access tokens: made and revoked from a browser session, exchanged by a program for a
// short-lived JWT that carries the token's scopes, which every endpoint enforces (RFC 6750).

const db = setUpTestDatabase();

let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
});
afterEach(() => {
  vi.useRealTimers();
});

interface Created {
  token: { id: string; name: string; shown: string; scopes: string[]; listIds: string[]; expiresAt: string | null; lastUsedAt: string | null };
  secret: string;
}

async function createToken(user: TestUser, body: Record<string, unknown>): Promise<Created> {
  const response = await callApi("POST", "/api/tokens", { token: user.token, body: { password: PASSWORD, ...body } });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const exchange = (secret: string, body?: unknown) => callApi("POST", "/api/tokens/exchange", { headers: { authorization: `Bearer ${secret}` }, body });

async function accessTokenFor(secret: string, body?: unknown): Promise<string> {
  const response = await exchange(secret, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()).accessToken;
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  return body.error as { code: string; message: string; details?: Record<string, string[]> };
}

describe("a read-only token", () => {
  it("is shown once, stored only as a hash, and listed without its secret", async () => {
    const { token, secret } = await createToken(alice, { name: "Reporting script", scopes: ["tasks:read"] });
    expect(secret).toMatch(new RegExp(`^${TOKEN_SECRET_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(secret.startsWith(token.shown)).toBe(true);
    expect(token).toMatchObject({ name: "Reporting script", scopes: ["tasks:read"], lastUsedAt: null });
    // 30 days unless told otherwise
    expect(Date.parse(token.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(TOKEN_SECRET_PREFIX.length));

    const listed = await callApi("GET", "/api/tokens", { token: alice.token });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(secret);
    expect(JSON.parse(text).tokens).toEqual(expect.arrayContaining([expect.objectContaining({ id: token.id, shown: token.shown })]));
    // Bob's list does not show it
    expect((await (await callApi("GET", "/api/tokens", { token: bob.token })).json()).tokens).toEqual([]);
  });

  it("is exchanged for a JWT that reads tasks and is refused a write with RFC 6750's insufficient_scope", async () => {
    await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "Visible to the script" } });
    const { token, secret } = await createToken(alice, { name: "Reader", scopes: ["tasks:read"] });
    const response = await exchange(secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const exchanged = await response.json();
    expect(exchanged).toEqual({ accessToken: expect.any(String), tokenType: "Bearer", expiresIn: 900, scope: "tasks:read" });

    const read = await callApi("GET", "/api/tasks", { token: exchanged.accessToken });
    expect(read.status).toBe(200);
    expect((await read.json()).tasks.map((task: { title: string }) => task.title)).toContain("Visible to the script");

    const before = await db.prisma.task.count({ where: { userId: alice.id } });
    const write = await callApi("POST", "/api/tasks", { token: exchanged.accessToken, body: { title: "Written by a reader?" } });
    expect(write.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="tasks:write"');
    await expectError(write, 403, "insufficient_scope");
    expect(await db.prisma.task.count({ where: { userId: alice.id } })).toBe(before);
    for (const [method, path] of [
      ["GET", "/api/lists"],
      ["GET", "/api/changes"],
      ["GET", "/api/export"],
    ]) {
      await expectError(await callApi(method, path, { token: exchanged.accessToken }), 403, "insufficient_scope");
    }

    const used = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("cannot manage tokens, and is not itself a JWT for the API", async () => {
    const { secret } = await createToken(alice, { name: "Everything", scopes: ["tasks:read", "tasks:write", "lists:read"] });
    const jwt = await accessTokenFor(secret);
    for (const call of [
      callApi("GET", "/api/tokens", { token: jwt }),
      callApi("POST", "/api/tokens", { token: jwt, body: { name: "Minted by a token", scopes: ["tasks:read"], password: PASSWORD } }),
    ]) {
      const response = await call;
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope"');
      await expectError(response, 403, "insufficient_scope");
    }
    expect(await db.prisma.apiToken.count({ where: { name: "Minted by a token" } })).toBe(0);

    const direct = await callApi("GET", "/api/tasks", { headers: { authorization: `Bearer ${secret}` } });
    expect(direct.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect((await expectError(direct, 401, "unauthorized")).message).toMatch(/exchange it at POST \/api\/tokens\/exchange/);
    // ...and a session's JWT is not an access token
    await expectError(await exchange(alice.token), 401, "unauthorized");
  });
});

describe("the exchange", () => {
  it("may ask for fewer scopes, never more", async () => {
    const { secret } = await createToken(alice, { name: "Two scopes", scopes: ["tasks:write", "tasks:read"] });
    const narrow = await exchange(secret, { scopes: ["tasks:read"] });
    expect((await narrow.json()).scope).toBe("tasks:read");
    const wide = await exchange(secret, { scopes: ["tasks:read", "tasks:delete"] });
    expect((await expectError(wide, 400, "invalid_scope")).message).toMatch(/tasks:delete/);
    await expectError(await exchange(secret, { scopes: ["everything"] }), 422, "validation_failed");
    await expectError(await exchange(secret, { scope: "tasks:read" }), 422, "validation_failed");
  });

  it("refuses a missing, unknown, revoked or expired token with 401", async () => {
    await expectError(await callApi("POST", "/api/tokens/exchange"), 401, "unauthorized");
    await expectError(await exchange(`${TOKEN_SECRET_PREFIX}${"A".repeat(43)}`), 401, "unauthorized");
    await expectError(await exchange("tsk_short"), 401, "unauthorized");

    const revoked = await createToken(alice, { name: "Revoked", scopes: ["tasks:read"] });
    const jwt = await accessTokenFor(revoked.secret);
    expect((await callApi("GET", "/api/tasks", { token: jwt })).status).toBe(200);
    expect((await callApi("DELETE", `/api/tokens/${revoked.token.id}`, { token: alice.token })).status).toBe(204);
    await expectError(await exchange(revoked.secret), 401, "unauthorized");
    // The JWT it was exchanged for stops at once on this instance, and within the check interval on any
    await expectError(await callApi("GET", "/api/tasks", { token: jwt }), 401, "unauthorized");

    const expiring = await createToken(alice, { name: "One day", scopes: ["tasks:read"], expiresInDays: 1 });
    const expiringJwt = await accessTokenFor(expiring.secret);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 86_400_000 + 1_000);
    expect((await expectError(await exchange(expiring.secret), 401, "unauthorized")).message).toMatch(/expired/);
    vi.setSystemTime(Date.now() - 86_400_000 + SESSION_CHECK_INTERVAL_MS); // back within the JWT's own life
    expect((await callApi("GET", "/api/tasks", { token: expiringJwt })).status).toBe(200);
  });
});

describe("what a token writes", () => {
  it("is attributed to it in the history", async () => {
    const { token, secret } = await createToken(alice, { name: "Importer", scopes: ["tasks:write", "history:read"], expiresInDays: null });
    expect(token.expiresAt).toBeNull();
    const jwt = await accessTokenFor(secret);
    const created = await callApi("POST", "/api/tasks", { token: jwt, body: { title: "Added by a script" } });
    expect(created.status).toBe(201);
    const task = await created.json();
    const history = await callApi("GET", `/api/tasks/${task.id}/history`, { token: jwt });
    expect(history.status).toBe(200);
    expect((await history.json()).changes).toEqual([expect.objectContaining({ op: "create", actor: `token:${token.id}` })]);
  });
});

describe("what a token may not do with a scope that seems enough", () => {
  it("lists:write deletes a list but not its tasks with it: that needs tasks:delete", async () => {
    const list = await (await callApi("POST", "/api/lists", { token: alice.token, body: { name: "Errands" } })).json();
    const task = await (await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "Keep me", listId: list.id } })).json();
    const jwt = await accessTokenFor((await createToken(alice, { name: "Lists", scopes: ["lists:write"] })).secret);
    const refused = await callApi("DELETE", `/api/lists/${list.id}?tasks=delete`, { token: jwt });
    expect(refused.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="tasks:delete"');
    await expectError(refused, 403, "insufficient_scope");
    expect(await db.prisma.list.count({ where: { id: list.id } })).toBe(1);
    expect((await callApi("DELETE", `/api/lists/${list.id}?tasks=inbox`, { token: jwt })).status).toBe(204);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).deletedAt).toBeNull();
  });

  it("history:revert undoes what the token did, never what a browser or another token did", async () => {
    const { token, secret } = await createToken(alice, { name: "Undoer", scopes: ["tasks:write", "history:revert"] });
    const jwt = await accessTokenFor(secret);
    const mine = await (await callApi("POST", "/api/tasks", { token: jwt, body: { title: "Made by the token" } })).json();
    const theirs = await (await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "Made in the browser" } })).json();
    const seqOf = async (taskId: string) => (await db.prisma.change.findFirstOrThrow({ where: { userId: alice.id, entityId: taskId, op: "create" } })).seq;

    const refused = await callApi("POST", `/api/changes/${await seqOf(theirs.id)}/undo`, { token: jwt, body: {} });
    await expectError(refused, 403, "insufficient_scope");
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
    const sessionActor = (await db.prisma.change.findFirstOrThrow({ where: { entityId: theirs.id } })).actor;
    await expectError(await callApi("POST", "/api/changes/revert", { token: jwt, body: { actor: sessionActor, since: "2000-01-01T00:00:00Z", preview: true } }), 403, "insufficient_scope");
    await expectError(await callApi("POST", "/api/changes/revert", { token: jwt, body: { actor: sessionActor, since: "2000-01-01T00:00:00Z" } }), 403, "insufficient_scope");
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();

    const undone = await callApi("POST", "/api/changes/revert", { token: jwt, body: { actor: `token:${token.id}`, since: "2000-01-01T00:00:00Z" } });
    expect(undone.status).toBe(200);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).not.toBeNull();
  });
});

describe("a token limited to some lists", () => {
  it("reads, adds and changes tasks only in them, and is refused everything that reaches beyond", async () => {
    const frank = await signUpUser("Frank");
    const list = async (name: string) => (await (await callApi("POST", "/api/lists", { token: frank.token, body: { name } })).json()).id as string;
    const [work, home] = [await list("Work"), await list("Home")];
    const task = async (title: string, listId: string) => (await (await callApi("POST", "/api/tasks", { token: frank.token, body: { title, listId } })).json()).id as string;
    const [atWork, atHome] = [await task("Report", work), await task("Dishes", home)];
    const { token, secret } = await createToken(frank, { name: "Work only", scopes: ["tasks:read", "tasks:write", "tasks:delete", "lists:read"], listIds: [work] });
    expect(token.listIds).toEqual([work]);
    const jwt = await accessTokenFor(secret);
    const call = (method: string, path: string, body?: unknown) => callApi(method, path, { token: jwt, body });
    const refused = async (response: Promise<Response>) => expect((await expectError(await response, 403, "insufficient_scope")).message).toMatch(/limited to some lists/);

    // Reads: only by naming the list, and only its tasks
    const read = await call("GET", `/api/tasks?listId=${work}`);
    expect((await read.json()).tasks.map((t: { id: string }) => t.id)).toEqual([atWork]);
    expect((await call("GET", `/api/tasks/counts?listId=${work}`)).status).toBe(200);
    await refused(call("GET", "/api/tasks"));
    await refused(call("GET", `/api/tasks?listId=${home}`));
    await refused(call("GET", `/api/tasks/counts`));
    expect((await call("GET", `/api/tasks/${atWork}`)).status).toBe(200);
    await refused(call("GET", `/api/tasks/${atHome}`));
    expect((await (await call("GET", "/api/lists")).json()).lists.map((l: { id: string }) => l.id)).toEqual([work]);
    await refused(call("GET", `/api/lists/${home}`));

    // Writes: into its lists only, and nothing written when refused
    const before = await db.prisma.task.count({ where: { userId: frank.id } });
    await refused(call("POST", "/api/tasks", { title: "To the Inbox?" }));
    await refused(call("POST", "/api/tasks", { title: "Home?", listId: home }));
    await refused(call("POST", "/api/tasks", { title: "Under dishes?", parentId: atHome }));
    await refused(call("PATCH", `/api/tasks/${atWork}`, { listId: home }));
    await refused(call("PATCH", `/api/tasks/${atHome}`, { title: "Renamed?" }));
    await refused(call("PATCH", `/api/tasks/${atHome}/complete`));
    await refused(call("DELETE", `/api/tasks/${atHome}`));
    expect(await db.prisma.task.count({ where: { userId: frank.id } })).toBe(before);
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: atHome } })).toMatchObject({ title: "Dishes", completed: false, deletedAt: null });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: atWork } })).listId).toBe(work);
    expect((await call("POST", "/api/tasks", { title: "Slides", listId: work })).status).toBe(201);
    expect((await call("PATCH", `/api/tasks/${atWork}/complete`)).status).toBe(200);
    expect((await call("DELETE", `/api/tasks/${atWork}`)).status).toBe(204);
    expect((await call("POST", `/api/tasks/${atWork}/restore`)).status).toBe(200);

    // Endpoints that cross lists refuse it whatever its scopes
    await refused(call("GET", "/api/trash"));
  });

  it("must be the user's lists, with scopes that stay within lists", async () => {
    const gina = await signUpUser("Gina");
    const otherList = (await (await callApi("POST", "/api/lists", { token: alice.token, body: { name: "Alice's" } })).json()).id;
    const make = (body: Record<string, unknown>) => callApi("POST", "/api/tokens", { token: gina.token, body: { name: "Limited", password: PASSWORD, ...body } });
    await expectError(await make({ scopes: ["tasks:read"], listIds: [otherList] }), 403, "forbidden");
    await expectError(await make({ scopes: ["tasks:read"], listIds: [crypto.randomUUID()] }), 404, "not_found");
    const mine = (await (await callApi("POST", "/api/lists", { token: gina.token, body: { name: "Mine" } })).json()).id;
    const crossing = await expectError(await make({ scopes: ["tasks:read", "labels:read"], listIds: [mine] }), 422, "validation_failed");
    expect(crossing.details!.scopes.join(" ")).toMatch(/labels:read/);
    expect(await db.prisma.apiToken.count({ where: { userId: gina.id } })).toBe(0);
  });
});

describe("managing tokens", () => {
  it("refuses another user's token with 403 and an unknown one with 404, deleting nothing", async () => {
    const { token } = await createToken(alice, { name: "Alice's", scopes: ["tasks:read"] });
    await expectError(await callApi("DELETE", `/api/tokens/${token.id}`, { token: bob.token }), 403, "forbidden");
    await expectError(await callApi("DELETE", `/api/tokens/${crypto.randomUUID()}`, { token: bob.token }), 404, "not_found");
    await expectError(await callApi("DELETE", "/api/tokens/not-an-id", { token: bob.token }), 404, "not_found");
    expect(await db.prisma.apiToken.count({ where: { id: token.id } })).toBe(1);
    await expectError(await callApi("DELETE", `/api/tokens/${token.id}`), 401, "unauthorized");
  });

  it("names each problem of a new token, and writes nothing", async () => {
    const dave = await signUpUser("Dave"); // the password tries below count against his limit, not Alice's
    const before = await db.prisma.apiToken.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "No password", scopes: ["tasks:read"], password: undefined }, "password"],
      [{ name: "Wrong password", scopes: ["tasks:read"], password: "not the password" }, "password"],
      [{ scopes: ["tasks:read"] }, "name"],
      [{ name: " ", scopes: ["tasks:read"] }, "name"],
      [{ name: "x".repeat(61), scopes: ["tasks:read"] }, "name"],
      [{ name: "No scopes", scopes: [] }, "scopes"],
      [{ name: "Unknown", scopes: ["tasks:read", "admin"] }, "scopes.1"],
      [{ name: "Twice", scopes: ["tasks:read", "tasks:read"] }, "scopes"],
      [{ name: "Too long", scopes: ["tasks:read"], expiresInDays: 367 }, "expiresInDays"],
      [{ name: "Zero", scopes: ["tasks:read"], expiresInDays: 0 }, "expiresInDays"],
      [{ name: "Extra", scopes: ["tasks:read"], userId: bob.id }, "userId"],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(await callApi("POST", "/api/tokens", { token: dave.token, body: { password: PASSWORD, ...body } }), 422, "validation_failed");
      expect(Object.keys(error.details!), JSON.stringify(body)).toContain(field);
    }
    expect(await db.prisma.apiToken.count()).toBe(before);
  });

  it(`takes at most ${ACCESS_TOKEN_CREATE_LIMIT.max} passwords per account in ${ACCESS_TOKEN_CREATE_LIMIT.window / 60} minutes`, async () => {
    const erin = await signUpUser("Erin");
    const attempt = (password: string) => callApi("POST", "/api/tokens", { token: erin.token, body: { name: "Guess", scopes: ["tasks:read"], password } });
    for (let i = 0; i < ACCESS_TOKEN_CREATE_LIMIT.max; i++) await expectError(await attempt(`guess ${i}`), 422, "validation_failed");
    const limited = await attempt(PASSWORD); // even the right one, until the window has passed
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectError(limited, 429, "rate_limited");
    expect(await db.prisma.apiToken.count({ where: { userId: erin.id } })).toBe(0);
  });

  it(`holds at most ${TOKENS_PER_USER_MAX} per account`, async () => {
    const carol = await signUpUser("Carol");
    await db.prisma.apiToken.createMany({
      data: Array.from({ length: TOKENS_PER_USER_MAX }, (_, i) => ({ userId: carol.id, name: `t${i}`, prefix: "tsk_xxxx", hash: `hash-${carol.id}-${i}`, scopes: ["tasks:read"] })),
    });
    await expectError(await callApi("POST", "/api/tokens", { token: carol.token, body: { name: "One more", scopes: ["tasks:read"], password: PASSWORD } }), 409, "token_limit_reached");
  });
});
