import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, CSP_HEADER, newNonce } from "./lib/content-security-policy";
import { assignRequestId, REQUEST_ID_HEADER } from "./lib/request-id";
import { refusedPagePost } from "./lib/page-posts";
import { isSignedInPage, safeReturnPath } from "./lib/return-path";

// Runs for every page request (not the API, whose route wrapper assigns request ids itself, nor
// static assets), with four jobs:
// - A request id for every response (X-Request-Id), forwarded to the routes as the x-request-id
//   request header for their log lines. A client-sent x-request-id is overwritten, never trusted.
// - The Content-Security-Policy with this request's nonce, on the response and forwarded on the
//   request, where Next.js reads the nonce for the page's scripts (lib/content-security-policy.ts).
// - Sending a visitor without a session cookie from the signed-in pages to sign in. It only
//   checks that Better Auth's session cookie is present (fast, no database): a convenience for
//   the browser, not a security check. The API's verifyRequest() is the real one, and the tasks
//   page itself sends a stale session to sign in. The way back (sign-in and sign-up sending a
//   signed-in visitor on) is the pages' own, by the session itself (app/_components/AuthPage.tsx):
//   decided here by the cookie alone, a stale one would loop between the two.
// - Refusing a post (a form's server action) too large for Next.js to answer with anything but a
//   500, or of no declared length (lib/page-posts.ts).

export function middleware(request: NextRequest) {
  const requestId = assignRequestId(request.headers);
  const csp = contentSecurityPolicy(newNonce());
  const response = refusedPagePost(request.method, request.headers.get("content-length")) ?? redirectBySignInState(request) ?? NextResponse.next({ request: { headers: forwarded(request.headers, requestId, csp) } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set(CSP_HEADER, csp);
  return response;
}

function forwarded(headers: Headers, requestId: string, csp: string): Headers {
  const result = new Headers(headers);
  result.set(REQUEST_ID_HEADER, requestId);
  result.set(CSP_HEADER, csp);
  return result;
}

/** Sign-in, for a signed-in page requested without a session cookie; undefined to serve the request. */
function redirectBySignInState(request: NextRequest): NextResponse | undefined {
  const { pathname, search, origin } = request.nextUrl;
  if (!isSignedInPage(pathname) || getSessionCookie(request) !== null) return undefined;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", safeReturnPath(`${pathname}${search}`, origin));
  return NextResponse.redirect(signIn);
}

// Everything but the API (lib/api/route.ts), Next.js's static files and image optimizer, and the
// files a browser fetches to install the app: its manifest and icons (public to everyone, no script).
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon\\.png|icons/|manifest\\.webmanifest).*)"] };
