import type { Metadata } from "next";
import Link from "next/link";
import { RESET_LINK_INVALID } from "@/lib/accounts/password-reset";
import { SiteHeader } from "../_components/SiteHeader";
import { NewPasswordForm } from "./NewPasswordForm";

export const metadata: Metadata = { title: "Choose a new password" };

// A reset mail's link passes through Better Auth (GET /api/auth/reset-password/:token), which
// sends it here with ?token=… while the token is valid, or ?error=INVALID_TOKEN.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && error === undefined;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <div className="auth card">
          <h1>Choose a new password</h1>
          {usable ? (
            <NewPasswordForm token={token} />
          ) : (
            <p className="alert" role="alert">
              {RESET_LINK_INVALID}
            </p>
          )}
          <p>
            Link not working? <Link href="/forgot-password">Send a new one</Link>
          </p>
        </div>
      </main>
    </>
  );
}
