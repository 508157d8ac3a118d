"use client";

import dynamic from "next/dynamic";

// Scalar (Vue and its API client, a few MB of script) is loaded only here, in the browser, after
// the page: no other page's JavaScript grows, and the server renders none of it.
const ScalarReference = dynamic(() => import("./ScalarReference"), {
  ssr: false,
  loading: () => <p role="status">Loading the API reference…</p>,
});

export function ApiReference({ documentUrl }: { documentUrl: string }) {
  return <ScalarReference documentUrl={documentUrl} />;
}
