"use client";

import { useActionState, useEffect, useRef } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/limits";
import { EMPTY_PASSWORD_FORM, type PasswordField } from "@/lib/accounts/settings-form-state";
import { changePasswordAction } from "./actions";

const MESSAGE_ID = "password-message";

/**
 * Current and new password, posted to a server action: works without JavaScript (the page comes
 * back with the outcome); with it, without a page load. The problem is said in a sentence, the
 * field it concerns is marked and focused; success is announced and the fields are cleared.
 */
export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState(changePasswordAction, EMPTY_PASSWORD_FORM);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) formRef.current?.reset();
    const target = state.problem?.fields[0] ?? (state.problem || state.done ? MESSAGE_ID : undefined);
    if (target) formRef.current?.querySelector<HTMLElement>(`#${target}`)?.focus();
  }, [state]);

  const invalid = (field: PasswordField) => state.problem?.fields.includes(field) ?? false;
  const fieldProps = (field: PasswordField, hint?: string) => ({
    id: field,
    name: field,
    type: "password",
    required: true,
    maxLength: PASSWORD_MAX,
    "aria-invalid": invalid(field) || undefined,
    "aria-describedby": [hint, invalid(field) && MESSAGE_ID].filter(Boolean).join(" ") || undefined,
    autoFocus: state.problem?.fields[0] === field,
  });

  return (
    <form ref={formRef} action={formAction} noValidate className="password-form">
      <div id={MESSAGE_ID} role="alert" tabIndex={-1} className="form-message">
        {state.problem && <p className="alert">{state.problem.message}</p>}
        {state.done && <p className="notice">{state.done}</p>}
      </div>
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input {...fieldProps("currentPassword")} autoComplete="current-password" />
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input {...fieldProps("newPassword", "new-password-hint")} autoComplete="new-password" minLength={PASSWORD_MIN} />
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
