import { isAPIError } from "better-auth/api";
import { getLogger } from "../log";
import { REQUEST_ID_HEADER } from "../request-id";
import type { AuthField, AuthProblem } from "./auth-form-state";
import { ACCOUNT_EXISTS } from "./existing-account";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { PASSWORD_IS_ACCOUNT_NAME, PASSWORD_TOO_COMMON } from "./password-policy";

// What the sign-in and sign-up forms say when Better Auth refuses. Only messages written for
// people are shown: Better Auth's own are terse ("Invalid email") or raw validation text
// ("[body.email] Invalid email address"), so its codes get our sentences, and an unknown code
// gets a general one.

export const INVALID_EMAIL = "Enter an email address like name@example.com.";
/** The answer to a password that confirms a change to the account (settings) and is not the user's. */
export const WRONG_PASSWORD_MESSAGE = "That is not your password.";
export const PASSWORD_TOO_SHORT_MESSAGE = `Passwords must be at least ${PASSWORD_MIN} characters.`;
export const PASSWORD_TOO_LONG_MESSAGE = `Passwords must be at most ${PASSWORD_MAX} characters.`;
export const SOMETHING_WENT_WRONG: AuthProblem = { message: "Something went wrong on our side. Please try again in a moment.", fields: [] };

const BETTER_AUTH_CODES: Record<string, AuthProblem> = {
  INVALID_EMAIL_OR_PASSWORD: { message: "Wrong email or password.", fields: [] },
  INVALID_EMAIL: { message: INVALID_EMAIL, fields: ["email"] },
  PASSWORD_TOO_SHORT: { message: PASSWORD_TOO_SHORT_MESSAGE, fields: ["password"] },
  PASSWORD_TOO_LONG: { message: PASSWORD_TOO_LONG_MESSAGE, fields: ["password"] },
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
  MAIL_NOT_CONFIGURED: [], // lib/mail/send.ts
  INVALID_PASSWORD: ["password"], // mail-hooks.ts: an email change's password
};

/** The form's message for a refusal from Better Auth or our hooks; undefined for a failure that is not the person's to fix. */
export function describeAuthError(error: unknown): AuthProblem | undefined {
  if (!isAPIError(error)) return undefined;
  const { code, message } = (error.body ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return undefined;
  if (Object.hasOwn(OWN_CODES, code) && typeof message === "string") return { message, fields: OWN_CODES[code] };
  return Object.hasOwn(BETTER_AUTH_CODES, code) ? BETTER_AUTH_CODES[code] : undefined;
}

/** A form field's text; "" when it is missing or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Runs a form's call to Better Auth. Resolves with nothing when it succeeded, else with the
 * person's message for the refusal (`describe`), or SOMETHING_WENT_WRONG for a failure that is not
 * theirs to fix, which is logged under the request's id.
 */
export async function callForForm<Problem extends { message: string; fields: string[] }>(
  what: string,
  headers: Headers,
  call: () => Promise<unknown>,
  describe: (error: unknown) => Problem | undefined,
): Promise<Problem | { message: string; fields: never[] } | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    const described = describe(error);
    if (!described) getLogger().error({ err: error, requestId: headers.get(REQUEST_ID_HEADER) ?? undefined }, `${what} failed`);
    return described ?? { message: SOMETHING_WENT_WRONG.message, fields: [] };
  }
}
