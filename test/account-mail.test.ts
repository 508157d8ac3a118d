import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EMAIL_CHANGE_LIMIT, MAIL_PER_ADDRESS_LIMIT, MAIL_PER_ADDRESS_TOTAL_LIMIT } from "@/lib/accounts/limits";
import { MAIL_NOT_CONFIGURED } from "@/lib/mail/send";
import { SESSION_CHECK_INTERVAL_MS } from "@/lib/session-liveness";
import { callApi } from "./support/api";
import { setUpTestDatabase } from "./support/database";
import { withEnv } from "./support/env";
import { APP_URL, callAuth, cookiesOf, PASSWORD, randomIp, signUpUser } from "./support/http";
import { startMailServer, type ReceivedMail, type TestMailServer } from "./support/smtp";

// The account flows that need mail, through the real auth routes and a real SMTP server: what a
// person gets in their inbox, what its links do, and what an attacker learns or achieves.

setUpTestDatabase();
let smtp: TestMailServer;
beforeAll(async () => {
  smtp = await startMailServer();
});
withEnv(() => ({ SMTP_URL: smtp.url, MAIL_FROM: "Tasks <tasks@example.com>" }));
afterAll(() => smtp.close());
afterEach(() => void vi.useRealTimers());

/** The link of a mail that leads into the app's auth routes, as a path under /api/auth. */
function authPathOf(mail: ReceivedMail): string {
  const link = mail.links.find((candidate) => candidate.startsWith(`${APP_URL}/api/auth/`));
  expect(link, mail.text).toBeDefined();
  // The HTML part carries the same link (escaped) behind its button.
  expect(mail.html).toContain(link!.replaceAll("&", "&#38;"));
  return link!.slice(`${APP_URL}/api/auth`.length);
}

/** Follows a mail's link like a browser: Better Auth answers with a redirect into the app. */
async function open(mail: ReceivedMail, cookie?: string): Promise<URL> {
  const response = await callAuth(authPathOf(mail), { cookie });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!, APP_URL);
}

const session = async (cookie: string) => (await (await callAuth("/get-session", { cookie })).json()) as { user: { email: string; emailVerified: boolean } } | null;
const signIn = (email: string, password: string) => callAuth("/sign-in/email", { body: { email, password } });

describe("confirming the email address", () => {
  it("mails a link at sign-up; opening it confirms the address", async () => {
    const user = await signUpUser("Confirming");
    expect((await session(user.cookie))?.user.emailVerified).toBe(false);
    const mail = await smtp.mailTo(user.email, /^Confirm your email address/);
    // Anyone can sign up with any address: a mail to an unconfirmed one does not carry the name they typed.
    expect(mail.text).toMatch(/^Hello,\n/);
    expect(mail.text).not.toContain("Confirming");
    const landing = await open(mail, user.cookie);
    expect(landing.pathname).toBe("/email-confirmed");
    expect(landing.searchParams.get("error")).toBeNull();
    expect((await session(user.cookie))?.user.emailVerified).toBe(true);
  });

  it("sends a cut or forged link to the page with an error, confirming nothing", async () => {
    const user = await signUpUser("Forger");
    const path = authPathOf(await smtp.mailTo(user.email, /^Confirm your email address/));
    const forged = path.replace(/token=([^&]+)/, (_, token: string) => `token=${token.slice(0, -4)}AAAA`);
    const response = await callAuth(forged, { cookie: user.cookie });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!, APP_URL).search).toBe("?error=INVALID_TOKEN");
    expect((await session(user.cookie))?.user.emailVerified).toBe(false);
  });
});

