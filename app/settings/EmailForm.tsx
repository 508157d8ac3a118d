"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/accounts/limits";
import { changeEmailAction } from "./actions";

/** A new address for the account, confirmed by the password: it takes effect when the link mailed to it is opened. */
export function EmailForm() {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(changeEmailAction, "email-message", { resetOnDone: true });
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <div className="field">
        <label htmlFor="email">New email address</label>
        <input {...fieldProps("email")} type="email" required maxLength={EMAIL_MAX} autoComplete="email" />
      </div>
      <div className="field">
        <label htmlFor="email-password">Password</label>
        <input {...fieldProps("password")} id="email-password" type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Change email"}
      </button>
    </form>
  );
}
