import type { Scope } from "../tokens/scopes";
import type { RouteAuth } from "./route";

/**
 * Endpoints for a signed-in user: a verified bearer token names the user. A browser session's
 * token may call every one; a personal access token's only those whose scope it carries.
 */
export const signedIn = (scope: Scope) => ({ kind: "user", scope }) as const satisfies RouteAuth;

/** An endpoint any valid token may call, whose handler checks each operation's scope (the MCP tools). */
export const SCOPE_PER_OPERATION = { kind: "user", scope: null } as const satisfies RouteAuth;

/** Endpoints only a browser session may call (managing tokens): a personal access token may not. */
export const BROWSER_SESSION = { kind: "session" } as const satisfies RouteAuth;

/** The exchange of a personal access token for a JWT: the token itself is the credential. */
export const PERSONAL_TOKEN = { kind: "personal-token" } as const satisfies RouteAuth;

/** The scheduler's calls (Vercel Cron): `Authorization: Bearer $CRON_SECRET`, no user. */
export const CRON = { kind: "cron" } as const satisfies RouteAuth;
