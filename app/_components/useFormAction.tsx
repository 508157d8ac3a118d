"use client";

import { useActionState, useEffect, useRef } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/accounts/form-state";

type Action<State> = (previous: Awaited<State>, form: FormData) => Promise<State>;

/**
 * An account form (settings, password reset) posted to a server action: works without JavaScript (the page comes back with
 * the outcome); with it, without a page load. A problem is said in a sentence (the form's
 * message, an alert), the field it concerns is marked and focused; success is announced.
 */
export function useFormAction<Field extends string, State extends FormState<Field> = FormState<Field>>(action: Action<State>, messageId: string, { resetOnDone = false } = {}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM as Awaited<State>);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done && resetOnDone) formRef.current?.reset();
    // A field by its name (its id may differ, to stay unique on the page), else the message.
    const field = state.problem?.fields[0];
    const target = field ? `[name="${field}"]` : state.problem || state.done ? `#${messageId}` : undefined;
    if (target) formRef.current?.querySelector<HTMLElement>(target)?.focus();
  }, [state, messageId, resetOnDone]);

  const invalid = (field: Field) => state.problem?.fields.includes(field) ?? false;
  /** Props of a field: marked invalid and pointed at the message when the problem is about it; focused first without JavaScript too. */
  const fieldProps = (field: Field, hint?: string) => ({
    id: field,
    name: field,
    "aria-invalid": invalid(field) || undefined,
    "aria-describedby": [hint, invalid(field) && messageId].filter(Boolean).join(" ") || undefined,
    autoFocus: state.problem?.fields[0] === field,
    ...(state.values?.[field] !== undefined && { defaultValue: state.values[field] }),
  });

  const message = (
    <div id={messageId} role="alert" tabIndex={-1} className="form-message">
      {state.problem && <p className="alert">{state.problem.message}</p>}
      {state.done && <p className="notice">{state.done}</p>}
    </div>
  );
  return { state, formAction, formRef, pending, fieldProps, message, done: state.done !== undefined };
}
