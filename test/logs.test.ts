import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { onRequestError } from "@/instrumentation";
import { getAuth } from "@/lib/better-auth";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, signUpUser, tokenFor, type TestUser } from "./support/http";
import { captureLogs, type LogLine } from "./support/logs";
import { callApi } from "./support/api";

// What the server logs: one JSON line per request, nothing secret or personal in it, and the
// request id that the response carries.

const db = setUpTestDatabase();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ANSI_ESCAPE = "\u001b[";

let user: TestUser;
beforeAll(async () => {
  user = await signUpUser();
});

/** Runs `action` with the app's logger writing to memory; the lines it wrote. */
async function logsOf(action: () => Promise<unknown>) {
  const logs = captureLogs();
  try {
    await action();
  } finally {
    logs.stop();
  }
  return { lines: logs.lines, text: logs.text, requestLines: logs.lines.filter((line) => line.msg === "request") };
}

describe("one line per request", () => {
  it("names the method, route pattern, status, duration, request id and user of a task API call", async () => {
    let response!: Response;
    const { requestLines, text } = await logsOf(async () => {
      response = await callApi("GET", "/api/tasks?q=milk", { token: user.token, headers: { "x-request-id": "chosen-by-the-client" } });
    });
    expect(response.status).toBe(200);
    expect(requestLines).toEqual([
      {
        level: "info",
        time: expect.any(String),
        pid: process.pid,
        hostname: expect.any(String),
        msg: "request",
        method: "GET",
        route: "/api/tasks",
        status: 200,
        durationMs: expect.any(Number),
        requestId: response.headers.get("x-request-id")!,
        userId: user.id,
      } satisfies LogLine,
    ]);
    // The id is the server's, never the one the client sent.
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).not.toContain(user.token);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain("milk"); // nor the query: the route is the pattern, not the URL
  });

  it("logs the route's pattern, not the task's id, and no user before the token is accepted", async () => {
    const taskId = crypto.randomUUID();
    const { requestLines, text } = await logsOf(async () => {
      expect((await callApi("GET", `/api/tasks/${taskId}`, { token: user.token })).status).toBe(404);
      expect((await callApi("PATCH", `/api/tasks/${taskId}/complete`)).status).toBe(401);
      expect((await callApi("POST", `/api/tasks/${taskId}`, { token: user.token })).status).toBe(405);
    });
    expect(requestLines.map(({ method, route, status, userId }) => ({ method, route, status, userId }))).toEqual([
      { method: "GET", route: "/api/tasks/[id]", status: 404, userId: user.id },
      { method: "PATCH", route: "/api/tasks/[id]/complete", status: 401, userId: undefined },
      { method: "POST", route: "/api/tasks/[id]", status: 405, userId: undefined },
    ]);
    for (const line of requestLines) expect(line.requestId).toMatch(UUID); // made up where no middleware ran
    expect(new Set(requestLines.map((line) => line.requestId)).size).toBe(3);
    expect(text).not.toContain(taskId);
  });

  it("covers Better Auth's endpoints without the email or password of a sign-up", async () => {
    const email = `logged-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const password = "a password for the logs";
    const { lines, requestLines, text } = await logsOf(async () => {
      const signUp = await callAuth("/sign-up/email", { body: { name: "Logged", email, password } });
      expect(signUp.status).toBe(200);
      await tokenFor(cookiesOf(signUp));
    });
    expect(requestLines.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: "POST", route: "/api/auth/[...all]", status: 200 },
      { method: "GET", route: "/api/auth/[...all]", status: 200 },
    ]);
    expect(lines).toHaveLength(2);
    for (const secret of [email, password, "Logged"]) expect(text).not.toContain(secret);
  });
});

describe("an unexpected error", () => {
  it("is answered 500 with the request id that its log lines carry", async () => {
    // A constraint the code knows nothing about: a bug of ours (a missing table would be a 503).
    await db.prisma.$executeRawUnsafe('ALTER TABLE "task" ADD CONSTRAINT "unexpected_rule" CHECK (false) NOT VALID');
    let response!: Response;
    let lines: LogLine[];
    try {
      ({ lines } = await logsOf(async () => {
        response = await callApi("POST", "/api/tasks", { token: user.token, body: { title: "Refused" } });
      }));
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "task" DROP CONSTRAINT "unexpected_rule"');
    }
    expect(response.status).toBe(500);
    const body = await response.json();
    const requestId = response.headers.get("X-Request-Id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.details.requestId).toBe(requestId);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", msg: "unexpected error", requestId, err: expect.objectContaining({ stack: expect.any(String) }) }),
      expect.objectContaining({ level: "info", msg: "request", status: 500, requestId, userId: user.id }),
    ]);
  });
});

describe("errors that Next.js reports (onRequestError)", () => {
  it("are logged with the request id, route and kind, and none of the request's headers", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    const request = {
      path: "/tasks?q=private",
      method: "GET",
      headers: { "x-request-id": "id-of-the-render", cookie: "better-auth.session_token=secret-cookie", authorization: `Bearer ${user.token}` },
    };
    const context = { routerKind: "App Router", routePath: "/tasks", routeType: "render", revalidateReason: undefined } as const;
    try {
      const { lines, text } = await logsOf(async () => onRequestError(new Error("the page broke"), request, context));
      expect(lines).toEqual([
        expect.objectContaining({
          level: "error",
          msg: "request failed",
          requestId: "id-of-the-render",
          method: "GET",
          routePath: "/tasks",
          routeType: "render",
          err: expect.objectContaining({ message: "the page broke" }),
        }),
      ]);
      for (const secret of ["secret-cookie", user.token, "private"]) expect(text).not.toContain(secret);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("Better Auth's own logs", () => {
  it("are JSON lines of the app's logger, without colour codes or email addresses", async () => {
    const { lines, text } = await logsOf(async () => {
      const refused = await callAuth("/sign-in/email", { body: { email: user.email, password: "not the password" } });
      expect(refused.status).toBe(401);
      const again = await callAuth("/sign-up/email", { body: { name: "Again", email: user.email, password: "another good password" } });
      expect(again.status).toBe(422);
      // What Better Auth says at info about that second sign-up, should its level ever be lowered.
      (await getAuth().$context).logger.warn(`Sign-up attempt for existing email: ${user.email}`);
    });
    expect(lines).toContainEqual(expect.objectContaining({ level: "warn", source: "better-auth", msg: "Invalid password" }));
    expect(lines).toContainEqual(expect.objectContaining({ source: "better-auth", msg: "Sign-up attempt for existing email: [email]" }));
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(ANSI_ESCAPE);
  });
});
