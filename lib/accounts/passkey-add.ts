import { getPrisma } from "../db";
import { formText } from "./auth-errors";
import type { FormState } from "./form-state";
import { PASSKEY_ADD_LIMIT, PASSWORD_MAX } from "./limits";
import { allowPasskeyAdd } from "./passkey-hooks";
import { isPasswordOf } from "./password-check";
import { createRateLimitStorage, rateLimitKey } from "./rate-limit-storage";
import { tooManyAttempts } from "./too-many-attempts";

const WRONG_PASSWORD = "That is not your password.";

/** The settings page's first step of adding a passkey: the password, which lets this session add one for a few minutes. */
export async function confirmPasswordForPasskey(form: FormData, session: { id: string; userId: string }): Promise<FormState<"password">> {
  const password = formText(form, "password");
  if (password === "") return { problem: { message: "Enter your password to add a passkey.", fields: ["password"] } };
  if (password.length > PASSWORD_MAX || password.includes("\u0000")) return { problem: { message: WRONG_PASSWORD, fields: ["password"] } };
  const prisma = getPrisma();
  const { allowed, retryAfter } = await createRateLimitStorage(prisma).consume(rateLimitKey(`user:${session.userId}`, "/passkey/add"), PASSKEY_ADD_LIMIT);
  if (!allowed) return { problem: { message: tooManyAttempts(retryAfter ?? PASSKEY_ADD_LIMIT.window).body.message, fields: [] } };
  if (!(await isPasswordOf(prisma, session.userId, password))) return { problem: { message: WRONG_PASSWORD, fields: ["password"] } };
  await allowPasskeyAdd(prisma, session);
  return { done: "ok" };
}
