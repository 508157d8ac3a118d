// What the settings page's password form and its server action exchange. Plain types and values:
// the browser imports this module too.

export type PasswordField = "currentPassword" | "newPassword";

export interface PasswordFormState {
  problem?: { message: string; fields: PasswordField[] };
  /** Changed: what to tell the person */
  done?: string;
}

export const EMPTY_PASSWORD_FORM: PasswordFormState = {};
