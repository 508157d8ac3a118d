// What the settings page's forms and their server actions exchange. Plain types and values: the
// browser imports this module too.

export interface SettingsFormState<Field extends string = string> {
  problem?: { message: string; fields: Field[] };
  /** Saved: what to tell the person */
  done?: string;
}

export type PasswordField = "currentPassword" | "newPassword";
export type PasswordFormState = SettingsFormState<PasswordField>;
export type NameFormState = SettingsFormState<"name">;
export type DeleteAccountFormState = SettingsFormState<"password">;

export const EMPTY_SETTINGS_FORM: SettingsFormState<never> = {};
