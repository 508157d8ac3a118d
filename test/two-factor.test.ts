import { describe, expect, it } from "vitest";
import { eraseUser } from "@/lib/accounts/delete-account";
import { BACKUP_CODE_COUNT, SECOND_STEP_ACCOUNT_LIMIT, TWO_FACTOR_SETTINGS_LIMIT } from "@/lib/accounts/limits";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, PASSWORD, signUpUser, tokenFor, type TestUser } from "./support/http";
import { secretOf, totpCode, wrongCode } from "./support/totp";

// Two-step sign-in through the real auth routes: what a person setting it up sees, and what an
// attacker holding the password (or a used backup code, or a guess) gets: no session, no token.

const db = setUpTestDatabase();

const post = (path: string, body: unknown, cookie?: string) => callAuth(path, { body, cookie });
/**
 * A code the app shows `steps` 30-second steps from now. A code works once, and set-up used the
 * current one; the next step's is accepted as well (clock drift), so a sign-in right after set-up uses that.
 */
const codeIn = (secret: string, steps: number) => totpCode(secret, Date.now() + steps * 30_000);
const codeOf = (response: Response) => response.clone().json().then((body: { code?: string }) => body.code);

/** A user with two-step sign-in on: its secret (base32) and backup codes. */
async function userWithTwoFactor(): Promise<TestUser & { secret: string; backupCodes: string[] }> {
  const user = await signUpUser("Careful");
  const enabled = await post("/two-factor/enable", { password: PASSWORD }, user.cookie);
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
  const secret = secretOf(totpURI);
  const confirmed = await post("/two-factor/verify-totp", { code: totpCode(secret) }, user.cookie);
  expect(confirmed.status).toBe(200);
  // Confirming rotates the session: the old cookie's session is gone.
  return { ...user, cookie: cookiesOf(confirmed), secret, backupCodes };
}

/** The password step: it answers with a challenge (a cookie), not a session. */
async function passwordStep(email: string): Promise<string> {
  const response = await post("/sign-in/email", { email, password: PASSWORD });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
  const cookie = cookiesOf(response);
  expect(cookie).toMatch(/two_factor=[^;]+/);
  return cookie;
}

describe("setting up two-step sign-in", () => {
  it("takes the password, then a first code from the app; until that code, sign-in asks for the password only", async () => {
    const user = await signUpUser("Setting up");
    const wrong = await post("/two-factor/enable", { password: "not my password" }, user.cookie);
    expect(wrong.status).toBe(400);
    expect(await codeOf(wrong)).toBe("INVALID_PASSWORD");

    const enabled = await post("/two-factor/enable", { password: PASSWORD }, user.cookie);
    expect(enabled.status).toBe(200);
    const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Tasks:/);
    expect(new URL(totpURI).searchParams.get("issuer")).toBe("Tasks");
    expect(backupCodes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(backupCodes).size).toBe(BACKUP_CODE_COUNT);

    // Not on yet: the password alone still signs in.
    const before = await post("/sign-in/email", { email: user.email, password: PASSWORD });
    expect(before.status).toBe(200);
    expect(await before.json()).toHaveProperty("token");

    const secret = secretOf(totpURI);
    const mistyped = await post("/two-factor/verify-totp", { code: wrongCode(secret) }, user.cookie);
    expect(mistyped.status).toBe(401);
    expect(await codeOf(mistyped)).toBe("INVALID_CODE");
    const confirmed = await post("/two-factor/verify-totp", { code: totpCode(secret) }, user.cookie);
    expect(confirmed.status).toBe(200);
    const session = await (await callAuth("/get-session", { cookie: cookiesOf(confirmed) })).json();
    expect(session.user.twoFactorEnabled).toBe(true);
  });

  it("refuses to start again while it is on, and its settings need the password", async () => {
    const user = await userWithTwoFactor();
    expect(await codeOf(await post("/two-factor/enable", { password: PASSWORD }, user.cookie))).toBe("TOTP_ALREADY_ENABLED");
    expect((await post("/two-factor/generate-backup-codes", { password: "guess" }, user.cookie)).status).toBe(400);
    expect((await post("/two-factor/disable", { password: "guess" }, user.cookie)).status).toBe(400);
    // Without a session, nothing at all.
    for (const path of ["/two-factor/enable", "/two-factor/disable", "/two-factor/generate-backup-codes"]) {
      expect((await post(path, { password: PASSWORD })).status).toBe(401);
    }
  });

  it("limits password guesses at its settings per account, whatever the client address", async () => {
    const user = await signUpUser("Guessed at");
    for (let guess = 0; guess < TWO_FACTOR_SETTINGS_LIMIT.max; guess++) expect((await post("/two-factor/enable", { password: `guess ${guess}` }, user.cookie)).status).toBe(400);
    const limited = await post("/two-factor/enable", { password: PASSWORD }, user.cookie);
    expect(limited.status).toBe(429);
    expect(await codeOf(limited)).toBe("TOO_MANY_ATTEMPTS");
  });
});

