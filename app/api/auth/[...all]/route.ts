import { errorResponse } from "@/lib/api/respond";
import { tooManyAttempts } from "@/lib/auth/too-many-attempts";
import { getAuth } from "@/lib/better-auth";

// Better Auth's own endpoints: sign-up, sign-in, sign-out, session, /token and /jwks.
async function handle(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await getAuth().handler(request);
  } catch (error) {
    return errorResponse(error); // Better Auth lets database errors through: 503 when it is unavailable
  }
  // Better Auth's rate limiter says when to retry only in X-Retry-After, with a body of its own:
  // answer as every other "too many attempts" does, with the standard Retry-After.
  const retryAfter = Number(response.headers.get("X-Retry-After"));
  if (response.status === 429 && retryAfter > 0) {
    const { body, headers } = tooManyAttempts(retryAfter);
    return Response.json(body, { status: 429, headers });
  }
  return response;
}

export { handle as GET, handle as POST };
