import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

/**
 * Better Auth in the browser: API tokens, and sign-out when the session has ended
 * (lib/client/api-fetch.ts). Signing in, up and out from the pages are server actions, and the
 * pages read the session on the server, so no React hooks are needed here.
 */
export const authClient = createAuthClient({ plugins: [jwtClient()] });
