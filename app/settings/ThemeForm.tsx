"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { THEMES, type Theme } from "@/lib/accounts/theme";
import { changeThemeAction } from "./actions";

const LABELS: Record<Theme, string> = { system: "System (follow this device)", light: "Light", dark: "Dark" };

/** The theme, saved for every device; the page repaints as soon as it is saved (the action sets this device's cookie). */
export function ThemeForm({ theme }: { theme: Theme }) {
  const { formAction, formRef, pending, message } = useFormAction(changeThemeAction, "theme-message");
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <fieldset className="choices">
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name="theme" value={option} defaultChecked={option === theme} /> {LABELS[option]}
          </label>
        ))}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save theme"}
      </button>
    </form>
  );
}
