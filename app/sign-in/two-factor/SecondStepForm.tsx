"use client";

import Link from "next/link";
import { useEffect } from "react";
import { SCRIPTED_FIELD } from "@/lib/accounts/auth-form-state";
import { TRUSTED_DEVICE_LIFETIME_SECONDS } from "@/lib/accounts/limits";
import { useFormAction } from "@/app/_components/useFormAction";
import { useScripted } from "@/app/_components/useScripted";
import { secondStepAction } from "./actions";

const TRUSTED_DAYS = TRUSTED_DEVICE_LIFETIME_SECONDS / (24 * 60 * 60);

/** One field for either kind of code: 6 digits from the app, or a backup code. */
export function SecondStepForm({ next }: { next: string }) {
  const { state, formAction, formRef, pending, fieldProps, message } = useFormAction(secondStepAction, "second-step-message");
  const scripted = useScripted();
  useEffect(() => {
    if (state.location) window.location.assign(state.location); // a full page load, as after signing in
  }, [state.location]);
  const busy = pending || state.location !== undefined;
  return (
    <div className="auth card">
      <h1>Two-step sign-in</h1>
      <p>Enter the 6-digit code your authenticator app shows for Tasks.</p>
      <form ref={formRef} action={formAction} noValidate>
        <input type="hidden" name="next" value={next} />
        {scripted && <input type="hidden" name={SCRIPTED_FIELD} value="1" />}
        {message}
        <div className="field">
          <label htmlFor="code">Code</label>
          <input {...fieldProps("code", "code-hint")} autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} required maxLength={20} autoFocus />
          <span id="code-hint" className="hint">
            No phone at hand? Enter one of your backup codes instead, like abcde-12345.
          </span>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="trustDevice" /> Don&apos;t ask again on this device for {TRUSTED_DAYS} days
        </label>
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
      <p>
        <Link href="/sign-in">Sign in with another account</Link>
      </p>
    </div>
  );
}
