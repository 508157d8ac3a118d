import { apiRoute } from "@/lib/api/route";
import { getAuth } from "@/lib/better-auth";

// Better Auth's own endpoints: sign-up, sign-in, sign-out, session, /token and /jwks.
const handle = apiRoute<{ all: string[] }>("/api/auth/[...all]", async (request) => {
  const response = await getAuth().handler(request);
  // Better Auth's rate limiter says when to retry only in X-Retry-After; add the standard header.
  const retryAfter = response.headers.get("X-Retry-After");
  if (response.status === 429 && retryAfter && !response.headers.has("Retry-After")) {
    const headers = new Headers(response.headers);
    headers.set("Retry-After", retryAfter);
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  }
  return response;
});

export { handle as GET, handle as POST };
