import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/better-auth";
import { setUpTestDatabase } from "./support/database";
import { callAuth, signUpUser } from "./support/http";
import { captureLogs } from "./support/logs";

setUpTestDatabase();

const ANSI_ESCAPE = "\u001b[";

describe("Better Auth's own logs", () => {
  it("are JSON lines of the app's logger, without colour codes or email addresses", async () => {
    const user = await signUpUser();
    const logs = captureLogs();
    try {
      const refused = await callAuth("/sign-in/email", { body: { email: user.email, password: "not the password" } });
      expect(refused.status).toBe(401);
      const again = await callAuth("/sign-up/email", { body: { name: "Again", email: user.email, password: "another good password" } });
      expect(again.status).toBe(422);
      // What Better Auth says at info about that second sign-up, should its level ever be lowered.
      (await getAuth().$context).logger.warn(`Sign-up attempt for existing email: ${user.email}`);
    } finally {
      logs.stop();
    }
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: "warn", source: "better-auth", msg: "Invalid password" }));
    expect(logs.lines).toContainEqual(expect.objectContaining({ source: "better-auth", msg: "Sign-up attempt for existing email: [email]" }));
    expect(logs.text).not.toContain(user.email);
    expect(logs.text).not.toContain(ANSI_ESCAPE);
  });
});
