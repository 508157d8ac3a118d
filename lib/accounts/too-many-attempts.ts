// The one answer to "too many attempts, wait": Better Auth's per-address limits (rewritten by the
// /api/auth route) and the per-email sign-in delay answer alike, so that neither says which limit
// was hit, nor whether an account exists.

function duration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** The 429 body and headers for a client that may try again in `retryAfterSeconds`. */
export function tooManyAttempts(retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return {
    body: { code: "TOO_MANY_ATTEMPTS", message: `Too many attempts: try again in ${duration(seconds)}.` },
    headers: { "Retry-After": String(seconds) },
  };
}
