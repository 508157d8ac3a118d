// Where a visitor goes after signing in (`/sign-in?next=...`). middleware.ts writes it, the
// sign-in and sign-up pages read it, and the browser's sign-out writes it: all through here.
// Web APIs only: it runs in the browser, in middleware (Edge) and on the server.

/** Where signing in leads when there is no acceptable return path. */
export const DEFAULT_RETURN_PATH = "/tasks";
/** The sign-in's second step, for an account with two-step sign-in (`?next=` as for sign-in). */
export const SECOND_STEP_PATH = "/sign-in/two-factor";

/** The pages that need a session: middleware sends a signed-out visitor from them to sign in. */
export function isSignedInPage(pathname: string): boolean {
  return ["/tasks", "/settings"].some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/**
 * The path to send a visitor to after signing in. `input` is parsed as the browser would parse
 * it (WHATWG URL: TAB, CR and LF dropped anywhere, `\` read as `/`, `//host` a new host), so
 * string checks on the raw input cannot be fooled. Accepted only when the parsed URL is on
 * `appOrigin` and is a page that needs signing in; the result is re-serialized from the parsed
 * URL, never the raw input. Anything else, DEFAULT_RETURN_PATH.
 */
export function safeReturnPath(input: string | null | undefined, appOrigin: string): string {
  if (!input) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(input, appOrigin);
  } catch {
    return DEFAULT_RETURN_PATH; // e.g. "http://[" : not a URL at all
  }
  if (url.origin !== appOrigin || !isSignedInPage(url.pathname)) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
