"use client";

import { useEffect, useId, useRef } from "react";

// What the task page's forms share (a field with its label and error, the form's error, Submit
// and Cancel), and its dialogs: each is the browser's own modal <dialog>, open from the moment it
// mounts (focus stays inside, Escape closes it and calls its onClose), named by its heading.

export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => ref.current?.showModal(), []);
  return { ref, id, headingId: `${id}-heading`, close: () => ref.current?.close() };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  /** The field's problem: marks it invalid and points at the message (FormError with `${id}-error`). */
  error?: string | null;
  autoFocus?: boolean;
  name?: string;
  disabled?: boolean;
  /** A hint under the field, read with it. */
  hint?: string;
}

export function TextField({ id, label, value, onChange, maxLength, error, autoFocus, name, disabled, hint }: TextFieldProps) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        value={value}
        maxLength={maxLength}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** The form's problem, announced as it appears. */
export function FormError({ id, error }: { id: string; error: string | null }) {
  return (
    <div role="alert" id={id}>
      {error && <span className="alert">{error}</span>}
    </div>
  );
}

export function FormButtons({ submit, busy = false, onCancel }: { submit: string; busy?: boolean; onCancel: () => void }) {
  return (
    <div className="row">
      <button className="button primary" type="submit" disabled={busy}>
        {submit}
      </button>
      <button className="button" type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
