"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { changeTimeZoneAction } from "./actions";

/**
 * The zone every page's days and due dates follow: one the user picks, or each device's own (the
 * browser's). `zones`: the server's list of IANA names, so that server and browser render the same.
 */
export function TimeZoneForm({ chosen, deviceZone, zones }: { chosen: string | null; deviceZone: string; zones: string[] }) {
  const { formAction, formRef, pending, fieldProps, message } = useFormAction(changeTimeZoneAction, "time-zone-message");
  return (
    <form ref={formRef} action={formAction} noValidate className="settings-form">
      {message}
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <select {...fieldProps("timeZone", "time-zone-hint")} defaultValue={chosen ?? ""}>
          <option value="">This device&apos;s own ({deviceZone})</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p className="hint" id="time-zone-hint">
          &quot;Today&quot;, &quot;Overdue&quot; and due dates follow it. Pick one to keep your days when you travel.
        </p>
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </button>
    </form>
  );
}
