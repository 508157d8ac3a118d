import { isAPIError } from "better-auth/api";
import type { AuthField, AuthProblem } from "./auth-form-state";
import { ACCOUNT_EXISTS } from "./existing-account";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { PASSWORD_IS_ACCOUNT_NAME, PASSWORD_TOO_COMMON } from "./password-policy";

// What the sign-in and sign-up forms say when Better Auth refuses. Only messages written for
// people are shown: Better Auth's own are terse ("Invalid email") or raw validation text
// ("[body.email] Invalid email address"), so its codes get our sentences, and an unknown code
// gets a general one.

export const INVALID_EMAIL = "Enter an email address like name@example.com.";
export const SOMETHING_WENT_WRONG: AuthProblem = { message: "Something went wrong on our side. Please try again in a moment.", fields: [] };

const BETTER_AUTH_CODES: Record<string, AuthProblem> = {
  INVALID_EMAIL_OR_PASSWORD: { message: "Wrong email or password.", fields: [] },
  INVALID_EMAIL: { message: INVALID_EMAIL, fields: ["email"] },
  PASSWORD_TOO_SHORT: { message: `Passwords must be at least ${PASSWORD_MIN} characters.`, fields: ["password"] },
  PASSWORD_TOO_LONG: { message: `Passwords must be at most ${PASSWORD_MAX} characters.`, fields: ["password"] },
  VALIDATION_ERROR: { message: "Check what you entered and try again.", fields: [] },
};

// The app's own refusals (lib/accounts/*): their messages are written for people already.
const OWN_CODES: Record<string, AuthField[]> = {
  [ACCOUNT_EXISTS.code]: ["email"],
  [PASSWORD_TOO_COMMON.code]: ["password"],
  [PASSWORD_IS_ACCOUNT_NAME.code]: ["password"],
  INVALID_PROFILE: [], // hooks.ts: the form checks the same bounds first (profile.ts), naming the field
  TOO_MANY_ATTEMPTS: [], // too-many-attempts.ts
  SERVER_BUSY: [], // password-hashing.ts
};

/** The form's message for a refusal from Better Auth or our hooks; undefined for a failure that is not the person's to fix. */
export function describeAuthError(error: unknown): AuthProblem | undefined {
  if (!isAPIError(error)) return undefined;
  const { code, message } = (error.body ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return undefined;
  if (Object.hasOwn(OWN_CODES, code) && typeof message === "string") return { message, fields: OWN_CODES[code] };
  return Object.hasOwn(BETTER_AUTH_CODES, code) ? BETTER_AUTH_CODES[code] : undefined;
}
