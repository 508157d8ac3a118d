"use client";

import { useActionState, useEffect, useRef } from "react";
import { EMPTY_SETTINGS_FORM, type SettingsFormState } from "@/lib/accounts/settings-form-state";

type Action<Field extends string> = (previous: SettingsFormState<Field>, form: FormData) => Promise<SettingsFormState<Field>>;

/**
 * A settings form posted to a server action: works without JavaScript (the page comes back with
 * the outcome); with it, without a page load. A problem is said in a sentence (the form's
 * message, an alert), the field it concerns is marked and focused; success is announced.
 */
export function useSettingsForm<Field extends string>(action: Action<Field>, messageId: string, { resetOnDone = false } = {}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_SETTINGS_FORM);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done && resetOnDone) formRef.current?.reset();
    const target = state.problem?.fields[0] ?? (state.problem || state.done ? messageId : undefined);
    if (target) formRef.current?.querySelector<HTMLElement>(`#${target}`)?.focus();
  }, [state, messageId, resetOnDone]);

  const invalid = (field: Field) => state.problem?.fields.includes(field) ?? false;
  /** Props of a field: marked invalid and pointed at the message when the problem is about it; focused first without JavaScript too. */
  const fieldProps = (field: Field, hint?: string) => ({
    id: field,
    name: field,
    "aria-invalid": invalid(field) || undefined,
    "aria-describedby": [hint, invalid(field) && messageId].filter(Boolean).join(" ") || undefined,
    autoFocus: state.problem?.fields[0] === field,
  });

  const message = (
    <div id={messageId} role="alert" tabIndex={-1} className="form-message">
      {state.problem && <p className="alert">{state.problem.message}</p>}
      {state.done && <p className="notice">{state.done}</p>}
    </div>
  );
  return { formAction, formRef, pending, fieldProps, message };
}
