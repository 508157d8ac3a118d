import { getPrisma } from "../db";
import type { FormState } from "./form-state";
import { PASSKEY_ADD_LIMIT } from "./limits";
import { allowPasskeyAdd } from "./passkey-hooks";
import { passwordProblem } from "./password-check";

/** The settings page's first step of adding a passkey: the password, which lets this session add one for a few minutes. */
export async function confirmPasswordForPasskey(form: FormData, session: { id: string; userId: string }): Promise<FormState<"password">> {
  const prisma = getPrisma();
  const problem = await passwordProblem(prisma, form, session.userId, { missing: "Enter your password to add a passkey.", bucket: "/passkey/add", limit: PASSKEY_ADD_LIMIT });
  if (problem) return { problem };
  await allowPasskeyAdd(prisma, session);
  return { done: "ok" };
}
