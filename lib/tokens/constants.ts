// Limits of personal access tokens: the schemas, the settings page and the tests read them here.

export const TOKEN_NAME_MAX = 60;
export const TOKENS_PER_USER_MAX = 50;
/** The longest a token may live; "never expires" is a separate, explicit choice. */
export const TOKEN_LIFETIME_DAYS_MAX = 366;
/** The choices the settings page offers, in days (null: never expires). */
export const TOKEN_LIFETIME_CHOICES = [7, 30, 90, 365, null] as const;
/** Every secret starts with it, so that secret scanners and people recognise one. */
export const TOKEN_SECRET_PREFIX = "tsk_";
/** How many characters of the secret the settings page shows to tell tokens apart */
export const TOKEN_SHOWN_CHARACTERS = 8;
/** How many lists one token may be limited to */
export const TOKEN_LISTS_MAX = 20;
