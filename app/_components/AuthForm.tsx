"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { authClient } from "@/lib/client/auth-client";
import { DEFAULT_RETURN_PATH } from "@/lib/return-path";

export type Mode = "sign-up" | "sign-in";


/** Our own wording for Better Auth's terse errors; the app's own errors (too many attempts, an existing account, ...) say it already. */
function describeError(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return "Wrong email or password.";
    case "PASSWORD_TOO_SHORT":
      return `Password is too short: use at least ${PASSWORD_MIN} characters.`;
    case "PASSWORD_TOO_LONG":
      return `Password is too long: use at most ${PASSWORD_MAX} characters.`;
    case "INVALID_EMAIL":
      return "Enter a valid email address.";
    default:
      return error.message || "Something went wrong. Please try again.";
  }
}

/** `next`: where to go once signed in, already checked by safeReturnPath() (see AuthPage). */
export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signingUp = mode === "sign-up";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if ((signingUp && !name) || !email || !password) return setError("Fill in every field.");
    if (signingUp && password.length < PASSWORD_MIN) return setError(describeError({ code: "PASSWORD_TOO_SHORT" }));
    if (signingUp && password.length > PASSWORD_MAX) return setError(describeError({ code: "PASSWORD_TOO_LONG" }));
    setPending(true);
    setError(null);
    try {
      const { error: failure } = signingUp
        ? await authClient.signUp.email({ name, email, password })
        : await authClient.signIn.email({ email, password });
      if (failure) {
        setError(describeError(failure));
        setPending(false);
        return;
      }
      // A full page load on purpose: middleware then sees the new session cookie.
      window.location.assign(next);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  const other = signingUp ? { href: "/sign-in", text: "Already have an account?", link: "Sign in" } : { href: "/sign-up", text: "New here?", link: "Create an account" };
  const query = next === DEFAULT_RETURN_PATH ? "" : `?next=${encodeURIComponent(next)}`;

  return (
    <main id="main" className="page">
      <div className="auth card">
        <h1>{signingUp ? "Create your account" : "Sign in"}</h1>
        <form onSubmit={onSubmit} noValidate aria-describedby={error ? "auth-error" : undefined}>
          {signingUp && (
            <div className="field">
              <label htmlFor="name">Name</label>
              <input id="name" name="name" autoComplete="name" required maxLength={NAME_MAX} />
            </div>
          )}
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete={signingUp ? "new-password" : "current-password"}
              required
              aria-describedby={signingUp ? "password-hint" : undefined}
            />
            {signingUp && (
              <span id="password-hint" className="hint">
                {PASSWORD_MIN} to {PASSWORD_MAX} characters, and not a common password.
              </span>
            )}
          </div>
          <div role="alert" id="auth-error">
            {error && <p className="alert">{error}</p>}
          </div>
          <button className="button primary" type="submit" disabled={pending}>
            {pending ? (signingUp ? "Creating account…" : "Signing in…") : signingUp ? "Create account" : "Sign in"}
          </button>
        </form>
        <p>
          {other.text} <Link href={`${other.href}${query}`}>{other.link}</Link>
        </p>
      </div>
    </main>
  );
}
