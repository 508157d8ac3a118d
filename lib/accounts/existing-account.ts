import { APIError } from "better-auth/api";
import type { PrismaClient } from "@/generated/prisma/client";

// People are signed in as soon as they sign up, so sign-up cannot answer every email alike
// ("check your inbox"); for an email that has an account it says so, plainly. Better Auth says
// it before hashing anything, which tells by the time taken alone whether an account exists;
// so this answers first, after hashing the password as a new account would. Sign-up stays rate
// limited per client address, which bounds how many emails anyone can test.

export const ACCOUNT_EXISTS = { code: "USER_ALREADY_EXISTS", message: "An account with this email exists: sign in or reset your password." };

/** Before sign-up: refuses an email that has an account with 422 ACCOUNT_EXISTS, after the same hashing. */
export async function refuseExistingAccount(prisma: PrismaClient, email: string, password: string, hash: (password: string) => Promise<string>): Promise<void> {
  const account = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!account) return;
  await hash(password);
  throw new APIError("UNPROCESSABLE_ENTITY", ACCOUNT_EXISTS);
}
