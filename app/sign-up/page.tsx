import type { Metadata } from "next";
import { AuthPage, type SearchParams } from "../_components/AuthPage";

export const metadata: Metadata = { title: "Sign up" };

export default function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  return <AuthPage mode="sign-up" searchParams={searchParams} />;
}
