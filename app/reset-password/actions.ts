"use server";

import { headers } from "next/headers";
import type { EmailFormState, NewPasswordFormState } from "@/lib/accounts/form-state";
import { submitNewPassword, submitResetRequest } from "@/lib/accounts/password-reset";

// The server actions of "Forgot your password?" (app/forgot-password) and of the page its link
// opens. They work as plain HTML form posts, without JavaScript, and through React's form actions.

export async function requestResetAction(_previous: EmailFormState, form: FormData): Promise<EmailFormState> {
  if (!(form instanceof FormData)) return {}; // an action's arguments are whatever the client posted
  return submitResetRequest(form, await headers());
}

export async function resetPasswordAction(_previous: NewPasswordFormState, form: FormData): Promise<NewPasswordFormState> {
  if (!(form instanceof FormData)) return {};
  return submitNewPassword(form, await headers());
}
