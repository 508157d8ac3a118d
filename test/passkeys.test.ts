import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "./support/database";
import { callAuth, cookiesOf, PASSWORD, signUpUser, tokenFor } from "./support/http";
import { confirmPasswordFor, newSoftPasskey, registerPasskey, signInWithPasskey } from "./support/passkey";
import { startMailServer, type TestMailServer } from "./support/smtp";
import { withEnv } from "./support/env";
import { secretOf, totpCode } from "./support/totp";

// Passkeys through the real auth routes (Better Auth's passkey plugin), with a software
// authenticator: a passkey signs in to a full session (the API token works after it); nobody
// lists, renames or deletes another user's passkeys; a ceremony without the device's own check
// (PIN, biometric) is refused.

const db = setUpTestDatabase();
let smtp: TestMailServer;
beforeAll(async () => {
  smtp = await startMailServer();
});
withEnv(() => ({ SMTP_URL: smtp.url, MAIL_FROM: "Tasks <tasks@example.com>" }));
afterAll(() => smtp.close());

const post = (path: string, body: unknown, cookie?: string) => callAuth(path, { body, cookie });
const passkeysOf = async (cookie: string) => (await (await callAuth("/passkey/list-user-passkeys", { cookie })).json()) as { id: string; name?: string; userId: string }[];

describe("adding a passkey", () => {
  it("needs the password first: a session alone cannot plant one, and one password adds one passkey", async () => {
    const user = await signUpUser("Guarded");
    const refused = await callAuth("/passkey/generate-register-options", { cookie: user.cookie });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("PASSWORD_NEEDED");
    expect(await confirmPasswordFor(user.cookie, "not my password")).toEqual({ problem: { message: "That is not your password.", fields: ["password"] } });
    expect((await callAuth("/passkey/generate-register-options", { cookie: user.cookie })).status).toBe(403);

    expect((await registerPasskey(user.cookie, newSoftPasskey(), { name: "Phone" })).status).toBe(200);
    // Used up: the next passkey needs the password again.
    expect((await callAuth("/passkey/generate-register-options", { cookie: user.cookie })).status).toBe(403);
    // The address is told.
    const mail = await smtp.mailTo(user.email, /^A passkey was added to your Tasks account$/);
    expect(mail.text).toContain("A passkey (Phone) was added");
  });

  it("is allowed only to the session that typed the password", async () => {
    const user = await signUpUser("Two devices");
    const otherDevice = cookiesOf(await post("/sign-in/email", { email: user.email, password: PASSWORD }));
    expect(await confirmPasswordFor(user.cookie)).toEqual({ done: "ok" });
    expect((await callAuth("/passkey/generate-register-options", { cookie: otherDevice })).status).toBe(403);
  });
});

