"use client";

import { useState } from "react";
import { signOut } from "@/lib/client/api-fetch";
import { authClient } from "@/lib/client/auth-client";

export function AppHeader() {
  const { data: session } = authClient.useSession();
  const [signingOut, setSigningOut] = useState(false);

  function onSignOut() {
    setSigningOut(true);
    void signOut();
  }

  return (
    <header className="app-header">
      <span className="brand">Tasks</span>
      <span className="who" aria-live="polite">
        {session ? `Signed in as ${session.user.name} (${session.user.email})` : ""}
      </span>
      <button className="button small" type="button" onClick={onSignOut} disabled={signingOut}>
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </header>
  );
}
