import { afterEach, describe, expect, it, vi } from "vitest";
import * as tasksRoute from "@/app/api/tasks/route";
import { API_TOKEN_LIFETIME_SECONDS } from "@/lib/api-token";
import { SESSION_CHECK_INTERVAL_MS } from "@/lib/session-liveness";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, callAuth, callRoute, cookiesOf, PASSWORD, signUpUser, tokenFor, type TestUser } from "./support/http";

// A token is only as good as the session it was issued from: once that session ends, the token
// is refused. An instance that checked the session recently trusts its answer for
// SESSION_CHECK_INTERVAL_MS (so the API pays no database round trip per request), so revocation
// reaches every instance within that interval, well inside a minute.

const db = setUpTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

const listWith = async (token: string) => (await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token }))).status;
const createWith = async (token: string) =>
  (await callRoute(tasksRoute.POST, apiRequest("/api/tasks", { method: "POST", token, body: { title: "after revocation" } }))).status;

/** After `revoke`, every token of the session stops working within the interval, for reading and writing. */
async function expectRevoked(user: TestUser, revoke: () => Promise<void>) {
  const another = await tokenFor(user.cookie); // a second token of the same session
  expect(await listWith(user.token)).toBe(200); // the session is checked, and the answer cached
  await revoke();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + SESSION_CHECK_INTERVAL_MS + 1_000);
  for (const token of [user.token, another]) {
    expect(await listWith(token)).toBe(401);
    expect(await createWith(token)).toBe(401);
  }
  expect(await db.prisma.task.count({ where: { userId: user.id, title: "after revocation" } })).toBe(0);
}

describe("tokens already issued stop working", () => {
  it("after signing out", async () => {
    const user = await signUpUser();
    await expectRevoked(user, async () => {
      expect((await callAuth("/sign-out", { method: "POST", body: {}, cookie: user.cookie })).status).toBe(200);
    });
  });

  it("after signing out everywhere (from another device)", async () => {
    const user = await signUpUser();
    const other = cookiesOf(await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } }));
    await expectRevoked(user, async () => {
      expect((await callAuth("/revoke-sessions", { method: "POST", body: {}, cookie: other })).status).toBe(200);
    });
  });

  it("after one session is revoked from another device", async () => {
    const user = await signUpUser();
    const other = cookiesOf(await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } }));
    const session = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    await expectRevoked(user, async () => {
      expect((await callAuth("/revoke-session", { method: "POST", body: { token: session.token }, cookie: other })).status).toBe(200);
    });
  });

  it("after a password change, even when the client did not ask to end other sessions", async () => {
    const user = await signUpUser();
    let changed!: Response;
    await expectRevoked(user, async () => {
      changed = await callAuth("/change-password", {
        method: "POST",
        body: { currentPassword: PASSWORD, newPassword: "a new and longer passphrase", revokeOtherSessions: false },
        cookie: user.cookie,
      });
      expect(changed.status).toBe(200);
    });
    vi.useRealTimers();
    // The device that changed it carries on with a new session and new tokens.
    expect(await listWith(await tokenFor(cookiesOf(changed)))).toBe(200);
  });

  it("after the account is deleted", async () => {
    const user = await signUpUser();
    await expectRevoked(user, async () => {
      await db.prisma.user.delete({ where: { id: user.id } });
    });
  });

  it("but not after another user signs out", async () => {
    const [user, other] = await Promise.all([signUpUser(), signUpUser()]);
    expect((await callAuth("/sign-out", { method: "POST", body: {}, cookie: other.cookie })).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_CHECK_INTERVAL_MS + 1_000);
    expect(await listWith(user.token)).toBe(200);
  });

  it("at its expiry, though this instance verified it before and remembers it (lib/auth.ts)", async () => {
    const user = await signUpUser();
    expect(await listWith(user.token)).toBe(200);
    expect(await listWith(user.token)).toBe(200); // the second time from what the instance remembers
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + API_TOKEN_LIFETIME_SECONDS * 1000 + 10_000);
    const response = await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: user.token }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe("The token has expired.");
  });
});
