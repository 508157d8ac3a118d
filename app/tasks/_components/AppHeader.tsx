"use client";

import { useState } from "react";
import { forgetApiToken } from "@/lib/client/api-fetch";
import { authClient } from "@/lib/client/auth-client";

export function AppHeader() {
  const { data: session } = authClient.useSession();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    forgetApiToken();
    await authClient.signOut().catch(() => {});
    // A full page load on purpose: it drops in-memory state (the API token) and lets middleware
    // see the new session cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  }

  return (
    <header className="app-header">
      <span className="brand">Tasks</span>
      <span className="who" aria-live="polite">
        {session ? `Signed in as ${session.user.name} (${session.user.email})` : ""}
      </span>
      <button className="button small" type="button" onClick={signOut} disabled={signingOut}>
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </header>
  );
}
