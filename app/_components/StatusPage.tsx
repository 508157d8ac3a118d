import type { ReactNode } from "react";
import { SiteHeader } from "./SiteHeader";

/** The 404 and error pages' frame: the public header and one card holding what happened and where to go. */
export function StatusPage({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <div className="card status-card">{children}</div>
      </main>
    </>
  );
}
