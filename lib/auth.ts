import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { API_TOKEN_LIFETIME_SECONDS } from "./api-token";
import { API_AUDIENCE, API_TOKEN_ALGORITHM, getAuth, type Auth } from "./better-auth";
import { getEnv } from "./env";
import { getLogger } from "./log";
import { isSessionAlive } from "./session-liveness";

// The one place where API requests are authenticated and where JWTs are decoded. A request
// carries `Authorization: Bearer <jwt>` issued by Better Auth's jwt plugin; the answer is the
// verified caller (user and session), or a typed error that the route layer turns into 401 or 503.
// The tokens of Better Auth's email links are read here too (verifyEmailLinkToken).

/** The request is not authenticated: answered 401 with `WWW-Authenticate: Bearer`. */
export class AuthenticationError extends Error {
  override name = "AuthenticationError";
  /** Whether a bearer token was presented (RFC 6750: then `error="invalid_token"`). */
  constructor(
    message: string,
    readonly tokenPresented: boolean,
  ) {
    super(message);
  }
}

/** The signing keys or the user table could not be read: answered 503, not 401. */
export class AuthUnavailableError extends Error {
  override name = "AuthUnavailableError";
}

/** Clock difference tolerated between the servers that sign and verify tokens */
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_AUTHORIZATION_LENGTH = 4096; // our tokens are about 300 characters
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const KEYS_MAX_AGE_MS = 5 * 60_000; // picks up retired keys leaving the set
const KEYS_MIN_REFRESH_INTERVAL_MS = 1_000; // a flood of unknown kids costs one key read a second

interface LoadedKeys {
  getKey: JWTVerifyGetKey;
  kids: Set<string>;
  loadedAt: number;
}
interface KeyState {
  keys?: LoadedKeys;
  refresh?: Promise<LoadedKeys>;
}

// Per Better Auth instance (tests swap databases); on globalThis for Next.js's module graphs.
const holder = globalThis as unknown as { tasksKeyStates?: WeakMap<Auth, KeyState> };
const keyStates = (holder.tasksKeyStates ??= new WeakMap());

async function loadKeys(auth: Auth): Promise<LoadedKeys> {
  let jwks: JSONWebKeySet;
  try {
    jwks = (await auth.api.getJwks()) as JSONWebKeySet;
  } catch (error) {
    getLogger().error({ err: error }, "could not load the JWT signing keys");
    throw new AuthUnavailableError("Authentication is temporarily unavailable.");
  }
  return {
    getKey: createLocalJWKSet(jwks),
    kids: new Set(jwks.keys.flatMap((key) => (key.kid ? [key.kid] : []))),
    loadedAt: Date.now(),
  };
}

/**
 * The signing keys, read in-process from Better Auth and cached. Reloaded when stale or when a
 * token names an unknown `kid` (a key rotated in by another server), and then at most once a
 * second: every request waiting meanwhile shares the one reload.
 */
async function currentKeys(auth: Auth, kid: string | undefined): Promise<LoadedKeys> {
  let state = keyStates.get(auth);
  if (!state) keyStates.set(auth, (state = {}));
  const { keys } = state;
  const age = keys ? Date.now() - keys.loadedAt : Infinity;
  if (keys && age < KEYS_MAX_AGE_MS && (kid === undefined || keys.kids.has(kid))) return keys;
  const current = state;
  current.refresh ??= new Promise((resolve) => setTimeout(resolve, Math.max(0, KEYS_MIN_REFRESH_INTERVAL_MS - age)))
    .then(() => loadKeys(auth))
    .then((loaded) => (current.keys = loaded))
    .finally(() => (current.refresh = undefined));
  return current.refresh;
}

const keyFor =
  (auth: Auth): JWTVerifyGetKey =>
  async (header, token) =>
    (await currentKeys(auth, header.kid)).getKey(header, token);

function bearerToken(request: Request): string {
  const authorization = request.headers.get("authorization");
  if (authorization === null) throw new AuthenticationError("Sign in first: this request needs an Authorization: Bearer token.", false);
  if (authorization.length > MAX_AUTHORIZATION_LENGTH) throw new AuthenticationError("The Authorization header is too long.", true);
  const match = BEARER.exec(authorization.trim());
  if (!match) throw new AuthenticationError("The Authorization header must be exactly: Bearer <token>.", true);
  return match[1];
}

/** Whom a verified token was issued to: the user, and the session (device) it was issued for. */
export interface VerifiedCaller {
  userId: string;
  sessionId: string;
}

/**
 * Verifies the request's bearer token and returns whom it was issued to. The token must name
 * its session (`sid`), and that session must still exist (lib/session-liveness.ts).
 */
export async function verifyRequest(request: Request): Promise<VerifiedCaller> {
  const token = bearerToken(request);
  const auth = getAuth();
  let userId: string;
  let sessionId: string;
  try {
    const { payload } = await jwtVerify(token, keyFor(auth), {
      algorithms: [API_TOKEN_ALGORITHM],
      issuer: getEnv().appUrl,
      audience: API_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat", "sid"],
      // Also refuses an iat in the future (beyond the tolerance): jose checks it only with a maximum age.
      maxTokenAge: API_TOKEN_LIFETIME_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    for (const claim of ["sub", "sid"] as const) {
      if (typeof payload[claim] !== "string" || payload[claim] === "") throw new errors.JWTClaimValidationFailed(`invalid ${claim}`, payload, claim);
    }
    userId = payload.sub as string;
    sessionId = payload.sid as string;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AuthenticationError("The token has expired.", true);
    if (error instanceof errors.JOSEError) throw new AuthenticationError("The token is not valid.", true);
    throw error; // AuthUnavailableError, or a bug: not a 401
  }
  let alive: boolean;
  try {
    alive = await isSessionAlive(sessionId, userId);
  } catch (error) {
    getLogger().error({ err: error }, "could not look up the token's session");
    throw new AuthUnavailableError("Authentication is temporarily unavailable.");
  }
  if (!alive) throw new AuthenticationError("The session this token was issued for has ended: sign in again.", true);
  return { userId, sessionId };
}

/** What an email link's token says: the account, and for a change of address the new one. */
export interface EmailLinkClaims {
  userId: string | null;
  /** The new address, when the link confirms a change of address */
  updateTo: string | null;
  /** When it was made, in whole seconds */
  issuedAt: number;
}

/**
 * Verifies the token of an email link (a confirmation or a change of address): Better Auth signs
 * them with HS256 and BETTER_AUTH_SECRET. Null when it is not one of ours, or has expired.
 */
export async function verifyEmailLinkToken(token: string): Promise<EmailLinkClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(getEnv().authSecret), { algorithms: ["HS256"], requiredClaims: ["iat"] });
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    return { userId: text(payload.userId), updateTo: text(payload.updateTo), issuedAt: payload.iat! };
  } catch {
    return null;
  }
}
