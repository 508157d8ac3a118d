"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { FormState } from "@/lib/accounts/form-state";
import { PASSKEY_NAME_MAX, PASSWORD_MAX } from "@/lib/accounts/limits";
import { addPasskey } from "@/lib/client/passkeys";
import { useScripted } from "@/app/_components/useScripted";
import { confirmPasskeyPasswordAction } from "./actions";


/**
 * "Add a passkey": runs in the browser, as WebAuthn must (the device creates the key). The list
 * and Delete are the page's (server-rendered, a server action); once added, the page is read again.
 */
export function AddPasskey() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ problem?: string; passwordWrong?: boolean; done?: string }>({});
  const messageRef = useRef<HTMLDivElement>(null);
  // False in the server's HTML and until React runs here: a passkey cannot be made without JavaScript.
  const scripted = useScripted();

  async function add(form: HTMLFormElement) {
    setPending(true);
    const fields = new FormData(form);
    // The password first (the server lets this session add one passkey), then the device's ceremony.
    const confirmed: FormState<"password"> = await confirmPasskeyPasswordAction(fields).catch(() => ({ problem: { message: "Could not reach the server: try again.", fields: [] } }));
    const problem = confirmed.problem?.message ?? (await addPasskey(String(fields.get("name") ?? "")));
    setPending(false);
    setOutcome(problem ? { problem, passwordWrong: confirmed.problem?.fields.includes("password") } : { done: "Passkey added. You can now sign in with it." });
    if (!problem) {
      form.reset();
      router.refresh(); // the list is the server's
    }
    messageRef.current?.focus();
  }

  return (
    <form
      className="settings-form"
      aria-labelledby="add-passkey-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void add(event.currentTarget);
      }}
    >
      <h3 id="add-passkey-heading">Add a passkey</h3>
      <p className="hint">Your device keeps the key and checks it is you (fingerprint, face or PIN); nothing secret reaches Tasks. Your password confirms it is you adding it, and your address gets a mail saying so.</p>
      <div id="add-passkey-message" ref={messageRef} role="alert" tabIndex={-1} className="form-message">
        {outcome.problem && <p className="alert">{outcome.problem}</p>}
        {outcome.done && <p className="notice">{outcome.done}</p>}
      </div>
      <div className="field">
        <label htmlFor="passkey-password">Password</label>
        <input
          id="passkey-password"
          name="password"
          type="password"
          required
          maxLength={PASSWORD_MAX}
          autoComplete="current-password"
          aria-invalid={outcome.passwordWrong || undefined}
          aria-describedby={outcome.passwordWrong ? "add-passkey-message" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="passkey-name">Name (optional)</label>
        <input id="passkey-name" name="name" maxLength={PASSKEY_NAME_MAX} placeholder="Laptop" autoComplete="off" />
      </div>
      <button className="button primary" type="submit" disabled={pending || !scripted}>
        {pending ? "Waiting for your device…" : "Add a passkey"}
      </button>
    </form>
  );
}
