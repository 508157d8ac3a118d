import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { AuthMode } from "@/lib/accounts/auth-form-state";
import { getAuth } from "@/lib/better-auth";
import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/return-path";
import { AuthForm } from "./AuthForm";
import { SiteHeader } from "./SiteHeader";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The sign-in or sign-up page. The return path is checked here, on the server, against the app's
 * public origin, so the form only ever holds a path on this site. A repeated `next` is ambiguous
 * and ignored. Someone already signed in goes straight there: decided by the session itself, not
 * the mere presence of its cookie, so a stale cookie (a session that has ended) still gets the
 * form rather than a loop between this page and the tasks page, which sends it here.
 */
export async function AuthPage({ mode, searchParams }: { mode: AuthMode; searchParams: SearchParams }) {
  const [{ next }, requestHeaders] = await Promise.all([searchParams, headers()]);
  const returnPath = safeReturnPath(typeof next === "string" ? next : null, getEnv().appUrl);
  if (await getAuth().api.getSession({ headers: requestHeaders })) redirect(returnPath);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <AuthForm mode={mode} next={returnPath} />
      </main>
    </>
  );
}
