import type { Metadata } from "next";
import { SiteHeader } from "@/app/_components/SiteHeader";
import { ApiReference } from "./ApiReference";

export const metadata: Metadata = { title: "API reference" };

// The API reference: the OpenAPI document of GET /api/openapi.json, rendered in the browser by
// Scalar (ApiReference.tsx). Public, like the document: it describes the API and holds no data.
export default function ApiReferencePage() {
  return (
    <>
      <SiteHeader />
      {/* Not a <main>: Scalar renders its own. */}
      <div id="main" className="api-reference">
        <p className="hint">
          Programs reach your tasks with a bearer token; this page is made from the API&apos;s own{" "}
          <a href="/api/openapi.json">OpenAPI document</a>.
        </p>
        <ApiReference documentUrl="/api/openapi.json" />
      </div>
    </>
  );
}
