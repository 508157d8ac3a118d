import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { beforeAll, describe, expect, it } from "vitest";
import * as mcpRoute from "@/app/api/mcp/route";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { APP_URL, callRoute, PASSWORD, signUpUser, type TestUser } from "./support/http";

// The MCP server at /api/mcp, driven by the official SDK's client over Streamable HTTP (its
// requests go to the real route handler), with access tokens exchanged as a program would.

const db = setUpTestDatabase();

let alice: TestUser;
beforeAll(async () => {
  alice = await signUpUser("Alice");
});

/** A JWT for a new access token of Alice's with these scopes. */
async function tokenWith(scopes: string[]): Promise<{ jwt: string; id: string }> {
  const created = await callApi("POST", "/api/tokens", { token: alice.token, body: { name: `Assistant ${scopes.join(" ")}`, scopes, password: PASSWORD } });
  const { token, secret } = await created.json();
  const exchanged = await callApi("POST", "/api/tokens/exchange", { headers: { authorization: `Bearer ${secret}` } });
  return { jwt: (await exchanged.json()).accessToken, id: token.id };
}

const handlers = mcpRoute as unknown as Record<string, (request: Request, context: { params: Promise<object> }) => Promise<Response>>;
/** fetch for the client: each request goes to the route's handler for its method. */
const routeFetch = (input: string | URL | Request, init?: RequestInit) => {
  const request = new Request(input, init);
  return callRoute(handlers[request.method], request);
};

async function connect(jwt: string): Promise<Client> {
  const client = new Client({ name: "test-assistant", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${APP_URL}/api/mcp`), { fetch: routeFetch, requestInit: { headers: { Authorization: `Bearer ${jwt}` } } });
  await client.connect(transport);
  return client;
}

const textOf = (result: { content?: unknown }) => (result.content as { type: string; text: string }[]).map((part) => part.text).join("\n");

describe("the MCP server", () => {
  it("lists its tools and adds a task with a token that may write, attributed to the token", async () => {
    const { jwt, id } = await tokenWith(["tasks:read", "tasks:write"]);
    const client = await connect(jwt);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["add_task", "complete_task", "delete_task", "get_task", "list_labels", "list_lists", "list_tasks", "update_task"]);
    expect(tools.find((tool) => tool.name === "add_task")!.inputSchema).toMatchObject({ type: "object", properties: { title: expect.any(Object) } });

    const added = await client.callTool({ name: "add_task", arguments: { title: "Book the dentist", priority: "high" } });
    expect(added.isError).toBeFalsy();
    const task = JSON.parse(textOf(added));
    expect(task).toMatchObject({ title: "Book the dentist", priority: "high", completed: false });
    const row = await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.userId).toBe(alice.id);
    const change = await db.prisma.change.findFirstOrThrow({ where: { userId: alice.id, entityId: task.id } });
    expect(change.actor).toBe(`token:${id}`);

    const completed = await client.callTool({ name: "complete_task", arguments: { id: task.id } });
    expect(JSON.parse(textOf(completed)).completed).toBe(true);
    const listed = await client.callTool({ name: "list_tasks", arguments: { q: "dentist" } });
    expect(JSON.parse(textOf(listed)).tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    await client.close();
  });

  it("refuses a tool the token has no scope for, writing nothing", async () => {
    const { jwt } = await tokenWith(["tasks:read"]);
    const client = await connect(jwt);
    const before = await db.prisma.task.count({ where: { userId: alice.id } });
    const refused = await client.callTool({ name: "add_task", arguments: { title: "Sneaked in" } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/tasks:write/);
    expect((await client.callTool({ name: "list_lists", arguments: {} })).isError).toBe(true);
    expect(await db.prisma.task.count({ where: { userId: alice.id } })).toBe(before);
    await client.close();
  });

  it("answers a delete without tasks:delete with a proposal, and deletes with it", async () => {
    const created = await callApi("POST", "/api/tasks", { token: alice.token, body: { title: "Old receipts" } });
    const task = await created.json();
    const writer = await connect((await tokenWith(["tasks:read", "tasks:write"])).jwt);
    const proposal = await writer.callTool({ name: "delete_task", arguments: { id: task.id } });
    expect(JSON.parse(textOf(proposal))).toMatchObject({ done: false, proposal: "Move the task “Old receipts” to the trash." });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).deletedAt).toBeNull();

    const deleter = await connect((await tokenWith(["tasks:delete"])).jwt);
    expect(JSON.parse(textOf(await deleter.callTool({ name: "delete_task", arguments: { id: task.id } })))).toMatchObject({ done: true });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).deletedAt).not.toBeNull();
    await writer.close();
    await deleter.close();
  });

  it("answers bad arguments and another user's task as tool errors, never a 5xx", async () => {
    const bob = await signUpUser("Bob");
    const bobs = await (await callApi("POST", "/api/tasks", { token: bob.token, body: { title: "Bob's" } })).json();
    const client = await connect((await tokenWith(["tasks:read", "tasks:write"])).jwt);
    const invalid = await client.callTool({ name: "add_task", arguments: { title: "", priority: "urgent" } });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toMatch(/Title is required|Priority must be/);
    const others = await client.callTool({ name: "update_task", arguments: { id: bobs.id, changes: { title: "Mine now" } } });
    expect(others.isError).toBe(true);
    expect(textOf(others)).toMatch(/belongs to another user/);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: bobs.id } })).title).toBe("Bob's");
    await client.close();
  });

  it("takes one message at a time, of the methods it serves: no batch, no listening stream", async () => {
    const { jwt } = await tokenWith(["tasks:read", "tasks:write"]);
    const post = (body: unknown) =>
      callRoute(handlers.POST, new Request(`${APP_URL}/api/mcp`, { method: "POST", headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify(body) }));
    const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "add_task", arguments: { title: `Batched ${id}` } } });
    const before = await db.prisma.task.count({ where: { userId: alice.id } });
    const batch = await post([call(1), call(2), call(3)]);
    expect(batch.status).toBe(422);
    expect((await batch.json()).error.message).toMatch(/MCP message/);
    const listen = await post({ jsonrpc: "2.0", id: 1, method: "subscriptions/listen", params: { notifications: { toolsListChanged: true } } });
    expect(listen.status).toBe(422);
    expect(await db.prisma.task.count({ where: { userId: alice.id } })).toBe(before);
  });

  it("needs a valid bearer token: 401 without one", async () => {
    const response = await callRoute(handlers.POST, new Request(`${APP_URL}/api/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) }));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });
});
