"use client";

import { useState, type ReactNode } from "react";

// A secret the server shows once (an access token, a calendar feed's address), to copy now. Give
// it a key of the secret, so that a new one starts uncopied.

export function ShownOnce({ title, secret, label, hint, onCopyFailed }: { title: ReactNode; secret: string; label: string; hint: ReactNode; onCopyFailed: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="new-token" role="status">
      <p>
        <strong>{title}</strong> it will not be shown again.
      </p>
      <div className="row">
        <input readOnly value={secret} aria-label={label} onFocus={(event) => event.currentTarget.select()} />
        <button className="button" type="button" onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true), onCopyFailed)}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="hint">{hint}</p>
    </div>
  );
}
