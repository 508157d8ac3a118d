import { PrismaPg } from "@prisma/adapter-pg";
import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import * as tasksRoute from "@/app/api/tasks/route";
import { PrismaClient } from "@/generated/prisma/client";
import { createAuth, ensureSigningKey, SIGNING_KEY_GRACE_SECONDS } from "@/lib/better-auth";
import { createPrismaClient, setPrismaForTests } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, callAuth, callRoute, cookiesOf, signUpUser, tokenFor } from "./support/http";

// Tests run in file order on one fresh database: the first needs it to have no key yet.
const db = setUpTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;

describe("the JWT signing key", () => {
  it("is created once even when 50 token requests race on a fresh database", async () => {
    const signUp = await callAuth("/sign-up/email", { body: { name: "First", email: "first@example.com", password: "a good password" } });
    expect(await db.prisma.jwks.count()).toBe(0); // signing up asks for no token
    const cookie = cookiesOf(signUp);
    const responses = await Promise.all(Array.from({ length: 50 }, () => callAuth("/token", { cookie })));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await db.prisma.jwks.count()).toBe(1);
    const tokens = await Promise.all(responses.map(async (r) => (await r.json()).token as string));
    expect(new Set(tokens.map((t) => decodeProtectedHeader(t).kid)).size).toBe(1);
  });

  it("is prepared at start-up, idempotently", async () => {
    await db.prisma.jwks.deleteMany();
    await Promise.all([ensureSigningKey(), ensureSigningKey(), ensureSigningKey()]);
    expect(await db.prisma.jwks.count()).toBe(1);
    await ensureSigningKey();
    expect(await db.prisma.jwks.count()).toBe(1);
  });

  it("rotates: new-key tokens verify at once, old-key tokens until they expire", async () => {
    const user = await signUpUser();
    const oldToken = user.token;
    const oldKid = decodeProtectedHeader(oldToken).kid;
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: oldToken }))).status).toBe(200); // keys now cached

    // 30 days later the key reaches its rotation date; the next token request creates a new key.
    await db.prisma.jwks.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const newToken = await tokenFor(user.cookie);
    const newKid = decodeProtectedHeader(newToken).kid;
    expect(newKid).not.toBe(oldKid);
    expect(await db.prisma.jwks.count()).toBe(2);

    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: newToken }))).status).toBe(200);
    expect((await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: oldToken }))).status).toBe(200);

    // Both keys are published while the old one is in its grace period.
    const { keys } = await (await callAuth("/jwks")).json();
    expect(keys.map((k: { kid: string }) => k.kid).sort()).toEqual([oldKid, newKid].sort());
  });

  it("stops being published once its grace period is over", async () => {
    const user = await signUpUser();
    const kid = decodeProtectedHeader(user.token).kid;
    await db.prisma.jwks.update({ where: { id: kid }, data: { expiresAt: new Date(Date.now() - SIGNING_KEY_GRACE_SECONDS * 1000 - DAY_MS) } });
    const { keys } = await (await callAuth("/jwks")).json();
    expect(keys.map((k: { kid: string }) => k.kid)).not.toContain(kid);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("is created once when several servers start on one fresh database", async () => {
    await db.prisma.jwks.deleteMany();
    // Each "server" has its own connection pool and its own Better Auth instance.
    const servers = Array.from({ length: 4 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url! }) }));
    try {
      await Promise.all(servers.flatMap((prisma) => Array.from({ length: 5 }, () => createAuth(prisma, getEnv()).api.getJwks())));
      expect(await db.prisma.jwks.count()).toBe(1);
    } finally {
      await Promise.all(servers.map((prisma) => prisma.$disconnect()));
    }
  });
});

describe("when the keys cannot be loaded", () => {
  it("the API answers 503, not 401", async () => {
    const user = await signUpUser();
    const down = createPrismaClient("postgres://nobody:nothing@127.0.0.1:9/none");
    setPrismaForTests(down);
    try {
      const response = await callRoute(tasksRoute.GET, apiRequest("/api/tasks", { token: user.token }));
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe("service_unavailable");
    } finally {
      setPrismaForTests(db.prisma);
      await down.$disconnect();
    }
  });
});
