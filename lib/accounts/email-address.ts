import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getAuth } from "../better-auth";
import { lifetime } from "../mail/messages";
import { EMAIL_CONFIRMED_PATH } from "./account-mail";
import { callForForm, describeAuthError, formText, INVALID_EMAIL } from "./auth-errors";
import type { EmailChangeFormState, EmailFormState } from "./form-state";
import { EMAIL_MAX, VERIFY_LINK_LIFETIME_SECONDS } from "./limits";
import { typedPassword } from "./password-check";
import { WRONG_PASSWORD } from "./mail-hooks";

// The account's email address on the settings page and the task page's banner: confirming it
// (a link mailed to it) and changing it (with the password; a link mailed to the new address, a
// notice to the old one: lib/accounts/mail-hooks.ts). Better Auth's API with the request's
// headers does the work; the hooks limit how often, per address and per account.

const hoursValid = lifetime(VERIFY_LINK_LIFETIME_SECONDS);
const codeOf = (error: unknown) => (isAPIError(error) ? (error.body as { code?: unknown } | undefined)?.code : undefined);

/** Mails a new confirmation link to the signed-in user's address. */
export async function resendConfirmation(email: string, headers: Headers): Promise<EmailFormState> {
  const alreadyConfirmed = `${email} is confirmed already: reload the page.`;
  const refused = await callForForm("confirmation mail", headers, () => getAuth().api.sendVerificationEmail({ body: { email, callbackURL: EMAIL_CONFIRMED_PATH }, headers }), (error) => {
    // Confirmed meanwhile (another tab opened the link): nothing to send, nothing wrong.
    if (codeOf(error) === "EMAIL_ALREADY_VERIFIED") return { message: alreadyConfirmed, fields: [] };
    const described = describeAuthError(error);
    return described && { message: described.message, fields: [] };
  });
  if (refused?.message === alreadyConfirmed) return { done: alreadyConfirmed };
  return refused ? { problem: refused } : { done: `A new link is on its way to ${email}. It works for ${hoursValid}.` };
}

/** Asks to change the signed-in user's address to the form's `email`, confirmed by `password`. */
export async function submitEmailChange(form: FormData, currentEmail: string, headers: Headers): Promise<EmailChangeFormState> {
  const email = formText(form, "email").trim();
  const problem = await emailChangeProblem(email, form, currentEmail, headers);
  return problem ? { problem, values: { email } } : { done: `Check ${email}: your address changes when you open the link we sent there (it works for ${hoursValid}). ${currentEmail} was told about the change.` };
}

async function emailChangeProblem(email: string, form: FormData, currentEmail: string, headers: Headers): Promise<EmailChangeFormState["problem"]> {
  if (email === "") return { message: "Enter the new email address.", fields: ["email"] };
  if (email.length > EMAIL_MAX || !z.email().safeParse(email).success) return { message: INVALID_EMAIL, fields: ["email"] };
  if (email.toLowerCase() === currentEmail.toLowerCase()) return { message: "That is already your email address.", fields: ["email"] };
  const typed = typedPassword(form, "Enter your password to change your email address.");
  if ("problem" in typed) return typed.problem;
  const { password } = typed;
  const refused = await callForForm(
    "email change",
    headers,
    // Better Auth's schema knows no password: the hook reads it from the request's body.
    () => getAuth().api.changeEmail({ body: { newEmail: email, callbackURL: EMAIL_CONFIRMED_PATH, password } as { newEmail: string; callbackURL: string }, headers }),
    (error): EmailChangeFormState["problem"] => {
      if (codeOf(error) === WRONG_PASSWORD.code) return { message: WRONG_PASSWORD.message, fields: ["password"] };
      const described = describeAuthError(error);
      return described && { message: described.message, fields: described.fields.includes("email") ? ["email"] : [] };
    },
  );
  // Success says the same whether or not another account uses the new address: the page reveals nothing.
  return refused;
}
