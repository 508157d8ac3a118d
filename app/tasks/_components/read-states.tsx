"use client";

import { errorMessage } from "@/lib/client/error-messages";

// What a place shows while its first read is on its way, and when it failed.

/** Announced to screen readers, with placeholder rows on screen. */
export function Loading({ text, rows }: { text: string; rows: number }) {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        {text}
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" />
      ))}
    </div>
  );
}

/** The failure in words, with a Retry. */
export function LoadError({ text, error, onRetry }: { text: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="alert" role="alert">
      <p>
        {text} {errorMessage(error)}
      </p>
      <button className="button small" type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
