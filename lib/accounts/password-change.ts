import { isAPIError } from "better-auth/api";
import { getAuth } from "../better-auth";
import { callForForm, describeAuthError, formText, PASSWORD_TOO_LONG_MESSAGE, PASSWORD_TOO_SHORT_MESSAGE } from "./auth-errors";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import type { PasswordFormState } from "./form-state";

// The settings page's password change, on the server: check the fields, then Better Auth's
// changePassword with the request's headers. Its hooks apply (lib/accounts/hooks.ts: attempts
// counted per account, the password policy, and every other session ended, so every token issued
// from them too); the device that changed it gets a new session cookie.

export const PASSWORD_CHANGED = "Your password was changed, and every other device was signed out.";
const WRONG_CURRENT = "That is not your current password.";

function checkFields(currentPassword: string, newPassword: string): PasswordFormState["problem"] {
  if (currentPassword === "") return { message: "Enter your current password.", fields: ["currentPassword"] };
  if (newPassword === "") return { message: "Enter a new password.", fields: ["newPassword"] };
  if (currentPassword.includes("\u0000") || newPassword.includes("\u0000")) return { message: "Remove the invalid characters and try again.", fields: [] };
  // Checked here too, so that a too short password does not count as an attempt (hooks.ts).
  if (newPassword.length < PASSWORD_MIN) return { message: PASSWORD_TOO_SHORT_MESSAGE, fields: ["newPassword"] };
  if (newPassword.length > PASSWORD_MAX) return { message: PASSWORD_TOO_LONG_MESSAGE, fields: ["newPassword"] };
  if (newPassword === currentPassword) return { message: "Choose a new password that differs from the current one.", fields: ["newPassword"] };
  return undefined;
}

const SIGNED_OUT = "You were signed out meanwhile: sign in again to change your password.";

function describe(error: unknown): PasswordFormState["problem"] {
  const code = isAPIError(error) ? (error.body as { code?: unknown } | undefined)?.code : undefined;
  if (code === "INVALID_PASSWORD") return { message: WRONG_CURRENT, fields: ["currentPassword"] };
  if (code === "UNAUTHORIZED" || (isAPIError(error) && error.statusCode === 401)) return { message: SIGNED_OUT, fields: [] };
  const described = describeAuthError(error);
  return described && { message: described.message, fields: described.fields.includes("password") ? ["newPassword"] : [] };
}

/** Changes the password of the request's signed-in user with the form's fields. */
export async function submitPasswordChange(form: FormData, headers: Headers): Promise<PasswordFormState> {
  const currentPassword = formText(form, "currentPassword");
  const newPassword = formText(form, "newPassword");
  const problem = checkFields(currentPassword, newPassword);
  if (problem) return { problem };

  const refused = await callForForm("password change", headers, () => getAuth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers }), describe);
  return refused ? { problem: refused } : { done: PASSWORD_CHANGED };
}
