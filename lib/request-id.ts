// A request id ties a request's log lines to the X-Request-Id header of its response. Pages get
// it from middleware.ts, which forwards it in this request header (instrumentation's
// onRequestError reads it there); API routes from their wrapper (lib/api/route.ts). This module
// runs in the Edge runtime too: Web APIs only.

export const REQUEST_ID_HEADER = "x-request-id";

// Vercel's own id for a request, e.g. "fra1::iad1::abcde-1700000000000-0123456789ab".
const VERCEL_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/**
 * The platform's id for the request on Vercel (so our lines match its request log), otherwise a
 * new random one. Never what the client sent: off Vercel, even x-vercel-id is the client's.
 */
export function assignRequestId(headers: Headers): string {
  const vercelId = process.env.VERCEL ? headers.get("x-vercel-id") : null;
  return vercelId && VERCEL_ID.test(vercelId) ? vercelId : crypto.randomUUID();
}
