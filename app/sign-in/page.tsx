import type { Metadata } from "next";
import { AuthPage, type SearchParams } from "../_components/AuthPage";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  return <AuthPage mode="sign-in" searchParams={searchParams} />;
}
