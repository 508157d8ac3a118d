import crypto from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createRateLimitStorage } from "@/lib/accounts/rate-limit-storage";
import { createAuth } from "@/lib/better-auth";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { APP_URL, callAuth, randomIp } from "./support/http";

// vitest.config.mts sets AUTH_RATE_LIMIT_MAX=5 (per 60 s per client IP).

const db = setUpTestDatabase();

/** An email without an account, new each time: only the per-address limit applies to it. */
const nobody = () => `nobody-${crypto.randomUUID()}@example.com`;

describe("sign-in and sign-up rate limits", () => {
  it("answer 429 with Retry-After past the limit, per client address", async () => {
    const ip = randomIp();
    const attempt = () => callAuth("/sign-in/email", { body: { email: nobody(), password: "wrong password" }, ip });
    for (let i = 0; i < getEnv().authRateLimit.max; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await callAuth("/sign-in/email", { body: { email: nobody(), password: "wrong password" } });
    expect(other.status).toBe(401);
  });

  it("limit sign-ups too", async () => {
    const ip = randomIp();
    const statuses = [];
    for (let i = 0; i <= getEnv().authRateLimit.max; i++) {
      const response = await callAuth("/sign-up/email", { body: { name: "N", email: `flood${i}@example.com`, password: "a good password" }, ip });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
  });

  it("hold across server instances, because they are counted in the database", async () => {
    const ip = randomIp();
    const otherServer = createAuth(db.prisma, getEnv());
    const viaOtherServer = () =>
      otherServer.handler(
        new Request(`${APP_URL}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { origin: APP_URL, "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({ email: nobody(), password: "wrong password" }),
        }),
      );
    for (let i = 0; i < getEnv().authRateLimit.max; i++) {
      const response = i % 2 ? await viaOtherServer() : await callAuth("/sign-in/email", { body: { email: nobody(), password: "x" }, ip });
      expect(response.status).toBe(401);
    }
    expect((await viaOtherServer()).status).toBe(429);
    expect(await db.prisma.rateLimit.count()).toBeGreaterThan(0);
  });

  it("let a client in again once a window has passed since its last allowed request", async () => {
    const storage = createRateLimitStorage(db.prisma);
    const key = `${randomIp()}|/sign-in/email`;
    const rule = { window: 1, max: 2 };
    expect(await storage.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await storage.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await storage.consume(key, rule)).toEqual({ allowed: false, retryAfter: 1 });
    await sleep(1100);
    expect(await storage.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
  });
});
