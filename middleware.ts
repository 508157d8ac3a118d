import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// Page routing by sign-in state. It only checks that Better Auth's session cookie is present
// (fast, no database): a convenience for the browser, not a security check. The API's
// verifyRequest() is the real one, and the tasks page itself sends a stale session to sign in.

const PAGES_FOR_SIGNED_OUT = ["/", "/sign-in", "/sign-up"];

export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = getSessionCookie(request) !== null;
  if (!signedIn && pathname.startsWith("/tasks")) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (signedIn && PAGES_FOR_SIGNED_OUT.includes(pathname)) return NextResponse.redirect(new URL("/tasks", request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/", "/sign-in", "/sign-up", "/tasks/:path*"] };
