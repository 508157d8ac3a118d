// What the account forms (settings, password reset, email) and their server actions exchange.
// Plain types and values: the browser imports this module too.

import type { Theme } from "./theme";

export interface FormState<Field extends string = string> {
  problem?: { message: string; fields: Field[] };
  /** Saved: what to tell the person */
  done?: string;
  /** What was typed, to fill the form in again after a problem (React empties a form once its action ends); never a password */
  values?: Partial<Record<Field, string>>;
}

export type PasswordField = "currentPassword" | "newPassword";
export type PasswordFormState = FormState<PasswordField>;
export type NameFormState = FormState<"name">;
export type DeleteAccountFormState = FormState<"password">;

export const EMPTY_FORM: FormState<never> = {};
export type EmailFormState = FormState<"email">;
export type EmailChangeFormState = FormState<"email" | "password">;
export type NewPasswordFormState = FormState<"newPassword">;

/** The settings page's two-step sign-in forms. */
export type TwoFactorFormState = FormState<"password" | "code"> & {
  /** Set-up under way: the authenticator app's secret as a QR code (SVG) and as a key to type, and the backup codes */
  setup?: { qrSvg: string; key: string; backupCodes: string[] };
  /** New backup codes, shown once */
  backupCodes?: string[];
};

/** The sign-in's second step (a code from the app or a backup code). */
export type SecondStepFormState = FormState<"code"> & {
  /** Signed in: the page to go to */
  location?: string;
};

/** The settings page's Appearance form. */
export type ThemeFormState = FormState<"theme"> & { theme?: Theme };
export type TimeZoneFormState = FormState<"timeZone">;
