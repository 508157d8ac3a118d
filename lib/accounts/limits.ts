// The bounds of what an account holds, read by Better Auth's configuration, its input checks,
// the sign-up form and the tests. Plain values: the browser imports this module too.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** Longest address SMTP allows (RFC 5321). */
export const EMAIL_MAX = 254;
export const NAME_MAX = 100;
export const IMAGE_URL_MAX = 2048;
/** Password changes per account (each asks for the current password): 10 per 15 minutes. */
export const PASSWORD_CHANGE_LIMIT = { window: 15 * 60, max: 10 };
/** Attempts to delete the account (each asks for the password): 10 per 15 minutes. */
export const ACCOUNT_DELETION_LIMIT = { window: 15 * 60, max: 10 };
