"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitAccountDeletion } from "@/lib/accounts/delete-account";
import { resendConfirmation, submitEmailChange } from "@/lib/accounts/email-address";
import { submitNameChange } from "@/lib/accounts/name-change";
import { submitPasswordChange } from "@/lib/accounts/password-change";
import { confirmPasswordForPasskey } from "@/lib/accounts/passkey-add";
import { deletePasskeyForUser } from "@/lib/accounts/passkeys";
import { endOtherSessionsForUser, endSessionForUser } from "@/lib/accounts/sessions";
import { sessionActor } from "@/lib/actor";
import { actorNameSchema } from "@/lib/changes/schemas";
import { revertChangesForUser } from "@/lib/changes/revert";
import type { FormState } from "@/lib/accounts/form-state";
import type { DeleteAccountFormState, EmailChangeFormState, EmailFormState, NameFormState, PasswordFormState, ThemeFormState, TimeZoneFormState, TwoFactorFormState } from "@/lib/accounts/form-state";
import { submitTheme, submitTimeZone } from "@/lib/accounts/preferences";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS } from "@/lib/accounts/theme";
import { confirmTwoFactorSetup, replaceBackupCodes, startTwoFactorSetup, turnOffTwoFactor } from "@/lib/accounts/two-factor";
import { getAuth } from "@/lib/better-auth";
import { settingsSession } from "./session";

// The settings page's server actions. They work as plain HTML form posts (no JavaScript needed)
// and through React's form actions. Who acts is read from the request's session, never from the
// form: a session id in the form only names which of that user's sessions to end.

export async function changePasswordAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  if (!(form instanceof FormData)) return {}; // an action's arguments are whatever the client posted
  await settingsSession();
  return submitPasswordChange(form, await headers());
}

export async function changeNameAction(_previous: NameFormState, form: FormData): Promise<NameFormState> {
  if (!(form instanceof FormData)) return {};
  await settingsSession();
  const state = await submitNameChange(form, await headers());
  if (state.done) revalidatePath("/settings"); // the header shows the name
  return state;
}

export async function changeEmailAction(_previous: EmailChangeFormState, form: FormData): Promise<EmailChangeFormState> {
  if (!(form instanceof FormData)) return {};
  const { user } = await settingsSession();
  return submitEmailChange(form, user.email, await headers());
}

/** Mails the signed-in user's address a new confirmation link (the settings page and the task page's banner). */
export async function resendConfirmationAction(): Promise<EmailFormState> {
  const { user } = await settingsSession();
  return resendConfirmation(user.email, await headers());
}

export async function endSessionAction(form: FormData): Promise<void> {
  const { user, session } = await settingsSession();
  const sessionId = form instanceof FormData ? form.get("sessionId") : null;
  const ended = typeof sessionId === "string" && (await endSessionForUser(user.id, sessionId, session.id));
  redirect(ended ? "/settings?ended=1" : "/settings");
}

export async function endOtherSessionsAction(): Promise<void> {
  const { user, session } = await settingsSession();
  const ended = await endOtherSessionsForUser(user.id, session.id);
  redirect(`/settings?ended=${ended}`);
}

/** Adding a passkey, first step: the password lets this session add one (then the browser runs the device's ceremony). */
export async function confirmPasskeyPasswordAction(form: FormData): Promise<FormState<"password">> {
  if (!(form instanceof FormData)) return {};
  const { session } = await settingsSession();
  return confirmPasswordForPasskey(form, { id: session.id, userId: session.userId });
}

/** Deletes one of the signed-in user's passkeys (the id names which; another account's deletes nothing). */
export async function deletePasskeyAction(form: FormData): Promise<void> {
  const { user } = await settingsSession();
  const passkeyId = form instanceof FormData ? form.get("passkeyId") : null;
  const deleted = typeof passkeyId === "string" && (await deletePasskeyForUser(user.id, passkeyId));
  redirect(deleted ? "/settings?passkey=deleted#passkeys-heading" : "/settings#passkeys-heading");
}

/** Undoes what one device did since a time (the preview's form); who acts is this session's user. */
export async function revertDeviceAction(form: FormData): Promise<void> {
  const { user, session } = await settingsSession();
  const actor = actorNameSchema.safeParse(form instanceof FormData ? form.get("actor") : null);
  const since = form instanceof FormData ? new Date(String(form.get("since"))) : new Date(NaN);
  if (!actor.success || Number.isNaN(since.getTime())) redirect("/settings#undo-device");
  const result = await revertChangesForUser(sessionActor(user.id, session.id), actor.data, since);
  redirect(`/settings?reverted=${result.undone}&skipped=${result.skipped.length}#undo-device`);
}

/** Deletes the account once its password confirms it, then clears this browser's session cookies. */
export async function deleteAccountAction(_previous: DeleteAccountFormState, form: FormData): Promise<DeleteAccountFormState> {
  if (!(form instanceof FormData)) return {};
  const { user } = await settingsSession();
  const state = await submitAccountDeletion(form, { id: user.id, email: user.email });
  if (!state.done) return state;
  await getAuth().api.signOut({ headers: await headers() }); // its session is gone already: this clears the cookies
  redirect("/?deleted=1");
}

/** Two-step sign-in's set-up: the password starts it, and the app's secret and the backup codes come back. */
export async function startTwoFactorAction(_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  if (!(form instanceof FormData)) return {};
  await settingsSession();
  return startTwoFactorSetup(form, await headers());
}

/** A first code from the app turns two-step sign-in on. */
export async function confirmTwoFactorAction(_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  if (!(form instanceof FormData)) return {};
  await settingsSession();
  const state = await confirmTwoFactorSetup(form, await headers());
  if (state.done) redirect("/settings?twoFactor=on#two-factor-heading");
  return state;
}

export async function newBackupCodesAction(_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  if (!(form instanceof FormData)) return {};
  await settingsSession();
  const state = await replaceBackupCodes(form, await headers());
  if (state.done) revalidatePath("/settings"); // the count of codes left
  return state;
}

export async function turnOffTwoFactorAction(_previous: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  if (!(form instanceof FormData)) return {};
  await settingsSession();
  const state = await turnOffTwoFactor(form, await headers());
  if (state.done) redirect("/settings?twoFactor=off#two-factor-heading");
  return state;
}

/** The user's theme, saved to their profile and painted on this device at once (its cookie). */
export async function changeThemeAction(_previous: ThemeFormState, form: FormData): Promise<ThemeFormState> {
  if (!(form instanceof FormData)) return {};
  const { user } = await settingsSession();
  const state = await submitTheme(form, user.id);
  if (state.theme) (await cookies()).set(THEME_COOKIE, state.theme, { path: "/", maxAge: THEME_COOKIE_MAX_AGE_SECONDS, sameSite: "lax" });
  return state;
}

/** The user's time zone (or each device's own), for every page's days and dates. */
export async function changeTimeZoneAction(_previous: TimeZoneFormState, form: FormData): Promise<TimeZoneFormState> {
  if (!(form instanceof FormData)) return {};
  const { user } = await settingsSession();
  const state = await submitTimeZone(form, user.id);
  if (state.done) revalidatePath("/settings"); // its dates are shown in the zone
  return state;
}
