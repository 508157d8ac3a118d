"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitPasswordChange } from "@/lib/accounts/password-change";
import { endOtherSessionsForUser, endSessionForUser } from "@/lib/accounts/sessions";
import type { PasswordFormState } from "@/lib/accounts/settings-form-state";
import { getAuth } from "@/lib/better-auth";

// The settings page's server actions. They work as plain HTML form posts (no JavaScript needed)
// and through React's form actions. Who acts is read from the request's session, never from the
// form: a session id in the form only names which of that user's sessions to end.

async function signedIn(requestHeaders: Headers) {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect("/sign-in?next=%2Fsettings");
  return session;
}

export async function changePasswordAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const requestHeaders = await headers();
  const { user } = await signedIn(requestHeaders);
  return submitPasswordChange(user.id, form, requestHeaders);
}

export async function endSessionAction(form: FormData): Promise<void> {
  const { user, session } = await signedIn(await headers());
  const sessionId = form.get("sessionId");
  const ended = typeof sessionId === "string" && (await endSessionForUser(user.id, sessionId, session.id));
  redirect(ended ? "/settings?ended=1" : "/settings");
}

export async function endOtherSessionsAction(): Promise<void> {
  const { user, session } = await signedIn(await headers());
  const ended = await endOtherSessionsForUser(user.id, session.id);
  redirect(`/settings?ended=${ended}`);
}
