"use client";

import Link from "next/link";
import { useFormAction } from "@/app/_components/useFormAction";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { resetPasswordAction } from "./actions";

/** The new password, with the link's token; once set, the way to sign in with it. */
export function NewPasswordForm({ token }: { token: string }) {
  const { formAction, formRef, pending, fieldProps, message, done } = useFormAction(resetPasswordAction, "reset-message", { resetOnDone: true });
  return (
    <form ref={formRef} action={formAction} noValidate>
      {message}
      {done ? (
        <Link className="button primary" href="/sign-in">
          Sign in
        </Link>
      ) : (
        <>
          <input type="hidden" name="token" value={token} />
          <div className="field">
            <label htmlFor="newPassword">New password</label>
            <input {...fieldProps("newPassword", "new-password-hint")} type="password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" />
            <span className="hint" id="new-password-hint">
              {PASSWORD_MIN} to {PASSWORD_MAX} characters, and not a common password. Every device is signed out when it changes.
            </span>
          </div>
          <button className="button primary" type="submit" disabled={pending}>
            {pending ? "Saving…" : "Set new password"}
          </button>
        </>
      )}
    </form>
  );
}
