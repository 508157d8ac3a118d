import type { RouteAuth } from "./route";

/** Endpoints for a signed-in user: a verified bearer token names the user. */
export const SIGNED_IN = { kind: "user" } as const satisfies RouteAuth;
