import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getAuth } from "@/lib/better-auth";
import { SiteHeader } from "../_components/SiteHeader";

export const metadata: Metadata = { title: "Email address" };

// Where a confirmation link ends (lib/accounts/account-mail.ts): Better Auth's
// /api/auth/verify-email has confirmed the address, or sends ?error=<its code>.
const PROBLEMS: Record<string, string> = {
  TOKEN_EXPIRED: "This link has expired.",
  USER_NOT_FOUND: "The account of this link no longer exists.",
  INVALID_USER: "This link belongs to another account than the one signed in here: sign out, then open it again.",
  PASSWORD_CHANGED: "The account's password has changed since this link was sent, which cancels it. Ask for the change again if you still want it.",
  EMAIL_TAKEN: "Another account uses this address now.",
};
const INVALID = "This link is not valid: it was cut short, or the account's address has changed since it was sent.";

export default async function EmailConfirmedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ error }, requestHeaders] = await Promise.all([searchParams, headers()]);
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  const problem = error === undefined ? undefined : ((typeof error === "string" && Object.hasOwn(PROBLEMS, error) && PROBLEMS[error]) || INVALID);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <div className="auth card">
          <h1>{problem ? "This link did not work" : "Email address confirmed"}</h1>
          {problem ? (
            <p className="alert" role="alert">
              {problem} {session ? "Send a new link from Settings." : "Sign in to send a new one."}
            </p>
          ) : (
            <p className="notice" role="status">
              {session ? `${session.user.email} is your account's confirmed email address.` : "Your email address is confirmed."}
            </p>
          )}
          {session ? (
            <Link className="button primary" href={problem ? "/settings" : "/tasks"}>
              {problem ? "Go to Settings" : "Go to your tasks"}
            </Link>
          ) : (
            <Link className="button primary" href="/sign-in">
              Sign in
            </Link>
          )}
        </div>
      </main>
    </>
  );
}
