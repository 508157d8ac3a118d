"use client";

import { ErrorMessage } from "./_components/ErrorMessage";

// A page that failed to render, inside the app's layout. `retry` fetches the page from the
// server again and re-renders it (`reset` would only re-render what already failed).
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
