"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { EMAIL_MAX } from "@/lib/accounts/limits";
import { requestResetAction } from "../reset-password/actions";

/** The account's email; the same answer whether or not an account uses it. */
export function ForgotPasswordForm({ email }: { email: string }) {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(requestResetAction, "reset-request-message");
  return (
    <form ref={formRef} action={formAction} noValidate>
      {message}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input defaultValue={email} {...fieldProps("email")} type="email" autoComplete="email" required maxLength={EMAIL_MAX} />
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
