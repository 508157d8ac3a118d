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
/** Changes to two-step sign-in per account (each asks for the password): 10 per 15 minutes. */
export const TWO_FACTOR_SETTINGS_LIMIT = { window: 15 * 60, max: 10 };
/** Attempts to delete the account (each asks for the password): 10 per 15 minutes. */
export const ACCOUNT_DELETION_LIMIT = { window: 15 * 60, max: 10 };
/** A password reset link works once, for an hour. */
export const RESET_LINK_LIFETIME_SECONDS = 60 * 60;
/** An email confirmation link (a new account's address, or a change of address) works for a day. */
export const VERIFY_LINK_LIFETIME_SECONDS = 24 * 60 * 60;
/**
 * Mails (reset, confirmation) one address can be sent at one client's request: 3 per 15 minutes;
 * and at everyone's: 10 an hour, so that nobody fills an inbox from many client addresses, and
 * no single client can use up what the owner may ask for.
 */
export const MAIL_PER_ADDRESS_LIMIT = { window: 15 * 60, max: 3 };
export const MAIL_PER_ADDRESS_TOTAL_LIMIT = { window: 60 * 60, max: 10 };
/** Email changes one account can ask for (each needs its password): 3 per 15 minutes. */
export const EMAIL_CHANGE_LIMIT = { window: 15 * 60, max: 3 };
/** Codes tried at the second sign-in step per account, whatever the addresses: 10 per 15 minutes. */
export const SECOND_STEP_ACCOUNT_LIMIT = { window: 15 * 60, max: 10 };
/** A code from an authenticator app is refused again for as long as it could be accepted (the step before, its own and the next: 3 × 30 s). */
export const TOTP_CODE_REUSE_SECONDS = 90;
/** How authenticator apps name the account's entry: "Tasks (ada@example.com)". */
export const TOTP_ISSUER = "Tasks";
/** Backup codes made at once for the second sign-in step; each works once. */
export const BACKUP_CODE_COUNT = 10;
/** After the password, the second sign-in step must be done within 10 minutes. */
export const SECOND_STEP_LIFETIME_SECONDS = 10 * 60;
/** A device trusted at the second step is not asked again for 30 days. */
export const TRUSTED_DEVICE_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
/** A passkey's name ("Laptop", "Phone"), as the settings page lists it. */
export const PASSKEY_NAME_MAX = 60;
/** Passwords typed to add a passkey, per account: 10 per 15 minutes. */
export const PASSKEY_ADD_LIMIT = { window: 15 * 60, max: 10 };
/** Passwords typed to make an access token, per account */
export const ACCESS_TOKEN_CREATE_LIMIT = { window: 15 * 60, max: 10 };
/** After the password, this long to add the passkey (the device's own prompt comes in between). */
export const PASSKEY_ADD_WINDOW_SECONDS = 5 * 60;
