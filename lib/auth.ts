import crypto from "node:crypto";
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { API_TOKEN_LIFETIME_SECONDS } from "./api-token";
import { API_AUDIENCE, API_TOKEN_ALGORITHM, getAuth, type Auth } from "./better-auth";
import { getEnv } from "./env";
import { setNewest } from "./bounded-map";
import { getLogger } from "./log";
import { isCredentialAlive, type Credential } from "./session-liveness";
import { TOKEN_SECRET_PREFIX } from "./tokens/constants";
import { isScope, type Scope } from "./tokens/scopes";
import { findPersonalToken } from "./tokens/secret";

// The one place where API requests are authenticated and where JWTs are decoded. A request
// carries `Authorization: Bearer <jwt>` issued by Better Auth's jwt plugin; the answer is the
// verified caller (user, session or access token, scopes), or a typed error that the route layer
// turns into 401, 403 or 503. Personal access tokens are checked here too, for their exchange.
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
const PERSONAL_TOKEN = new RegExp(`^Bearer +(${TOKEN_SECRET_PREFIX}[A-Za-z0-9_-]{43})$`, "i");
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
  /** Tokens that passed jwtVerify with `keys`, by their exact text (verifiedToken) */
  verified: Map<string, VerifiedToken>;
}
interface VerifiedToken {
  caller: VerifiedCaller;
  /** The key set it was verified with: a reload (a key retired, or its 5 minutes up) verifies it again. */
  keys: LoadedKeys;
  /** The earlier of its `exp` and `iat` + the longest lifetime, in ms: never later than jose would still take it */
  until: number;
}
const MAX_VERIFIED_TOKENS = 10_000;

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

function keyStateOf(auth: Auth): KeyState {
  let state = keyStates.get(auth);
  if (!state) keyStates.set(auth, (state = { verified: new Map() }));
  return state;
}

/**
 * The signing keys, read in-process from Better Auth and cached. Reloaded when stale or when a
 * token names an unknown `kid` (a key rotated in by another server), and then at most once a
 * second: every request waiting meanwhile shares the one reload.
 */
