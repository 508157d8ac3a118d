import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SiteHeader } from "@/app/_components/SiteHeader";
import { getAuth } from "@/lib/better-auth";
import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/return-path";
import { SecondStepForm } from "./SecondStepForm";

export const metadata: Metadata = { title: "Two-step sign-in" };

/**
 * The second step of signing in to an account with two-step sign-in, after the password. Without
 * the challenge cookie the password step set (none yet, or expired), back to sign-in; someone
 * already signed in goes on, as from the sign-in page.
 */
export default async function SecondStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ next }, requestHeaders, cookieStore, context] = await Promise.all([searchParams, headers(), cookies(), getAuth().$context]);
  const returnPath = safeReturnPath(typeof next === "string" ? next : null, getEnv().appUrl);
  if (await getAuth().api.getSession({ headers: requestHeaders })) redirect(returnPath);
  if (!cookieStore.has(context.createAuthCookie("two_factor").name)) redirect(`/sign-in?next=${encodeURIComponent(returnPath)}`);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <SecondStepForm next={returnPath} />
      </main>
    </>
  );
}
