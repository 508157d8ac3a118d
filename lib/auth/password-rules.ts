// The length of a password, checked by Better Auth and, before sending, by the sign-up form.
// NIST SP 800-63B-4: at least 8 characters where a password is the only factor (as here), and at
// least 64 allowed; no composition rules. The server also refuses common passwords
// (lib/auth/password-policy.ts).
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;
