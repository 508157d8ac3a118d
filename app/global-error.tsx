"use client";

import { ErrorMessage } from "./_components/ErrorMessage";
import "./globals.css";

// When the root layout itself fails, this replaces it: its own <html> and <body>, and the
// app's styles imported again.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorMessage error={error} retry={retry} />
      </body>
    </html>
  );
}
