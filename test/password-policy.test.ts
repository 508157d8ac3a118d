import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PASSWORD_IS_ACCOUNT_NAME, PASSWORD_TOO_COMMON } from "@/lib/accounts/password-policy";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { setUpTestDatabase } from "./support/database";
import { callAuth, signUpUser } from "./support/http";

// New passwords: 8 to 128 characters, not on the list of common passwords, not the account's own
// email or name (NIST SP 800-63B-4); refused with a 400 that names the problem.

const db = setUpTestDatabase();

const newEmail = () => `someone-${crypto.randomUUID().slice(0, 8)}@example.com`;
const signUp = (body: { name: string; email: string; password: string }) => callAuth("/sign-up/email", { body });

describe("new passwords", () => {
  it("are refused at sign-up when common, whatever their case or surrounding spaces", async () => {
    for (const password of ["password123", "Qwerty123", "ILOVEYOU1", "12345678", " sunshine1 ", "Liverpool2024"]) {
      const email = newEmail();
      const response = await signUp({ name: "Someone", email, password });
      expect(response.status, password).toBe(400);
      expect(await response.json()).toEqual(PASSWORD_TOO_COMMON);
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
    }
  });

  it("are refused when they are the account's email, the part before the @, or its name", async () => {
    const email = `ada.lovelace-${crypto.randomUUID().slice(0, 4)}@example.com`;
    for (const password of [email, email.split("@")[0], "Ada Lovelace Byron".toUpperCase()]) {
      const response = await signUp({ name: "Ada Lovelace Byron", email, password });
      expect(response.status, password).toBe(400);
      expect(await response.json()).toEqual(PASSWORD_IS_ACCOUNT_NAME);
    }
    expect((await signUp({ name: "Ada Lovelace Byron", email, password: "analytical engine notes" })).status).toBe(200);
  });

  it("are refused alike whether or not the email has an account", async () => {
    const user = await signUpUser();
    const response = await signUp({ name: "Again", email: user.email, password: "password123" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(PASSWORD_TOO_COMMON);
  });

  it("are refused when changing a password", async () => {
    const user = await signUpUser();
    const response = await callAuth("/change-password", { body: { currentPassword: "correct horse battery", newPassword: "football1" }, cookie: user.cookie });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(PASSWORD_TOO_COMMON);
  });

  it("are refused when a new password is the account's own email", async () => {
    const user = await signUpUser();
    const response = await callAuth("/change-password", { body: { currentPassword: "correct horse battery", newPassword: user.email }, cookie: user.cookie });
    expect(response.status).toBe(400);
    expect((await callAuth("/sign-in/email", { body: { email: user.email, password: user.email } })).status).toBe(401);
  });

  it("come from a list of lower-case entries that the length rule alone would not refuse", () => {
    const entries = fs
      .readFileSync("lib/accounts/common-passwords.txt", "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(entries.length).toBeGreaterThan(5_000);
    expect(entries.filter((entry) => entry !== entry.trim().toLowerCase() || entry.length < PASSWORD_MIN || entry.length > PASSWORD_MAX)).toEqual([]);
  });
});
