import { API_TOKEN_LIFETIME_SECONDS } from "@/lib/api-token";
import { safeReturnPath } from "@/lib/return-path";

// The browser's side of the API's bearer tokens. The token lives in memory only (never in
// localStorage, where injected script could read it), is renewed before it expires, and a 401
// gets one renewal and one retry before the user is sent to sign in again. Plain fetch to Better
// Auth's endpoints rather than its client library: the task page ships none of it.

// Three minutes before the token expires: room for a slow network and clock differences.
const RENEW_AFTER_MS = (API_TOKEN_LIFETIME_SECONDS - 3 * 60) * 1000;

let current: { token: string; fetchedAt: number } | undefined;
let renewing: Promise<string> | undefined;

/** The session is gone: the user must sign in again (they are being sent there). */
export class SignedOutError extends Error {
  override name = "SignedOutError";
}

/** No token for another reason than the session (too many requests, a server error): its answer. */
class TokenUnavailableError extends Error {
  override name = "TokenUnavailableError";
  constructor(readonly response: Response) {
    super(`The token request was answered ${response.status}.`);
  }
}

async function fetchToken(): Promise<string> {
  const response = await fetch("/api/auth/token", { cache: "no-store" });
  if (response.status === 401) throw new SignedOutError("Your session has ended.");
  if (!response.ok) throw new TokenUnavailableError(response);
  const { token } = (await response.json()) as { token: string };
  current = { token, fetchedAt: Date.now() };
  return token;
}

function apiToken(forceRenewal: boolean): Promise<string> {
  if (!forceRenewal && current && Date.now() - current.fetchedAt < RENEW_AFTER_MS) return Promise.resolve(current.token);
  renewing ??= fetchToken().finally(() => (renewing = undefined));
  return renewing;
}

/**
 * Forgets the token, ends the session (clearing its cookie, or middleware would send a stale
 * session straight back) and goes to the sign-in page; with `returnHere`, back here after.
 */
export async function signOut({ returnHere = false } = {}): Promise<void> {
  current = undefined;
  await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => {});
  const here = safeReturnPath(window.location.href, window.location.origin);
  // A full page load on purpose: it drops in-memory state and lets middleware see the change.
  window.location.assign(returnHere ? `/sign-in?next=${encodeURIComponent(here)}` : "/sign-in");
}

let signingOut = false;

/** The person chose to sign out (the header's form): a 401 meanwhile is that, not a reason to go anywhere. */
export function signingOutOnPurpose(): void {
  signingOut = true;
}

/** fetch() to the app's API with `Authorization: Bearer <jwt>`. */
export async function apiFetch(path: string, init: RequestInit & { keepalive?: boolean } = {}): Promise<Response> {
  const send = (token: string) => fetch(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
  const page = window.location.pathname;
  try {
    const response = await send(await apiToken(false));
    if (response.status !== 401) return response;
    const retried = await send(await apiToken(true));
    if (retried.status !== 401) return retried;
  } catch (error) {
    if (error instanceof TokenUnavailableError) return error.response;
    if (!(error instanceof SignedOutError)) throw error;
  }
  // A request still on its way when its page was left, or the person signs out (which goes to
  // /sign-in without a page load), must not send the browser anywhere: someone may be typing
  // on the sign-in page already.
  if (!signingOut && window.location.pathname === page) await signOut({ returnHere: true });
  throw new SignedOutError("Your session has ended.");
}
