// What the account forms (settings, password reset, email) and their server actions exchange.
// Plain types and values: the browser imports this module too.

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
