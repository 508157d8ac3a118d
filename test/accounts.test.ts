import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import * as tasksRoute from "@/app/api/tasks/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import { ACCOUNT_EXISTS } from "@/lib/accounts/existing-account";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, APP_URL, callAuth, callRoute, cookiesOf, PASSWORD, randomIp, signUpUser, tokenFor } from "./support/http";

const db = setUpTestDatabase();

describe("accounts", () => {
  it("signs up with email and password and returns a session cookie", async () => {
    const response = await callAuth("/sign-up/email", { body: { name: "Ada", email: "ada@example.com", password: "a good password" } });
    expect(response.status).toBe(200);
    expect(cookiesOf(response)).toMatch(/better-auth\.session_token=/);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: "ada@example.com", name: "Ada" });
    expect(JSON.stringify(body)).not.toContain("a good password");
  });

  it("refuses passwords shorter than 8 or longer than 128 characters", async () => {
    for (const password of ["short", "x".repeat(129)]) {
      const response = await callAuth("/sign-up/email", { body: { name: "P", email: `p${password.length}@example.com`, password } });
      expect(response.status).toBe(400);
    }
  });

  it("refuses a second account with the same email, whatever its case, saying what to do instead", async () => {
    const body = { name: "Twin", email: "twin@example.com", password: "a good password" };
    expect((await callAuth("/sign-up/email", { body })).status).toBe(200);
    for (const email of ["twin@example.com", "Twin@Example.com"]) {
      const again = await callAuth("/sign-up/email", { body: { ...body, email, password: "another good password" } });
      expect(again.status).toBe(422);
      expect(await again.json()).toEqual(ACCOUNT_EXISTS);
      expect(cookiesOf(again)).toBe("");
    }
    expect(await db.prisma.user.count({ where: { email: "twin@example.com" } })).toBe(1);
  });

  it("keeps the theme out of sign-up and the profile endpoint: only Settings sets it", async () => {
    const email = `theme-${crypto.randomUUID().slice(0, 8)}@example.com`;
    // Sign-up ignores it (the default is kept); the profile endpoint refuses it.
    const signUp = await callAuth("/sign-up/email", { body: { name: "Themed", email, password: PASSWORD, theme: "dark" } });
    expect(signUp.status).toBe(200);
    expect((await (await callAuth("/get-session", { cookie: cookiesOf(signUp) })).json()).user.theme).toBe("system");
    const user = await signUpUser("Plain");
    expect((await callAuth("/update-user", { body: { theme: "dark" }, cookie: user.cookie })).status).toBe(400);
    expect((await (await callAuth("/get-session", { cookie: user.cookie })).json()).user.theme).toBe("system");
  });

  it("signs in with the right password only", async () => {
    await callAuth("/sign-up/email", { body: { name: "Bo", email: "bo@example.com", password: "bo's password" } });
    const wrong = await callAuth("/sign-in/email", { body: { email: "bo@example.com", password: "not bo's password" } });
    expect(wrong.status).toBe(401);
    const right = await callAuth("/sign-in/email", { body: { email: "bo@example.com", password: "bo's password" } });
    expect(right.status).toBe(200);
    expect(cookiesOf(right)).toMatch(/better-auth\.session_token=/);
  });

  it("stores passwords hashed, never as typed", async () => {
    const response = await callAuth("/sign-up/email", { body: { name: "Cy", email: "cy@example.com", password: "plain text secret" } });
    const { user } = await response.json();
    const account = await db.prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain("plain text secret");
    expect(account.password!.length).toBeGreaterThan(40);
  });
});

describe("API tokens", () => {
  it("are EdDSA JWTs for 15 minutes, issued by the app for the tasks API, carrying only the user and session ids", async () => {
    const user = await signUpUser();
    const header = decodeProtectedHeader(user.token);
    expect(header.alg).toBe("EdDSA");
    expect(header.kid).toEqual(expect.any(String));
    const claims = decodeJwt(user.token);
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "sid", "sub"]);
    const session = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(claims).toMatchObject({ sub: user.id, sid: session.id, iss: APP_URL, aud: "tasks-api" });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
  });

  it("are only given to a signed-in session", async () => {
    expect((await callAuth("/token")).status).toBe(401);
  });

  it("and everything else that carries a token or private data is never cached", async () => {
    const user = await signUpUser();
    const responses = [
      await callAuth("/token", { cookie: user.cookie }),
      await callAuth("/get-session", { cookie: user.cookie }),
      await callAuth("/sign-in/email", { body: { email: user.email, password: "correct horse battery" } }),
      await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: user.token })),
      await callRoute(tasksRoute.GET, apiRequest("/api/tasks")),
    ];
    for (const response of responses) expect(response.headers.get("cache-control"), response.url).toMatch(/no-store/);
  });

  it("verify against the published keys, which hold no private parts", async () => {
    const response = await callAuth("/jwks");
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      expect(key).not.toHaveProperty("d");
    }
  });

  it("are not attached to every get-session response", async () => {
    const user = await signUpUser();
    const response = await callAuth("/get-session", { cookie: user.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-auth-jwt")).toBeNull();
  });
});

describe("signing out", () => {
  it("ends the browser session and, with it, the tokens it was given (tested in revocation.test.ts)", async () => {
    const user = await signUpUser();
    const signOut = await callAuth("/sign-out", { method: "POST", body: {}, cookie: user.cookie });
    expect(signOut.status).toBe(200);
    expect((await callAuth("/get-session", { cookie: user.cookie }).then((r) => r.json())) ?? null).toBeNull();
    expect((await callAuth("/token", { cookie: user.cookie })).status).toBe(401);
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: user.token }))).status).toBe(401);
  });
});

describe("the security plan's required tests", () => {
  it("rejects a request without a JWT", async () => {
    const response = await callRoute(tasksRoute.GET, apiRequest("/api/tasks"));
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("rejects a request with an invalid JWT", async () => {
    const user = await signUpUser();
    const tampered = `${user.token.slice(0, -6)}AAAAAA`;
    const response = await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: tampered }));
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("allows a request with a valid JWT", async () => {
    const user = await signUpUser();
    const created = await callRoute(tasksRoute.POST, apiRequest("/api/tasks", { method: "POST", token: user.token, body: { title: "Buy milk" } }));
    expect(created.status).toBe(201);
    const list = await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: user.token }));
    expect(list.status).toBe(200);
    expect((await list.json()).tasks.map((t: { title: string }) => t.title)).toEqual(["Buy milk"]);
  });

  it("does not let user A access user B's tasks", async () => {
    const [alice, bob] = await Promise.all([signUpUser("Alice"), signUpUser("Bob")]);
    const created = await callRoute(tasksRoute.POST, apiRequest("/api/tasks", { method: "POST", token: bob.token, body: { title: "Bob's secret" } }));
    const { id } = await created.json();
    const read = await callRoute(taskRoute.GET, apiRequest(`/api/tasks/${id}`, { token: alice.token }), { id });
    expect(read.status).toBe(403);
    expect(JSON.stringify(await read.json())).not.toContain("Bob's secret");
    const list = await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: alice.token }));
    expect((await list.json()).tasks).toEqual([]);
  });

  it("gives a new session after sign-in a token that works", async () => {
    const user = await signUpUser();
    const signIn = await callAuth("/sign-in/email", { body: { email: user.email, password: "correct horse battery" }, ip: randomIp() });
    const token = await tokenFor(cookiesOf(signIn));
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token }))).status).toBe(200);
  });
});
