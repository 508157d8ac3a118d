import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import * as readyRoute from "@/app/api/health/ready/route";
import { passwordHashing } from "@/lib/accounts/password-hashing";
import { setUpTestDatabase } from "./support/database";
import { apiRequest, callAuth, callRoute, signUpUser } from "./support/http";

// Each server instance hashes a bounded number of passwords at once (lib/accounts/password-hashing.ts):
// a flood of sign-ins is turned away with 503, and the rest of the app keeps answering.

setUpTestDatabase();

const PASSWORD = "correct horse battery"; // signUpUser's

describe("password hashing", () => {
  it("answers 503 with Retry-After and a JSON error, not 500, while every slot and the queue are taken", async () => {
    const user = await signUpUser();
    const release = Promise.withResolvers<void>();
    const held = Array.from({ length: passwordHashing.concurrency + passwordHashing.queueLength }, () => passwordHashing.run(() => release.promise));
    try {
      const signIn = await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } });
      expect(signIn.status).toBe(503);
      expect(signIn.headers.get("Retry-After")).toBe("1");
      expect(await signIn.json()).toEqual({ code: "SERVER_BUSY", message: expect.stringContaining("busy") });
      const signUp = await callAuth("/sign-up/email", { body: { name: "Late", email: `late-${crypto.randomUUID()}@example.com`, password: PASSWORD } });
      expect(signUp.status).toBe(503);
      // An existing email hashes too before it is answered, as a new one would (lib/accounts/existing-account.ts).
      const again = await callAuth("/sign-up/email", { body: { name: "Again", email: user.email, password: PASSWORD } });
      expect(again.status).toBe(503);
    } finally {
      release.resolve();
      await Promise.all(held);
    }
    expect((await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
  });

  it("keeps the app answering during a flood of sign-ins, turning the excess away with 503", async () => {
    // Different emails, so that the per-email delay does not hold the flood back first.
    const flood = Array.from({ length: 30 }, (_, i) => callAuth("/sign-in/email", { body: { email: `flood-${i}-${crypto.randomUUID()}@example.com`, password: PASSWORD } }));
    const ready = await callRoute(readyRoute.GET, apiRequest("/api/health/ready"));
    expect(ready.status).toBe(200);
    const statuses = (await Promise.all(flood)).map((response) => response.status);
    expect(statuses.filter((status) => ![401, 503].includes(status))).toEqual([]);
    // 30 at once against 2 running and 16 waiting: the bound turns some away.
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
  });
});
