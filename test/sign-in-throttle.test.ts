import crypto from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { setUpTestDatabase } from "./support/database";
import { callAuth, signUpUser } from "./support/http";

// Failed sign-ins are counted per email (lib/accounts/sign-in-throttle.ts). vitest.config.mts makes
// the delay start after 3 failures and stop growing at 3 s; every attempt here comes from an
// address of its own, so the per-address limit never applies.

const db = setUpTestDatabase();

const PASSWORD = "correct horse battery"; // signUpUser's
const signIn = (email: string, password: string) => callAuth("/sign-in/email", { body: { email, password } });

/** `count` wrong passwords at once, each from an address of its own; their statuses. */
async function guess(email: string, count: number): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: count }, (_, i) => signIn(email, `wrong password ${i}`)));
  return responses.map((response) => response.status);
}

/** Enough failures at once for the longest delay. */
const enoughToDelayLongest = () => getEnv().signInDelay.failuresBeforeDelay + Math.ceil(Math.log2(getEnv().signInDelay.maxDelaySeconds));

async function answerOf(response: Response) {
  return { status: response.status, retryAfter: Number(response.headers.get("Retry-After")), body: await response.json() };
}

const tooManyAttempts = {
  status: 429,
  retryAfter: expect.toSatisfy((seconds: number) => seconds >= 1 && seconds <= getEnv().signInDelay.maxDelaySeconds),
  body: { code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/^Too many attempts: try again in \d+ seconds?\.$/) },
};

describe("failed sign-ins of one email", () => {
  it("delay further attempts, even with the right password, until the wait has passed; then the owner signs in", async () => {
    const user = await signUpUser();
    const statuses = await guess(user.email, 20);
    expect(statuses.filter((status) => ![401, 429, 503].includes(status))).toEqual([]);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(getEnv().signInDelay.failuresBeforeDelay);

    const refused = await answerOf(await signIn(user.email, PASSWORD));
    expect(refused).toEqual(tooManyAttempts);

    await sleep(refused.retryAfter * 1000);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    // A success forgets the failures: the next mistake is an ordinary one.
    expect(await db.prisma.signInThrottle.count({ where: { email: user.email } })).toBe(0);
    expect((await signIn(user.email, "one typo")).status).toBe(401);
  });

  it("let through only the attempts the delay allows, however many arrive at once", async () => {
    const user = await signUpUser();
    const { failuresBeforeDelay } = getEnv().signInDelay;
    const checked = (statuses: number[]) => statuses.filter((status) => status !== 429).length; // reached the password check
    const first = await guess(user.email.toUpperCase(), 20);
    expect(checked(first)).toBe(failuresBeforeDelay);
    expect((await db.prisma.signInThrottle.findUniqueOrThrow({ where: { email: user.email } })).failures).toBe(failuresBeforeDelay);
    // Once the first wait (1 s) is over, one more attempt, not one per request sent.
    await sleep(1_100);
    expect(checked(await guess(user.email, 20))).toBe(1);
  });

  it("are answered the same way for an email without an account", async () => {
    const user = await signUpUser();
    const stranger = `nobody-${crypto.randomUUID()}@example.com`;
    for (const email of [user.email, stranger]) {
      expect(await guess(email, enoughToDelayLongest())).toContain(401);
      expect(await signIn(email, PASSWORD).then(answerOf), email).toEqual(tooManyAttempts);
    }
  });

  it("do not slow down sign-ins of other emails", async () => {
    const [victim, bystander] = await Promise.all([signUpUser(), signUpUser()]);
    await guess(victim.email, enoughToDelayLongest());
    expect((await signIn(bystander.email, PASSWORD)).status).toBe(200);
  });
});
