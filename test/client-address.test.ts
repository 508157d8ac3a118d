import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { withEnv } from "./support/env";
import { callAuth, randomIp } from "./support/http";

// Every per-address limit counts the address that the configured source names (lib/client-address.ts),
// never one a client wrote itself. vitest.config.mts sets AUTH_RATE_LIMIT_MAX=5.

setUpTestDatabase();

/** A wrong sign-in of an email without an account (new each time, so only the per-address limit applies). */
const failedSignIn = (headers: Record<string, string>) =>
  callAuth("/sign-in/email", { body: { email: `nobody-${crypto.randomUUID()}@example.com`, password: "wrong password" }, headers });

/** The statuses of `max + 1` attempts, each with the headers `headersOf(i)` gives. */
async function statusesOf(headersOf: (attempt: number) => Record<string, string>): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i <= getEnv().authRateLimit.max; i++) statuses.push((await failedSignIn(headersOf(i))).status);
  return statuses;
}

const limitedOnLastAttempt = () => [...Array(getEnv().authRateLimit.max).fill(401), 429];

describe("on Vercel", () => {
  withEnv({ VERCEL: "1", CLIENT_IP_HEADER: "" }); // the tests' proxy setting is not Vercel's

  it("counts an attacker by the platform's x-real-ip, however they rotate X-Forwarded-For", async () => {
    const attacker = randomIp();
    expect(await statusesOf(() => ({ "x-real-ip": attacker, "x-forwarded-for": randomIp() }))).toEqual(limitedOnLastAttempt());
    expect((await failedSignIn({ "x-real-ip": randomIp(), "x-forwarded-for": attacker })).status).toBe(401);
  });

  it("counts an IPv6 client per /64, so rotating addresses inside it does not help", async () => {
    const prefix = `2001:db8:${crypto.randomInt(0xffff).toString(16)}:${crypto.randomInt(0xffff).toString(16)}`;
    expect(await statusesOf((i) => ({ "x-real-ip": `${prefix}::${i + 1}` }))).toEqual(limitedOnLastAttempt());
    expect((await failedSignIn({ "x-real-ip": `${prefix}:ffff:ffff:ffff:ffff` })).status).toBe(429);
    expect((await failedSignIn({ "x-real-ip": `2001:db8:ffff:${crypto.randomInt(0xffff).toString(16)}::1` })).status).toBe(401);
  });
});

describe("behind a proxy that appends to X-Forwarded-For", () => {
  const proxy = "10.0.0.5";
  withEnv({ CLIENT_IP_HEADER: `x-forwarded-for ${proxy}` });

  it("counts the address the proxy saw, ignoring what the client put before it", async () => {
    const attacker = "203.0.113.7";
    expect(await statusesOf(() => ({ "x-forwarded-for": `${randomIp()}, ${attacker}, ${proxy}` }))).toEqual(limitedOnLastAttempt());
  });

  it("keeps clients of multi-valued headers apart instead of merging them into one bucket", async () => {
    const first = "198.51.100.1";
    expect(await statusesOf(() => ({ "x-forwarded-for": `${first}, ${proxy}` }))).toEqual(limitedOnLastAttempt());
    expect((await failedSignIn({ "x-forwarded-for": `198.51.100.2, ${proxy}` })).status).toBe(401);
  });
});