async function currentKeys(auth: Auth, kid: string | undefined): Promise<LoadedKeys> {
  const state = keyStateOf(auth);
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


/** The two kinds of bearer token: a JWT (every API request) and a personal access token (its exchange). */
const BEARER_KINDS = {
  jwt: { pattern: BEARER, missing: "Sign in first: this request needs an Authorization: Bearer token.", form: "Bearer <token>" },
  personal: { pattern: PERSONAL_TOKEN, missing: "Send the access token as Authorization: Bearer <token>.", form: `Bearer ${TOKEN_SECRET_PREFIX}<token>` },
} as const;

/** The bearer token of the kind wanted, from a bounded Authorization header; a personal token sent instead of a JWT is told so. */
function presentedToken(request: Request, kind: keyof typeof BEARER_KINDS): string {
  const { pattern, missing, form } = BEARER_KINDS[kind];
  const authorization = request.headers.get("authorization");
  if (authorization === null) throw new AuthenticationError(missing, false);
  if (authorization.length > MAX_AUTHORIZATION_LENGTH) throw new AuthenticationError("The Authorization header is too long.", true);
  const match = pattern.exec(authorization.trim());
  if (match) return match[1];
  if (kind === "jwt" && PERSONAL_TOKEN.test(authorization.trim())) {
    throw new AuthenticationError("This is a personal access token: exchange it at POST /api/tokens/exchange and send the token that returns.", true);
  }
  throw new AuthenticationError(`The Authorization header must be exactly: ${form}.`, true);
}

/** Whom a verified token was issued to, and what it may do. */
export interface VerifiedCaller {
  userId: string;
  /** What the token was issued from: a browser session, or a personal access token exchanged for it */
  credential: Credential;
  /** A browser session may do everything; an access token what its scopes say. */
  scopes: "all" | readonly Scope[];
  /** The lists an access token is limited to; null: not limited (lib/tokens/list-limits.ts) */
  lists: readonly string[] | null;
}

const stringClaim = (payload: JWTPayload, claim: string) => (typeof payload[claim] === "string" && payload[claim] !== "" ? (payload[claim] as string) : undefined);

/** The credential and scopes a verified payload names: exactly one of `sid` and `tid`. */
function credentialOf(payload: JWTPayload): Pick<VerifiedCaller, "credential" | "scopes" | "lists"> {
  const sid = stringClaim(payload, "sid");
  const tid = stringClaim(payload, "tid");
  if (sid !== undefined && tid === undefined && payload.scope === undefined && payload.lists === undefined) {
    return { credential: { kind: "session", id: sid }, scopes: "all", lists: null };
  }
  const scope = stringClaim(payload, "scope");
  const scopes = scope?.split(" ") ?? [];
  const lists = payload.lists;
  const listsValid = lists === undefined || (Array.isArray(lists) && lists.length > 0 && lists.every((id) => typeof id === "string"));
  if (tid === undefined || sid !== undefined || scopes.length === 0 || !scopes.every(isScope) || !listsValid) {
    throw new errors.JWTClaimValidationFailed("a token names either its session, or an access token with its scopes (and lists)", payload);
  }
  return { credential: { kind: "token", id: tid }, scopes, lists: (lists as string[] | undefined) ?? null };
}

/**
 * Whom the JWT was issued to, by its signature and claims. An EdDSA check costs more than the
 * rest of a list request's own work, and a client sends the same token for up to 15 minutes, so
 * a token that passed is remembered by its exact text, per instance, until its expiry or until
 * the signing keys are read again, whichever comes first. Only passes are remembered: a bad token
 * is checked in full every time. Liveness (revocation) is not part of this: verifyRequest asks it
 * on every request.
 */
async function verifiedToken(auth: Auth, token: string): Promise<VerifiedCaller> {
  const state = keyStateOf(auth);
  const now = Date.now();
  const known = state.verified.get(token);
  if (known && known.keys === state.keys && now < known.until && now - known.keys.loadedAt < KEYS_MAX_AGE_MS) return known.caller;
  let keys: LoadedKeys | undefined;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header, input) => {
        keys = await currentKeys(auth, header.kid);
        return keys.getKey(header, input);
      },
      {
        algorithms: [API_TOKEN_ALGORITHM],
        issuer: getEnv().appUrl,
        audience: API_AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
        // Also refuses an iat in the future (beyond the tolerance): jose checks it only with a maximum age.
        maxTokenAge: API_TOKEN_LIFETIME_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      },
    );
    const userId = stringClaim(payload, "sub");
    if (userId === undefined) throw new errors.JWTClaimValidationFailed("invalid sub", payload, "sub");
    const caller = Object.freeze({ userId, ...credentialOf(payload) });
    const until = Math.min(payload.exp!, payload.iat! + API_TOKEN_LIFETIME_SECONDS) * 1000;
    setNewest(state.verified, token, { caller, keys: keys!, until }, MAX_VERIFIED_TOKENS);
    return caller;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AuthenticationError("The token has expired.", true);
    if (error instanceof errors.JOSEError) throw new AuthenticationError("The token is not valid.", true);
    throw error; // AuthUnavailableError, or a bug: not a 401
  }
}

/**
 * Verifies the request's bearer token and returns whom it was issued to. The token must name the
 * session (`sid`) or personal access token (`tid`, with its `scope`) it was issued from, and that
 * must still exist (lib/session-liveness.ts).
 */
