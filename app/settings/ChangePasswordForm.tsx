"use client";

import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { changePasswordAction } from "./actions";
import { useFormAction } from "@/app/_components/useFormAction";

/** Current and new password; the fields are cleared once it has changed. */
export function ChangePasswordForm() {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(changePasswordAction, "password-message", { resetOnDone: true });
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input {...fieldProps("currentPassword")} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input {...fieldProps("newPassword", "new-password-hint")} type="password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" />
        <p className="hint" id="new-password-hint">
          At least {PASSWORD_MIN} characters. Every other device is signed out when it changes.
        </p>
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
