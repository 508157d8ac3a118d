import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "../_components/SiteHeader";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { email } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page public">
        <div className="auth card">
          <h1>Reset your password</h1>
          <p>Enter the email address of your account: we will send it a link to choose a new password.</p>
          <ForgotPasswordForm email={typeof email === "string" ? email.slice(0, 254) : ""} />
          <p>
            Remembered it? <Link href="/sign-in">Sign in</Link>
          </p>
        </div>
      </main>
    </>
  );
}
