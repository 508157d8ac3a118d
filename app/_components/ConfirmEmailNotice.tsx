"use client";

import { resendConfirmationAction } from "@/app/settings/actions";
import { useFormAction } from "./useFormAction";

/**
 * Asks to confirm the account's address (a link was mailed at sign-up), with a button to mail a
 * new link. The app works meanwhile; a confirmed address is what a password reset relies on.
 */
export function ConfirmEmailNotice({ email, id }: { email: string; id: string }) {
  const { formAction, formRef, pending, message, done } = useFormAction(resendConfirmationAction, `${id}-message`);
  return (
    <form ref={formRef} action={formAction} className="confirm-email">
      <p>
        Confirm your email address with the link we sent to <strong>{email}</strong>, so that you can reset your password if you forget it.
      </p>
      {!done && (
        <button className="button small" type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send the link again"}
        </button>
      )}
      {message}
    </form>
  );
}
