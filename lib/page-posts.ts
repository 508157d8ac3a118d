import { MAX_BODY_BYTES } from "./api/body";
import { errorBody } from "./api/errors";

// Posts to pages are the forms' server actions (sign-in, sign-up, sign-out): a few short fields.
// Next.js reads a server action's body up to serverActions.bodySizeLimit and answers a larger one
// with a 500. middleware.ts refuses it first, from the length the request declares (browsers
// always declare it for a form), with a 4xx that names the limit; next.config.ts sets Next.js's
// own limit to the same number.

export const PAGE_POST_MAX_BYTES = MAX_BODY_BYTES;

/** The answer to a page request whose body is too large or of no declared length; undefined to serve it. */
export function refusedPagePost(method: string, contentLength: string | null): Response | undefined {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return undefined;
  if (contentLength === null || !/^\d{1,15}$/.test(contentLength)) {
    return Response.json(errorBody("length_required", "A post to this page must declare its length (Content-Length)."), { status: 411 });
  }
  if (Number(contentLength) > PAGE_POST_MAX_BYTES) {
    return Response.json(errorBody("payload_too_large", `The body must be at most ${PAGE_POST_MAX_BYTES / 1024} KB.`), { status: 413 });
  }
  return undefined;
}
