// What the sign-in and sign-up forms and their server actions exchange. Plain types and values:
// the browser imports this module too.

export type AuthMode = "sign-up" | "sign-in";
export type AuthField = "name" | "email" | "password";

export interface AuthProblem {
  /** A sentence for the person at the form */
  message: string;
  /** The fields it is about (none: the form as a whole) */
  fields: AuthField[];
}

export interface AuthFormState {
  /** What was typed, to fill the form in again; never the password */
  values: { name: string; email: string };
  problem?: AuthProblem;
  /** Signed in: the page to go to */
  location?: string;
}

export const EMPTY_AUTH_FORM: AuthFormState = { values: { name: "", email: "" } };

/**
 * Sent only by a form whose script runs: the action then answers with `location` instead of a
 * redirect, and the script loads that page afresh (app/_components/auth-actions.ts says why).
 */
export const SCRIPTED_FIELD = "scripted";
