import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getAuth } from "../better-auth";
import { lifetime } from "../mail/messages";
import { RESET_PASSWORD_PATH } from "./account-mail";
import { countAttempt } from "./auth-form";
import { callForForm, describeAuthError, formText, INVALID_EMAIL, PASSWORD_TOO_LONG_MESSAGE, PASSWORD_TOO_SHORT_MESSAGE } from "./auth-errors";
import type { EmailFormState, NewPasswordFormState } from "./form-state";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, RESET_LINK_LIFETIME_SECONDS } from "./limits";
import { tooManyAttempts } from "./too-many-attempts";

// "Forgot your password?": the two forms of the flow, on the server. Both call Better Auth's API
// with the request's headers (its hooks apply: the per-address mail limit, the password policy),
// and count against the same per-client limit as its JSON endpoints.

export const RESET_LINK_INVALID = "This reset link has expired or was already used: ask for a new one.";

/** The same words whether or not an account uses the address: the page reveals nothing. */
export const resetLinkSent = (email: string) =>
  `If an account uses ${email}, a link to choose a new password is on its way. It works once, for ${lifetime(RESET_LINK_LIFETIME_SECONDS)}. Nothing arrived after a few minutes? Check your spam folder.`;

/** Asks for a reset link for the form's email. */
export async function submitResetRequest(form: FormData, headers: Headers): Promise<EmailFormState> {
  const email = formText(form, "email").trim();
  if (email === "") return { problem: { message: "Enter the email address of your account.", fields: ["email"] } };
  if (email.length > EMAIL_MAX || !z.email().safeParse(email).success) return { problem: { message: INVALID_EMAIL, fields: ["email"] }, values: { email } };
  const api = getAuth().api;
  const wait = await countAttempt(api.requestPasswordReset.path, headers);
  if (wait !== undefined) return { problem: { message: tooManyAttempts(wait).body.message, fields: [] }, values: { email } };
  const refused = await callForForm("password reset request", headers, () => api.requestPasswordReset({ body: { email, redirectTo: RESET_PASSWORD_PATH }, headers }), (error) => {
    const described = describeAuthError(error);
    return described && { message: described.message, fields: described.fields.includes("email") ? ["email" as const] : [] };
  });
  return refused ? { problem: refused, values: { email } } : { done: resetLinkSent(email) };
}

/** Sets the new password the link's token allows; true once it is set. */
export async function submitNewPassword(form: FormData, headers: Headers): Promise<NewPasswordFormState> {
  const token = formText(form, "token");
  const newPassword = formText(form, "newPassword");
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return { problem: { message: RESET_LINK_INVALID, fields: [] } };
  if (newPassword === "") return { problem: { message: "Enter a new password.", fields: ["newPassword"] } };
  if (newPassword.includes("\u0000")) return { problem: { message: "Remove the invalid characters and try again.", fields: ["newPassword"] } };
  if (newPassword.length < PASSWORD_MIN) return { problem: { message: PASSWORD_TOO_SHORT_MESSAGE, fields: ["newPassword"] } };
  if (newPassword.length > PASSWORD_MAX) return { problem: { message: PASSWORD_TOO_LONG_MESSAGE, fields: ["newPassword"] } };
  const api = getAuth().api;
  const wait = await countAttempt(api.resetPassword.path, headers);
  if (wait !== undefined) return { problem: { message: tooManyAttempts(wait).body.message, fields: [] } };
  const refused = await callForForm("password reset", headers, () => api.resetPassword({ body: { newPassword, token }, headers }), (error) => {
    if (isAPIError(error) && (error.body as { code?: unknown } | undefined)?.code === "INVALID_TOKEN") return { message: RESET_LINK_INVALID, fields: [] };
    const described = describeAuthError(error);
    return described && { message: described.message, fields: described.fields.includes("password") ? ["newPassword" as const] : [] };
  });
  return refused ? { problem: refused } : { done: "Your password is changed, and every device was signed out. Sign in with your new password." };
}
