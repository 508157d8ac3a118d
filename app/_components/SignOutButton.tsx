"use client";

import { useFormStatus } from "react-dom";
import { signingOutOnPurpose } from "@/lib/client/api-fetch";

/** The sign-out form's button, which says so while the form is being sent. */
export function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <button className="button small" type="submit" disabled={pending} onClick={signingOutOnPurpose}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