describe("signing in with two-step sign-in on", () => {
  it("gives the password step no session and no token; the code from the app does", async () => {
    const user = await userWithTwoFactor();
    const challenge = await passwordStep(user.email);
    expect(await (await callAuth("/get-session", { cookie: challenge })).json()).toBeNull();
    expect((await callAuth("/token", { cookie: challenge })).status).toBe(401);

    const wrong = await post("/two-factor/verify-totp", { code: wrongCode(user.secret) }, challenge);
    expect(wrong.status).toBe(401);
    const right = await post("/two-factor/verify-totp", { code: codeIn(user.secret, 1) }, challenge);
    expect(right.status).toBe(200);
    const token = await tokenFor(cookiesOf(right));
    expect((await callApi("GET", "/api/tasks", { token })).status).toBe(200);
    // The challenge was used up.
    expect((await post("/two-factor/verify-totp", { code: codeIn(user.secret, 0) }, challenge)).status).toBe(401);
  });

  it("takes a code from the app once: the same code cannot sign in again", async () => {
    const user = await userWithTwoFactor();
    // Set-up used the current code: an attacker who saw it typed gets nothing with it.
    const replayed = await post("/two-factor/verify-totp", { code: codeIn(user.secret, 0) }, await passwordStep(user.email));
    expect(replayed.status).toBe(401);
    expect(await codeOf(replayed)).toBe("CODE_ALREADY_USED");
    expect((await post("/two-factor/verify-totp", { code: codeIn(user.secret, 1) }, await passwordStep(user.email))).status).toBe(200);
    expect(await codeOf(await post("/two-factor/verify-totp", { code: codeIn(user.secret, 1) }, await passwordStep(user.email)))).toBe("CODE_ALREADY_USED");
  });

  it("takes each backup code once", async () => {
    const user = await userWithTwoFactor();
    const [first, second] = user.backupCodes;
    // disableSession (spend the code, get the account's details, no session) is not honoured.
    const signedIn = await post("/two-factor/verify-backup-code", { code: first, disableSession: true }, await passwordStep(user.email));
    expect(signedIn.status).toBe(200);
    expect(cookiesOf(signedIn)).toMatch(/session_token=[^;]+/);

    const again = await passwordStep(user.email);
    const reused = await post("/two-factor/verify-backup-code", { code: first }, again);
    expect(reused.status).toBe(401);
    expect(await codeOf(reused)).toBe("INVALID_BACKUP_CODE");
    expect((await post("/two-factor/verify-backup-code", { code: second }, again)).status).toBe(200);
  });

  it("ends a challenge after 5 wrong codes", async () => {
    const user = await userWithTwoFactor();
    const cookie = await passwordStep(user.email);
    for (let attempt = 0; attempt < 5; attempt++) expect((await post("/two-factor/verify-totp", { code: wrongCode(user.secret) }, cookie)).status).toBe(401);
    const sixth = await post("/two-factor/verify-totp", { code: codeIn(user.secret, 1) }, cookie);
    expect(sixth.status).toBe(400);
    expect(await codeOf(sixth)).toBe("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
  });

  it(`takes at most ${SECOND_STEP_ACCOUNT_LIMIT.max} codes per account in ${SECOND_STEP_ACCOUNT_LIMIT.window / 60} minutes, even sent at once from many addresses`, async () => {
    const user = await userWithTwoFactor(); // its set-up's code counts too
    const challenges: string[] = [];
    for (let challenge = 0; challenge < 4; challenge++) challenges.push(await passwordStep(user.email));
    const guesses = await Promise.all(challenges.flatMap((cookie) => [0, 1, 2].map(() => post("/two-factor/verify-totp", { code: wrongCode(user.secret) }, cookie))));
    const statuses = guesses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(SECOND_STEP_ACCOUNT_LIMIT.max - 1);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12 - (SECOND_STEP_ACCOUNT_LIMIT.max - 1));
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // Now even the right code waits.
    const locked = await post("/two-factor/verify-totp", { code: codeIn(user.secret, 1) }, await passwordStep(user.email));
    expect(locked.status).toBe(429);
    expect(await codeOf(locked)).toBe("TOO_MANY_ATTEMPTS");
  });

  it("takes no issuer or method from the client at set-up", async () => {
    const user = await signUpUser("Hostile set-up");
    const response = await post("/two-factor/enable", { password: PASSWORD, issuer: "\ud800", method: "otp" }, user.cookie);
    expect(response.status).toBe(200);
    const { totpURI } = (await response.json()) as { totpURI: string };
    expect(new URL(totpURI).searchParams.get("issuer")).toBe("Tasks");
  });

  it("refuses a missing or forged challenge, and hostile codes, with a 4xx", async () => {
    const user = await userWithTwoFactor();
    const challenge = await passwordStep(user.email);
    const forged = challenge.replace(/two_factor=([^;]+)/, (_, value: string) => `two_factor=${value.slice(0, -3)}abc`);
    for (const cookie of [undefined, forged]) {
      const response = await post("/two-factor/verify-totp", { code: totpCode(user.secret) }, cookie);
      expect(response.status).toBe(401);
      expect(cookiesOf(response)).not.toMatch(/session_token=[^;]+/);
    }
    for (const body of [{}, { code: 123456 }, { code: ["123456"] }, { code: "1".repeat(100_000) }, { code: "\u0000" }, "not json"]) {
      const response = await post("/two-factor/verify-totp", body, challenge);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

describe("changing two-step sign-in", () => {
  it("makes new backup codes that replace the old ones", async () => {
    const user = await userWithTwoFactor();
    const response = await post("/two-factor/generate-backup-codes", { password: PASSWORD }, user.cookie);
    expect(response.status).toBe(200);
    const { backupCodes } = (await response.json()) as { backupCodes: string[] };
    expect(backupCodes).toHaveLength(BACKUP_CODE_COUNT);
    expect(backupCodes).not.toContain(user.backupCodes[0]);
    const challenge = await passwordStep(user.email);
    expect((await post("/two-factor/verify-backup-code", { code: user.backupCodes[0] }, challenge)).status).toBe(401);
    expect((await post("/two-factor/verify-backup-code", { code: backupCodes[0] }, challenge)).status).toBe(200);
  });

  it("turns off with the password: sign-in then asks for the password only", async () => {
    const user = await userWithTwoFactor();
    const off = await post("/two-factor/disable", { password: PASSWORD }, user.cookie);
    expect(off.status).toBe(200);
    const signIn = await post("/sign-in/email", { email: user.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toHaveProperty("token");
  });

  it("forgets every trusted device when it is turned off and on again, or the password changes", async () => {
    const user = await userWithTwoFactor();
    /** Signs in on a new device that asks to be trusted: its cookies, the trust among them. */
    const trustedDevice = async (secret: string, step: number) => {
      const challenge = await passwordStep(user.email);
      const response = await post("/two-factor/verify-totp", { code: codeIn(secret, step), trustDevice: true }, challenge);
      expect(response.status).toBe(200);
      const cookie = cookiesOf(response);
      expect(cookie).toMatch(/trust_device=[^;]+/);
      return cookie;
    };
    const asksForCode = async (cookie: string, password = PASSWORD) => {
      const response = await callAuth("/sign-in/email", { body: { email: user.email, password }, cookie });
      expect(response.status).toBe(200);
      return "twoFactorRedirect" in (await response.json());
    };
    const laptop = await trustedDevice(user.secret, 1);
    expect(await asksForCode(laptop)).toBe(false); // trusted

    // Off and on again, from another device, with a new secret.
    const off = await post("/two-factor/disable", { password: PASSWORD }, user.cookie);
    expect(off.status).toBe(200);
    const enabled = await post("/two-factor/enable", { password: PASSWORD }, cookiesOf(off));
    const secret = secretOf(((await enabled.json()) as { totpURI: string }).totpURI);
    const confirmed = await post("/two-factor/verify-totp", { code: codeIn(secret, 0) }, cookiesOf(off));
    expect(confirmed.status).toBe(200);
    expect(await asksForCode(laptop)).toBe(true);

    const phone = await trustedDevice(secret, 1);
    const changed = await post("/change-password", { currentPassword: PASSWORD, newPassword: "a new passphrase 42" }, cookiesOf(confirmed));
    expect(changed.status).toBe(200);
    expect(await asksForCode(phone, "a new passphrase 42")).toBe(true);
  });

  it("leaves no challenge or count of wrong codes behind when the account is deleted", async () => {
    const user = await userWithTwoFactor();
    await post("/two-factor/verify-totp", { code: wrongCode(user.secret) }, await passwordStep(user.email));
    const challenges = await db.prisma.verification.findMany({ where: { value: user.id, identifier: { startsWith: "2fa-" } } });
    expect(challenges).toHaveLength(1);
    const named = [challenges[0].identifier, `2fa-attempts-${challenges[0].identifier}`];
    expect(await db.prisma.verification.count({ where: { identifier: { in: named } } })).toBe(2);
    await eraseUser(db.prisma, user);
    expect(await db.prisma.verification.count({ where: { identifier: { in: named } } })).toBe(0);
    expect(await db.prisma.twoFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});
