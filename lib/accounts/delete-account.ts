import type { PrismaClient } from "@/generated/prisma/client";
import { API_RATE_LIMITS } from "../api/rate-limit";
import { getPrisma } from "../db";
import { ACCOUNT_DELETION_LIMIT } from "./limits";
import { passwordProblem } from "./password-check";
import { mailLimitKeys } from "./rate-limit-storage";
import type { DeleteAccountFormState } from "./form-state";

// Deleting the account, confirmed by its password: one transaction removes every row of the
// user. The "user" row takes with it, by cascade, its sessions (so every token issued to them
// stops working: verifyRequest() checks the session), its password, tasks, lists, labels, and
// the change log, which erasure wins over; the rows other tables keep under the user's id or
// email (request counters, sign-in delays, verification values) go in the same transaction.
// Replaying the request finds no session, and so nobody to delete.

export const ACCOUNT_DELETED = "Your account and everything in it were deleted.";

/** Every row of the user, in one transaction. */
export async function eraseUser(prisma: PrismaClient, user: { id: string; email: string }): Promise<void> {
  const counters = Object.keys(API_RATE_LIMITS).map((bucket) => `${bucket}:${user.id}`);
  // A sign-in's second step keeps its count of wrong codes under the challenge's name, not the user's.
  const challenges = await prisma.verification.findMany({ where: { value: user.id, identifier: { startsWith: "2fa-" } }, select: { identifier: true } });
  await prisma.$transaction([
    prisma.verification.deleteMany({ where: { identifier: { in: challenges.map(({ identifier }) => `2fa-attempts-${identifier}`) } } }),
    prisma.apiRateLimit.deleteMany({ where: { key: { in: counters } } }),
    prisma.rateLimit.deleteMany({ where: { OR: [`user:${user.id}|`, ...mailLimitKeys(user.email)].map((prefix) => ({ key: { startsWith: prefix } })) } }),
    prisma.signInThrottle.deleteMany({ where: { email: user.email.toLowerCase() } }),
    prisma.verification.deleteMany({ where: { OR: [{ identifier: user.email }, { value: user.id }] } }),
    prisma.user.delete({ where: { id: user.id } }),
  ]);
}

/** The settings page's "Delete account": the password confirms it; attempts are limited per account. */
export async function submitAccountDeletion(form: FormData, user: { id: string; email: string }): Promise<DeleteAccountFormState> {
  const prisma = getPrisma();
  const problem = await passwordProblem(prisma, form, user.id, { missing: "Enter your password to delete your account.", bucket: "/delete-account", limit: ACCOUNT_DELETION_LIMIT });
  if (problem) return { problem };
  await eraseUser(prisma, user);
  return { done: ACCOUNT_DELETED };
}
