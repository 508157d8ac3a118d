"use client";

import { PASSWORD_MAX } from "@/lib/accounts/limits";
import { deleteAccountAction } from "./actions";
import { useFormAction } from "@/app/_components/useFormAction";

/** The password confirms it: everything goes, on every device, and cannot be undone. */
export function DeleteAccountForm() {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(deleteAccountAction, "delete-account-message");
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <p className="hint" id="delete-account-hint">
        This deletes your tasks, lists, labels, their history and your account at once, and signs out every device. It cannot be undone.
      </p>
      <div className="field">
        <label htmlFor="password">Your password</label>
        <input {...fieldProps("password", "delete-account-hint")} type="password" required maxLength={PASSWORD_MAX} autoComplete="current-password" />
      </div>
      <button className="button danger" type="submit" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
