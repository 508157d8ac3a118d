import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitAuthForm } from "@/lib/accounts/auth-form";
import type { AuthFormState, AuthMode } from "@/lib/accounts/auth-form-state";
import { ACCOUNT_EXISTS } from "@/lib/accounts/existing-account";
import { NAME_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { PASSWORD_TOO_COMMON } from "@/lib/accounts/password-policy";
import { getAuth } from "@/lib/better-auth";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { callAuth, PASSWORD, randomIp, signUpUser } from "./support/http";

// The sign-in and sign-up forms' server side (lib/accounts/auth-form.ts), called as their server
// actions call it, with a request's headers, against a real database. vitest.config.mts: 5
// attempts per address per 60 s; sign-in delays after 3 failures of one email.

const db = setUpTestDatabase();

const nobody = () => `nobody-${crypto.randomUUID()}@example.com`;

function submit(mode: AuthMode, fields: Record<string, string>, ip = randomIp()): Promise<AuthFormState> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return submitAuthForm(mode, form, new Headers({ "x-forwarded-for": ip }));
}

describe("the sign-in and sign-up forms", () => {
  it("sign up and sign in, then go to the return path, or to /tasks when it leads elsewhere", async () => {
    const email = nobody();
    const signedUp = await submit("sign-up", { name: "Form User", email, password: PASSWORD, next: "/tasks?from=bookmark" });
    expect(signedUp).toEqual({ values: { name: "Form User", email }, location: "/tasks?from=bookmark" });
    expect(await db.prisma.session.count({ where: { user: { email } } })).toBe(1);

    const signedIn = await submit("sign-in", { email, password: PASSWORD, next: "//evil.example/tasks" });
    expect(signedIn.location).toBe("/tasks");
    expect(await db.prisma.session.count({ where: { user: { email } } })).toBe(2);
  });

  it("count against the same per-address limit as the JSON endpoints, in both directions", async () => {
    const ip = randomIp();
    const { max } = getEnv().authRateLimit;
    for (let i = 0; i < max - 1; i++) expect((await callAuth("/sign-in/email", { body: { email: nobody(), password: "wrong password" }, ip })).status).toBe(401);
    expect((await submit("sign-in", { email: nobody(), password: "wrong password" }, ip)).problem?.message).toBe("Wrong email or password.");
    const limited = await submit("sign-in", { email: nobody(), password: "wrong password" }, ip);
    expect(limited.problem).toEqual({ message: expect.stringMatching(/^Too many attempts: try again in \d+ (seconds?|minute)\.$/), fields: [] });
    expect((await callAuth("/sign-in/email", { body: { email: nobody(), password: "wrong password" }, ip })).status).toBe(429);

    const signUpIp = randomIp();
    for (let i = 0; i < max; i++) expect((await submit("sign-up", { name: "Flood", email: nobody(), password: PASSWORD }, signUpIp)).location).toBe("/tasks");
    expect((await callAuth("/sign-up/email", { body: { name: "Flood", email: nobody(), password: PASSWORD }, ip: signUpIp })).status).toBe(429);
  });

  it("must count for themselves: Better Auth's rate limiter does not see auth.api calls", async () => {
    const headers = new Headers({ "x-forwarded-for": randomIp() });
    const codes = [];
    for (let i = 0; i <= getEnv().authRateLimit.max + 1; i++) {
      const failure = await getAuth()
        .api.signInEmail({ body: { email: nobody(), password: "wrong password" }, headers })
        .catch((error: { body?: { code?: string } }) => error.body?.code);
      codes.push(failure);
    }
    expect(new Set(codes)).toEqual(new Set(["INVALID_EMAIL_OR_PASSWORD"]));
  });

  it("keep the per-email sign-in delay", async () => {
    const user = await signUpUser();
    for (let i = 0; i < getEnv().signInDelay.failuresBeforeDelay; i++) expect((await submit("sign-in", { email: user.email, password: "wrong password" })).problem?.message).toBe("Wrong email or password.");
    const delayed = await submit("sign-in", { email: user.email, password: PASSWORD });
    expect(delayed.location).toBeUndefined();
    expect(delayed.problem?.message).toMatch(/^Too many attempts/);
  });

  it("answer an existing account and a weak password as the JSON endpoint does, about the field concerned", async () => {
    const user = await signUpUser();
    expect((await submit("sign-up", { name: "Twin", email: user.email.toUpperCase(), password: PASSWORD })).problem).toEqual({ message: ACCOUNT_EXISTS.message, fields: ["email"] });
    expect((await submit("sign-up", { name: "Weak", email: nobody(), password: "Password123" })).problem).toEqual({ message: PASSWORD_TOO_COMMON.message, fields: ["password"] });
  });

  it("say what is wrong in sentences, never Better Auth's raw validation text, naming the fields", async () => {
    const cases: [AuthMode, Record<string, string>, AuthFormState["problem"]][] = [
      ["sign-in", {}, { message: "Fill in every field.", fields: ["email", "password"] }],
      ["sign-up", { name: "  ", email: nobody(), password: PASSWORD }, { message: "Enter your name.", fields: ["name"] }],
      ["sign-in", { email: nobody() }, { message: "Enter your password.", fields: ["password"] }],
      ["sign-up", { name: "N", email: "not an email", password: PASSWORD }, { message: "Enter an email address like name@example.com.", fields: ["email"] }],
      ["sign-in", { email: "name@", password: PASSWORD }, { message: "Enter an email address like name@example.com.", fields: ["email"] }],
      ["sign-up", { name: "N", email: nobody(), password: "short" }, { message: `Passwords must be at least ${PASSWORD_MIN} characters.`, fields: ["password"] }],
      ["sign-up", { name: "x".repeat(NAME_MAX + 1), email: nobody(), password: PASSWORD }, { message: `Name must be at most ${NAME_MAX} characters.`, fields: ["name"] }],
      ["sign-up", { name: "N\u0000", email: nobody(), password: PASSWORD }, { message: "Remove the invalid characters and try again.", fields: ["name"] }],
    ];
    for (const [mode, fields, problem] of cases) {
      const state = await submit(mode, fields);
      expect(state.problem, JSON.stringify(fields)).toEqual(problem);
      expect(state.problem?.message).not.toMatch(/\[body|Invalid email|VALIDATION/);
    }
  });

  it("give back what was typed, trimmed, but never the password", async () => {
    const state = await submit("sign-up", { name: " Ada ", email: " not an email ", password: "a secret password" });
    expect(state.values).toEqual({ name: "Ada", email: "not an email" });
    expect(JSON.stringify(state)).not.toContain("a secret password");
  });
});
