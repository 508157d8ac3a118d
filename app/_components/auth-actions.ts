"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitAuthForm } from "@/lib/accounts/auth-form";
import { EMPTY_AUTH_FORM, SCRIPTED_FIELD, type AuthFormState, type AuthMode } from "@/lib/accounts/auth-form-state";
import { getAuth } from "@/lib/better-auth";

// The server actions of the sign-in, sign-up and sign-out forms. They work as plain HTML form
// posts (no JavaScript needed) and, with JavaScript, through React's form actions. Next.js
// refuses an action posted from another origin (its check of Origin against Host).
//
// Signing in ends with a full page load of the next page, never a client-side navigation: no
// state of the browser's previous session (cached tasks, an API token in memory) can outlive a
// change of user. A plain post gets a redirect; a form whose script runs says so (SCRIPTED_FIELD)
// and gets the path to load instead.

async function submit(mode: AuthMode, form: FormData): Promise<AuthFormState> {
  if (!(form instanceof FormData)) return EMPTY_AUTH_FORM; // an action's arguments are whatever the client posted
  const state = await submitAuthForm(mode, form, await headers());
  if (state.location && !form.has(SCRIPTED_FIELD)) redirect(state.location);
  return state;
}

export async function signInAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  return submit("sign-in", form);
}

export async function signUpAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  return submit("sign-up", form);
}

/** Ends the session (its cookie too, even when the database cannot be reached) and goes to sign-in. */
export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
