// Facts about the task API's bearer tokens, shared by the server that issues and verifies them
// (lib/better-auth.ts, lib/auth.ts) and the browser that renews them (lib/client/api-fetch.ts).

/** How long a token is valid after it is issued. */
export const API_TOKEN_LIFETIME_SECONDS = 15 * 60;
