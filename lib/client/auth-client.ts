import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Better Auth in the browser: sign-up, sign-in, sign-out, the session, and API tokens. */
export const authClient = createAuthClient({ plugins: [jwtClient()] });
