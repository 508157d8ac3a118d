import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/return-path";
import { AuthForm, type Mode } from "./AuthForm";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The sign-in or sign-up page. The return path is checked here, on the server, against the app's
 * public origin, so the form only ever holds a path on this site. A repeated `next` is ambiguous
 * and ignored.
 */
export async function AuthPage({ mode, searchParams }: { mode: Mode; searchParams: SearchParams }) {
  const { next } = await searchParams;
  return <AuthForm mode={mode} next={safeReturnPath(typeof next === "string" ? next : null, getEnv().appUrl)} />;
}