describe("a forgotten password", () => {
  it("answers alike whether or not an account uses the email, and mails only an account's owner", async () => {
    const user = await signUpUser("Forgetful");
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    const [known, stranger] = await Promise.all(
      [user.email, unknown].map(async (email) => {
        const response = await callAuth("/request-password-reset", { body: { email, redirectTo: "/reset-password" } });
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(stranger).toEqual(known);
    expect(known.status).toBe(200);
    await smtp.mailTo(user.email, /^Reset your Tasks password$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.filter((mail) => mail.to.includes(unknown))).toEqual([]);
  });

  it("resets through the mailed link once, ending every session and every token", async () => {
    const user = await signUpUser("Resetting");
    const otherDevice = cookiesOf(await signIn(user.email, PASSWORD));
    expect((await callApi("GET", "/api/tasks", { token: user.token })).status).toBe(200);
    // An access token, which outlives sessions: its making is mailed, and the reset revokes it.
    const made = await callApi("POST", "/api/tokens", { token: user.token, body: { name: "Home script", scopes: ["tasks:read"], password: PASSWORD } });
    const { secret } = await made.json();
    const notice = await smtp.mailTo(user.email, /^An access token was made for your Tasks account$/);
    expect(notice.text).toContain("Home script");
    const exchange = () => callApi("POST", "/api/tokens/exchange", { headers: { authorization: `Bearer ${secret}` } });
    const tokenJwt = (await (await exchange()).json()).accessToken;

    await callAuth("/request-password-reset", { body: { email: user.email } });
    const mail = await smtp.mailTo(user.email, /^Reset your Tasks password$/);
    expect(mail.text).toContain("The link works once");
    const landing = await open(mail);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token")!;
    expect(token).toMatch(/^\w+$/);

    const newPassword = "a whole new secret";
    const reset = await callAuth("/reset-password", { body: { newPassword, token } });
    expect(reset.status).toBe(200);

    // Everything signed in before is out: both devices' sessions, the API token and the access token.
    expect(await session(user.cookie)).toBeNull();
    expect(await session(otherDevice)).toBeNull();
    // An instance trusts a session it checked for SESSION_CHECK_INTERVAL_MS: past that, the token is refused.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_CHECK_INTERVAL_MS + 1_000);
    expect((await callApi("GET", "/api/tasks", { token: user.token })).status).toBe(401);
    expect((await callApi("GET", "/api/tasks", { token: tokenJwt })).status).toBe(401);
    vi.useRealTimers();
    expect((await exchange()).status).toBe(401);
    expect((await signIn(user.email, PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, newPassword)).status).toBe(200);

    // The link worked once.
    const again = await callAuth("/reset-password", { body: { newPassword: "yet another secret", token } });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    const reopened = await open(mail);
    expect(reopened.searchParams.get("error")).toBe("INVALID_TOKEN");
    expect((await signIn(user.email, newPassword)).status).toBe(200);
  });

  it("refuses a common password on reset, keeping the link usable", async () => {
    const user = await signUpUser("Weak");
    await callAuth("/request-password-reset", { body: { email: user.email } });
    const token = (await open(await smtp.mailTo(user.email, /^Reset your Tasks password$/))).searchParams.get("token")!;
    const weak = await callAuth("/reset-password", { body: { newPassword: "password123", token } });
    expect(weak.status).toBe(400);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    expect((await callAuth("/reset-password", { body: { newPassword: "a much better secret", token } })).status).toBe(200);
  });

  it(`limits mails to one address to ${MAIL_PER_ADDRESS_LIMIT.max} per client and ${MAIL_PER_ADDRESS_TOTAL_LIMIT.max} in all, account or not`, async () => {
    for (const email of [(await signUpUser("Flooded")).email, `nobody-${crypto.randomUUID()}@example.com`]) {
      const ask = async (ip: string, i: number) => (await callAuth("/request-password-reset", { body: { email: i % 2 ? email.toUpperCase() : email }, ip })).status;
      const client = randomIp();
      const fromOne: number[] = [];
      for (let i = 0; i <= MAIL_PER_ADDRESS_LIMIT.max; i++) fromOne.push(await ask(client, i));
      expect(fromOne).toEqual([...Array(MAIL_PER_ADDRESS_LIMIT.max).fill(200), 429]);
      // Other clients may still ask, up to the overall limit.
      const fromOthers: number[] = [];
      for (let i = MAIL_PER_ADDRESS_LIMIT.max; i <= MAIL_PER_ADDRESS_TOTAL_LIMIT.max; i++) fromOthers.push(await ask(randomIp(), i));
      expect(fromOthers).toEqual([...Array(MAIL_PER_ADDRESS_TOTAL_LIMIT.max - MAIL_PER_ADDRESS_LIMIT.max).fill(200), 429]);
    }
  });

  it("a reset ends the other links still out, and refuses a password that is the account's own address", async () => {
    const user = await signUpUser("Twice");
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await callAuth("/request-password-reset", { body: { email: user.email } });
      await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(user.email) && /^Reset/.test(mail.subject)).length).toBe(i + 1);
    }
    for (const mail of smtp.received.filter((candidate) => candidate.to.includes(user.email) && /^Reset/.test(candidate.subject))) {
      links.push((await open(mail)).searchParams.get("token")!);
    }
    const ownAddress = await callAuth("/reset-password", { body: { newPassword: user.email, token: links[0] } });
    expect(ownAddress.status).toBe(400);
    expect((await callAuth("/reset-password", { body: { newPassword: "first link wins", token: links[0] } })).status).toBe(200);
    const second = await callAuth("/reset-password", { body: { newPassword: "second link loses", token: links[1] } });
    expect(second.status).toBe(400);
    expect((await signIn(user.email, "first link wins")).status).toBe(200);
  });
});

