"use client";

import "./zod-jitless";
import { ApiReferenceReact } from "@scalar/api-reference-react";
import { useMemo } from "react";
import "@scalar/api-reference-react/style.css";

// Scalar from node_modules, bundled with the app: nothing is fetched from Scalar's servers. The
// CSP (lib/content-security-policy.ts) allows only this origin, so every option that would reach
// another one is off: its fonts (fonts.scalar.com), telemetry, the AI agent (api.scalar.com), and
// no request proxy (proxyUrl unset: "Test request" calls this same origin directly).
const CONFIGURATION = {
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  documentDownloadType: "json",
} as const;

export default function ScalarReference({ documentUrl }: { documentUrl: string }) {
  // The same object while the URL is: Scalar re-applies its configuration whenever it changes.
  const configuration = useMemo(() => ({ ...CONFIGURATION, url: documentUrl }), [documentUrl]);
  return <ApiReferenceReact configuration={configuration} />;
}
