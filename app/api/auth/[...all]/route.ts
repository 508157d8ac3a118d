import { tooManyAttempts } from "@/lib/accounts/too-many-attempts";
import { NO_STORE } from "@/lib/api/respond";
import { endpoint, routeHandlers, type RouteAuth } from "@/lib/api/route";
import { getAuth } from "@/lib/better-auth";

// Better Auth's own endpoints: sign-up, sign-in, sign-out, session, /token and /jwks, passkeys.

const BETTER_AUTH: RouteAuth = { kind: "public", reason: "Better Auth's endpoints: they sign people in and check their own session cookie" };
// Sign-up, sign-in and the rest take a few hundred bytes: nothing reads more than this.
const MAX_AUTH_BODY_BYTES = 8 * 1024;

async function handle({ request }: { request: Request }): Promise<Response> {
  const response = await getAuth().handler(request);
  // Better Auth's rate limiter says when to retry only in X-Retry-After, with a body of its own:
  // answer as every other "too many attempts" does, with the standard Retry-After.
  const retryAfter = Number(response.headers.get("X-Retry-After"));
  if (response.status === 429 && retryAfter > 0) {
    const { body, headers } = tooManyAttempts(retryAfter);
    return Response.json(body, { status: 429, headers: { ...headers, ...NO_STORE } });
  }
  // The passkey plugin answers every registration it cannot verify (a wrong challenge or origin, a
  // malformed credential) with a 500 and FAILED_TO_VERIFY_REGISTRATION: the client's answer is at
  // fault, so it is a 400 (the plugin has logged the reason).
  if (response.status === 500 && new URL(request.url).pathname.endsWith("/passkey/verify-registration")) {
    const body = await response.clone().json().catch(() => null) as { code?: string } | null;
    if (body?.code === "FAILED_TO_VERIFY_REGISTRATION") return Response.json(body, { status: 400, headers: NO_STORE });
  }
  // Sessions, tokens and account details: never stored by a browser or proxy cache.
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(NO_STORE)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// A body must be JSON (what Better Auth's client sends) and pass the API's own checks (no NUL,
// no prototype keys) before Better Auth or our hooks see it: a NUL in an email or a token would
// otherwise reach the database as a 500.
const betterAuthEndpoint = endpoint({ auth: BETTER_AUTH, maxBodyBytes: MAX_AUTH_BODY_BYTES, bodyMustBeJson: true, handle });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/auth/[...all]", { GET: betterAuthEndpoint, POST: betterAuthEndpoint });