export async function verifyRequest(request: Request): Promise<VerifiedCaller> {
  const caller = await verifiedToken(getAuth(), presentedToken(request, "jwt"));
  let alive: boolean;
  try {
    alive = await isCredentialAlive(caller.credential, caller.userId);
  } catch (error) {
    getLogger().error({ err: error }, "could not look up the token's session");
    throw new AuthUnavailableError("Authentication is temporarily unavailable.");
  }
  if (!alive) {
    throw new AuthenticationError(
      caller.credential.kind === "session"
        ? "The session this token was issued for has ended: sign in again."
        : "The access token this token was exchanged for has been revoked or has expired.",
      true,
    );
  }
  return caller;
}

/** A valid token that may not do this: answered 403 with RFC 6750's `insufficient_scope`. */
export class InsufficientScopeError extends Error {
  override name = "InsufficientScopeError";
  /** The scope that would allow it; null when no access token may (token management). */
  constructor(
    readonly scope: Scope | null,
    message: string,
  ) {
    super(message);
  }
}

/** Refuses a caller whose token may not call an endpoint of kind `auth`. */
export function authorize(caller: VerifiedCaller, auth: { kind: "user"; scope: Scope | null } | { kind: "session" }): void {
  if (auth.kind === "session" && caller.scopes !== "all") throw new InsufficientScopeError(null, "Only a signed-in browser may do this: an access token may not.");
  if (auth.kind === "user" && auth.scope !== null) requireScope(caller.scopes, auth.scope);
}

/** Refuses a token without `scope`, for what one endpoint does only with some input (a list deleted with its tasks). */
export function requireScope(scopes: VerifiedCaller["scopes"], scope: Scope): void {
  if (!hasScope(scopes, scope)) throw new InsufficientScopeError(scope, `This access token does not have the ${scope} scope.`);
}

/** Whether a verified caller's token carries `scope` (a browser session's carries every one). */
export const hasScope = (scopes: VerifiedCaller["scopes"], scope: Scope) => scopes === "all" || scopes.includes(scope);

/** What a personal access token presented at the exchange is: its owner, id and what it may do. */
export interface VerifiedPersonalToken {
  userId: string;
  tokenId: string;
  scopes: Scope[];
  /** The lists it is limited to; empty: all */
  listIds: string[];
}

/**
 * Verifies a personal access token (`Authorization: Bearer tsk_...`), for the one endpoint that
 * takes it: the exchange for a short-lived JWT. It is found by its secret's hash.
 */
export async function verifyPersonalToken(request: Request): Promise<VerifiedPersonalToken> {
  const secret = presentedToken(request, "personal");
  let token: Awaited<ReturnType<typeof findPersonalToken>>;
  try {
    token = await findPersonalToken(secret);
  } catch (error) {
    getLogger().error({ err: error }, "could not look up an access token");
    throw new AuthUnavailableError("Authentication is temporarily unavailable.");
  }
  if (!token) throw new AuthenticationError("This access token does not exist or has been revoked.", true);
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) throw new AuthenticationError("This access token has expired.", true);
  return { userId: token.userId, tokenId: token.id, scopes: token.scopes.filter(isScope), listIds: token.listIds };
}

/** The scheduler's route is called while CRON_SECRET is not configured: answered 503. */
export class CronNotConfiguredError extends Error {
  override name = "CronNotConfiguredError";
}

/**
 * Checks the scheduler's `Authorization: Bearer $CRON_SECRET` (Vercel Cron sends it). Both
 * sides are hashed first, so the comparison takes the same time whatever the lengths.
 */
export function verifyCronSecret(request: Request): void {
  const secret = getEnv().cronSecret;
  if (secret === null) throw new CronNotConfiguredError("The scheduled sender is not configured: set CRON_SECRET on the server (README, Configuration).");
  const authorization = request.headers.get("authorization");
  if (authorization === null) throw new AuthenticationError("Send the scheduler's secret as Authorization: Bearer <CRON_SECRET>.", false);
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  if (!crypto.timingSafeEqual(digest(authorization.trim()), digest(`Bearer ${secret}`))) {
    throw new AuthenticationError("The scheduler's secret is wrong.", true);
  }
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
