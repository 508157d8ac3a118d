import type { PrismaClient } from "@/generated/prisma/client";
import { getAuth } from "../better-auth";
import { formText, WRONG_PASSWORD_MESSAGE } from "./auth-errors";
import { PASSWORD_MAX } from "./limits";
import { createRateLimitStorage, rateLimitKey, type RateLimitRule } from "./rate-limit-storage";
import { tooManyAttempts } from "./too-many-attempts";

// The password a settings form asks for to confirm a change to the account (delete it, add a
// passkey, two-step sign-in, the email address): read from the form, and checked against the
// stored hash as sign-in checks it.

type PasswordProblem = { message: string; fields: ["password"] };

/** Whether `password` is the user's: checked as sign-in checks it, against the stored hash. */
export async function isPasswordOf(prisma: PrismaClient, userId: string, password: string): Promise<boolean> {
  const account = await prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return false;
  const { password: hashing } = await getAuth().$context;
  return hashing.verify({ hash: account.password, password });
}

/**
 * The form's password, or its problem: none typed (`missing` says what to do), or one that no
 * account can have (too long, a NUL), which is answered as a wrong one without hashing it.
 */
export function typedPassword(form: FormData, missing: string): { password: string } | { problem: PasswordProblem } {
  const password = formText(form, "password");
  if (password === "") return { problem: { message: missing, fields: ["password"] } };
  if (password.length > PASSWORD_MAX || password.includes("\u0000")) return { problem: { message: WRONG_PASSWORD_MESSAGE, fields: ["password"] } };
  return { password };
}

/**
 * Confirms a change with the form's password: counted per account in `limit` (under `bucket`,
 * whatever the client address), then checked against the user's hash. Undefined when it is theirs.
 */
export async function passwordProblem(prisma: PrismaClient, form: FormData, userId: string, check: { missing: string; bucket: string; limit: RateLimitRule }): Promise<PasswordProblem | { message: string; fields: [] } | undefined> {
  const typed = typedPassword(form, check.missing);
  if ("problem" in typed) return typed.problem;
  return confirmPassword(prisma, userId, typed.password, check);
}

/** passwordProblem() for a password already read (and bounded) by a schema: the API's confirmations. */
export async function confirmPassword(prisma: PrismaClient, userId: string, password: string, check: { bucket: string; limit: RateLimitRule }): Promise<PasswordProblem | { message: string; fields: []; retryAfter: number } | undefined> {
  const { allowed, retryAfter } = await createRateLimitStorage(prisma).consume(rateLimitKey(`user:${userId}`, check.bucket), check.limit);
  if (!allowed) {
    const wait = retryAfter ?? check.limit.window;
    return { message: tooManyAttempts(wait).body.message, fields: [], retryAfter: wait };
  }
  if (!(await isPasswordOf(prisma, userId, password))) return { message: WRONG_PASSWORD_MESSAGE, fields: ["password"] };
  return undefined;
}
