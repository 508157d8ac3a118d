"use client";

import { NAME_MAX } from "@/lib/accounts/limits";
import { changeNameAction } from "./actions";
import { useFormAction } from "@/app/_components/useFormAction";

/** The name the app shows, in the header of every signed-in page. */
export function NameForm({ name }: { name: string }) {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(changeNameAction, "name-message");
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <div className="field">
        <label htmlFor="name">Name</label>
        <input {...fieldProps("name")} defaultValue={name} required maxLength={NAME_MAX} autoComplete="name" />
      </div>
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}