describe("passkeys", () => {
  it("registers a passkey for the signed-in user, and it signs in to a session that gets an API token", async () => {
    const user = await signUpUser("Keyed");
    const key = newSoftPasskey();
    const registered = await registerPasskey(user.cookie, key, { name: "Laptop" });
    expect(registered.status).toBe(200);
    expect(await passkeysOf(user.cookie)).toEqual([expect.objectContaining({ name: "Laptop", userId: user.id })]);

    const signedIn = await signInWithPasskey(key);
    expect(signedIn.status).toBe(200);
    const cookie = cookiesOf(signedIn);
    expect(cookie).toMatch(/session_token=/);
    const session = (await (await callAuth("/get-session", { cookie })).json()) as { user: { id: string } };
    expect(session.user.id).toBe(user.id);
    expect(await tokenFor(cookie)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The signature counter moved on.
    expect((await db.prisma.passkey.findFirstOrThrow({ where: { userId: user.id } })).counter).toBe(1);
  });

  it("refuses an unknown passkey and a wrong signature", async () => {
    expect((await signInWithPasskey(newSoftPasskey())).status).toBe(401);
    const user = await signUpUser("Replayed");
    const key = newSoftPasskey();
    expect((await registerPasskey(user.cookie, key)).status).toBe(200);
    const stranger = { ...newSoftPasskey(), credentialId: key.credentialId, userHandle: key.userHandle };
    expect((await signInWithPasskey(stranger)).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a ceremony without the device's PIN or biometric check", async () => {
    const user = await signUpUser("Touched");
    const unverified = await registerPasskey(user.cookie, newSoftPasskey(), { verified: false });
    expect(unverified.status).toBe(401);
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    const key = newSoftPasskey();
    expect((await registerPasskey(user.cookie, key)).status).toBe(200);
    expect((await signInWithPasskey(key, { verified: false })).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lists, renames and deletes only the signed-in user's own passkeys", async () => {
    const owner = await signUpUser("Owner");
    const other = await signUpUser("Other");
    expect((await registerPasskey(owner.cookie, newSoftPasskey(), { name: "Owner's key" })).status).toBe(200);
    const [ownersKey] = await passkeysOf(owner.cookie);
    expect(await passkeysOf(other.cookie)).toEqual([]);

    const deleted = await post("/passkey/delete-passkey", { id: ownersKey.id }, other.cookie);
    expect(deleted.status).toBe(401);
    const renamed = await post("/passkey/update-passkey", { id: ownersKey.id, name: "Mine now" }, other.cookie);
    expect(renamed.status).toBe(401);
    expect(await db.prisma.passkey.findUnique({ where: { id: ownersKey.id } })).toMatchObject({ name: "Owner's key", userId: owner.id });
    // Signed out, nothing at all.
    expect((await post("/passkey/delete-passkey", { id: ownersKey.id })).status).toBe(401);
    expect((await callAuth("/passkey/list-user-passkeys")).status).toBe(401);
    expect((await callAuth("/passkey/generate-register-options")).status).toBe(401);

    expect((await post("/passkey/update-passkey", { id: ownersKey.id, name: "Desk" }, owner.cookie)).status).toBe(200);
    expect((await post("/passkey/delete-passkey", { id: ownersKey.id }, owner.cookie)).status).toBe(200);
    expect(await db.prisma.passkey.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("signs an account with two-step sign-in on straight in: the passkey is itself two factors", async () => {
    const user = await signUpUser("Two-step");
    const enabled = await post("/two-factor/enable", { password: PASSWORD }, user.cookie);
    const secret = secretOf(((await enabled.json()) as { totpURI: string }).totpURI);
    const confirmed = await post("/two-factor/verify-totp", { code: totpCode(secret) }, user.cookie);
    expect(confirmed.status).toBe(200);
    const cookie = cookiesOf(confirmed);
    const key = newSoftPasskey();
    expect((await registerPasskey(cookie, key)).status).toBe(200);
    // The password alone only gets the second step's challenge...
    const password = await post("/sign-in/email", { email: user.email, password: PASSWORD });
    expect(await password.json()).toMatchObject({ twoFactorRedirect: true });
    // ...the passkey a session.
    const signedIn = await signInWithPasskey(key);
    expect(signedIn.status).toBe(200);
    expect(await tokenFor(cookiesOf(signedIn))).toBeTruthy();
  });

  it("answers a malformed answer from the browser with a 400, never a 5xx, and stores nothing", async () => {
    const user = await signUpUser("Hostile");
    expect(await confirmPasswordFor(user.cookie)).toEqual({ done: "ok" }); // past the password: the answers themselves are refused
    const bodies = [{}, { response: {} }, { response: { id: 5 } }, { response: [] }, { response: "x" }, { response: { id: "abc", rawId: "abc", type: "public-key", response: { clientDataJSON: "e30", attestationObject: "AAAA", authenticatorData: "AAAA", signature: "AAAA" } } }];
    for (const body of bodies) {
      const challenge = await callAuth("/passkey/generate-authenticate-options");
      expect((await callAuth("/passkey/verify-authentication", { body, cookie: cookiesOf(challenge) })).status).toBe(body === bodies.at(-1) ? 401 : 400);
      const registration = await callAuth("/passkey/generate-register-options", { cookie: user.cookie });
      expect((await callAuth("/passkey/verify-registration", { body, cookie: `${user.cookie}; ${cookiesOf(registration)}` })).status).toBe(400);
    }
    expect((await registerPasskey(user.cookie, newSoftPasskey(), { name: "x".repeat(61) })).status).toBe(400);
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("goes with the account: deleting the user deletes its passkeys (ON DELETE CASCADE)", async () => {
    const user = await signUpUser("Gone");
    expect((await registerPasskey(user.cookie, newSoftPasskey())).status).toBe(200);
    await db.prisma.user.delete({ where: { id: user.id } });
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
  });
});
