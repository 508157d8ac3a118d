import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/better-auth";

/**
 * The session of the settings page's request, for the page and its actions; without one, to
 * sign-in and back. Read with the cookies as they are now: after a password change the page is
 * rendered again within the action's request, whose Cookie header still names the session the
 * change ended, while the new session's cookie is in cookies() only.
 */
export async function settingsSession() {
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  const current = new Headers(requestHeaders);
  current.set("cookie", cookieStore.toString());
  const signedIn = await getAuth().api.getSession({ headers: current });
  if (!signedIn) redirect("/sign-in?next=%2Fsettings");
  return signedIn;
}
