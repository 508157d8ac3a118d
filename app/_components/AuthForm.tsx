"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { EMPTY_AUTH_FORM, SCRIPTED_FIELD, type AuthField, type AuthMode } from "@/lib/accounts/auth-form-state";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { signInWithPasskey } from "@/lib/client/passkeys";
import { DEFAULT_RETURN_PATH } from "@/lib/return-path";
import { signInAction, signUpAction } from "./auth-actions";
import { useBrowserTimeZone, useScripted } from "./useScripted";

const ERROR_ID = "auth-error";

/**
 * The sign-in or sign-up form: a plain HTML form post to a server action, so it works without
 * JavaScript (the page comes back with the problem, or redirects). With JavaScript, the same
 * form shows its progress and problems without a page load. `next`: where to go once signed in,
 * already checked by safeReturnPath() (see AuthPage); the action checks it again.
 */
export function AuthForm({ mode, next }: { mode: AuthMode; next: string }) {
  const signingUp = mode === "sign-up";
  const [state, formAction, pending] = useActionState(signingUp ? signUpAction : signInAction, EMPTY_AUTH_FORM);
  // False in the server's HTML and until React runs here: only then is the form "scripted".
  const scripted = useScripted();
  // The browser's time zone, which a new account starts with.
  const browserZone = useBrowserTimeZone();
  const formRef = useRef<HTMLFormElement>(null);
  // The passkey sign-in runs in the browser (WebAuthn); its problem shows in the same alert.
  const [passkey, setPasskey] = useState<{ pending: boolean; problem?: string }>({ pending: false });

  const problem = state.problem;
  const firstInvalid = problem?.fields[0];
  useEffect(() => {
    if (state.location) window.location.assign(state.location); // a full page load: see auth-actions.ts
    else if (state.problem) {
      const target = state.problem.fields[0] ?? ERROR_ID;
      formRef.current?.querySelector<HTMLElement>(`#${target}`)?.focus();
    }
  }, [state]);

  const invalid = (field: AuthField) => problem?.fields.includes(field) ?? false;
  /** Props of a field: marked invalid and pointed at the message when the problem is about it; focused first without JavaScript too. */
  const fieldProps = (field: AuthField, hint?: string) => ({
    id: field,
    name: field,
    "aria-invalid": invalid(field) || undefined,
    "aria-describedby": [hint, invalid(field) && ERROR_ID].filter(Boolean).join(" ") || undefined,
    autoFocus: firstInvalid === field,
  });
  const busy = pending || state.location !== undefined || passkey.pending;
  const alert = passkey.problem ?? problem?.message;

  async function passkeySignIn() {
    setPasskey({ pending: true });
    const passkeyProblem = await signInWithPasskey();
    if (!passkeyProblem) return window.location.assign(next); // a full page load, as after the password (see auth-actions.ts)
    setPasskey({ pending: false, problem: passkeyProblem });
    formRef.current?.querySelector<HTMLElement>(`#${ERROR_ID}`)?.focus();
  }
  const other = signingUp ? { href: "/sign-in", text: "Already have an account?", link: "Sign in" } : { href: "/sign-up", text: "New here?", link: "Create an account" };
  const query = next === DEFAULT_RETURN_PATH ? "" : `?next=${encodeURIComponent(next)}`;

  return (
    <div className="auth card">
      <h1>{signingUp ? "Create your account" : "Sign in"}</h1>
      <form ref={formRef} action={formAction} noValidate onSubmit={() => setPasskey({ pending: false })}>
        <input type="hidden" name="next" value={next} />
        {scripted && <input type="hidden" name={SCRIPTED_FIELD} value="1" />}
        {signingUp && browserZone && <input type="hidden" name="timeZone" value={browserZone} />}
        <div role="alert" id={ERROR_ID} tabIndex={-1} autoFocus={problem !== undefined && firstInvalid === undefined} className="auth-error">
          {alert && <p className="alert">{alert}</p>}
        </div>
        {signingUp && (
          <div className="field">
            <label htmlFor="name">Name</label>
            <input {...fieldProps("name")} autoComplete="name" required maxLength={NAME_MAX} defaultValue={state.values.name} />
          </div>
        )}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input {...fieldProps("email")} type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={state.values.email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input {...fieldProps("password", signingUp ? "password-hint" : undefined)} type="password" autoComplete={signingUp ? "new-password" : "current-password"} required />
          {signingUp ? (
            <span id="password-hint" className="hint">
              {PASSWORD_MIN} to {PASSWORD_MAX} characters, and not a common password.
            </span>
          ) : (
            <Link className="hint" href="/forgot-password">
              Forgot your password?
            </Link>
          )}
        </div>
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? (signingUp ? "Creating account…" : "Signing in…") : signingUp ? "Create account" : "Sign in"}
        </button>
        {!signingUp && scripted && (
          <button className="button" type="button" disabled={busy} onClick={() => void passkeySignIn()}>
            Sign in with a passkey
          </button>
        )}
      </form>
      <p>
        {other.text} <Link href={`${other.href}${query}`}>{other.link}</Link>
      </p>
    </div>
  );
}