describe("changing the email address", () => {
  it("mails a link to the new address and a notice to the old; opening the link moves the account", async () => {
    const user = await signUpUser("Moving");
    const newEmail = `moved-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const response = await callAuth("/change-email", { body: { newEmail, callbackURL: "/anywhere", password: PASSWORD }, cookie: user.cookie });
    expect(response.status).toBe(200);

    const notice = await smtp.mailTo(user.email, /about to change$/);
    expect(notice.text).toContain(newEmail);
    const confirm = await smtp.mailTo(newEmail, /^Confirm your new email address/);
    expect((await session(user.cookie))?.user.email).toBe(user.email); // nothing changes before the link is opened

    // The app decides where the link lands, not the request's callbackURL.
    expect((await open(confirm, user.cookie)).pathname).toBe("/email-confirmed");
    expect((await session(user.cookie))?.user).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await signIn(newEmail, PASSWORD)).status).toBe(200);
    expect((await signIn(user.email, PASSWORD)).status).toBe(401);
  });

  it("needs a session and the password; a wrong one or a bad address is a 400 that mails nobody", async () => {
    const user = await signUpUser("Careful mover");
    expect((await callAuth("/change-email", { body: { newEmail: "x@example.com", password: PASSWORD } })).status).toBe(401);
    expect((await callAuth("/change-email", { body: { newEmail: "not an address", password: PASSWORD }, cookie: user.cookie })).status).toBe(400);
    expect((await callAuth("/change-email", { body: { newEmail: `${"a".repeat(250)}@example.com`, password: PASSWORD }, cookie: user.cookie })).status).toBe(400);
    const guesses = [undefined, "not the password", 42].slice(0, EMAIL_CHANGE_LIMIT.max);
    for (const password of guesses) {
      const response = await callAuth("/change-email", { body: { newEmail: "x@example.com", password }, cookie: user.cookie });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.filter((mail) => mail.to.includes(user.email) && /about to change/.test(mail.subject))).toEqual([]);
    // Guessing is limited per account: past the limit even the right password waits.
    for (let i = guesses.length; i < EMAIL_CHANGE_LIMIT.max; i++) await callAuth("/change-email", { body: { newEmail: "x@example.com" }, cookie: user.cookie });
    expect((await callAuth("/change-email", { body: { newEmail: "y@example.com", password: PASSWORD }, cookie: user.cookie })).status).toBe(429);
  });

  it("cancels a pending change when the password changes, so the owner's reset wins over it", async () => {
    const user = await signUpUser("Owner");
    const thief = `thief-${crypto.randomUUID().slice(0, 8)}@example.com`;
    expect((await callAuth("/change-email", { body: { newEmail: thief, password: PASSWORD }, cookie: user.cookie })).status).toBe(200);
    const stolenLink = await smtp.mailTo(thief, /^Confirm your new email address/);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the link's time is in whole seconds

    await callAuth("/request-password-reset", { body: { email: user.email } });
    const token = (await open(await smtp.mailTo(user.email, /^Reset/))).searchParams.get("token")!;
    expect((await callAuth("/reset-password", { body: { newPassword: "the owner's new secret", token } })).status).toBe(200);

    const landing = await open(stolenLink);
    expect(landing.pathname).toBe("/email-confirmed");
    expect(landing.searchParams.get("error")).toBe("PASSWORD_CHANGED");
    expect((await signIn(user.email, "the owner's new secret")).status).toBe(200);
    expect((await signIn(thief, "the owner's new secret")).status).toBe(401);
  });
});

describe("a production server without SMTP_URL", () => {
  withEnv({ SMTP_URL: undefined, NODE_ENV: "production", BETTER_AUTH_URL: APP_URL, DATABASE_URL: "postgres://unused.example/db" });

  it("answers 503 to the flows that need mail, and still signs people up", async () => {
    const user = await signUpUser("No mail");
    const requests = [
      callAuth("/request-password-reset", { body: { email: user.email } }),
      callAuth("/send-verification-email", { body: { email: user.email }, cookie: user.cookie }),
      callAuth("/change-email", { body: { newEmail: "elsewhere@example.com" }, cookie: user.cookie }),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject(MAIL_NOT_CONFIGURED);
    }
    expect((await session(user.cookie))?.user.email).toBe(user.email);
  });
});
