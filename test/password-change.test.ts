import { describe, expect, it } from "vitest";
import { PASSWORD_CHANGE_LIMIT } from "@/lib/accounts/limits";
import { setUpTestDatabase } from "./support/database";
import { callAuth, PASSWORD, signUpUser } from "./support/http";

// Changing the password asks for the current one. Someone holding a session left open could
// guess it: attempts are counted per account, from any address, through Better Auth's JSON
// endpoint as through the settings page (both pass lib/accounts/hooks.ts).

setUpTestDatabase();

const NEW_PASSWORD = "another good passphrase";

describe("password changes", () => {
  it("are limited per account from any address; past the limit even the right password waits, and nothing changes", async () => {
    const user = await signUpUser();
    const change = (currentPassword: string) => callAuth("/change-password", { body: { currentPassword, newPassword: NEW_PASSWORD }, cookie: user.cookie }); // a new address each time
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.max; i++) {
      const refused = await change("not the password");
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { code: string }).code).toBe("INVALID_PASSWORD");
    }
    const limited = await change(PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("TOO_MANY_ATTEMPTS");

    expect((await callAuth("/sign-in/email", { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
    const other = await signUpUser();
    expect((await callAuth("/change-password", { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, cookie: other.cookie })).status).toBe(200);
  });
});
