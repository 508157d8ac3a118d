import { errorResponse } from "@/lib/api/respond";
import { getAuth } from "@/lib/better-auth";

// Better Auth's own endpoints: sign-up, sign-in, sign-out, session, /token and /jwks.
async function handle(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await getAuth().handler(request);
  } catch (error) {
    return errorResponse(error); // Better Auth lets database errors through: 503 when it is unavailable
  }
  // Better Auth's rate limiter says when to retry only in X-Retry-After; add the standard header.
  const retryAfter = response.headers.get("X-Retry-After");
  if (response.status === 429 && retryAfter && !response.headers.has("Retry-After")) {
    const headers = new Headers(response.headers);
    headers.set("Retry-After", retryAfter);
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  }
  return response;
}

export { handle as GET, handle as POST };
