import { getIP } from "better-auth/api";
import { z } from "zod";
import { authAttemptLimit, getAuth } from "../better-auth";
import { knownTimeZone } from "../client/relative-date";
import { getPrisma } from "../db";
import { getEnv } from "../env";
import { safeReturnPath, SECOND_STEP_PATH } from "../return-path";
import { callForForm, describeAuthError, formText, INVALID_EMAIL } from "./auth-errors";
import type { AuthField, AuthFormState, AuthMode, AuthProblem } from "./auth-form-state";
import { profileFieldsSchema } from "./profile";
import { createRateLimitStorage, rateLimitKey, UNKNOWN_ADDRESS } from "./rate-limit-storage";
import { tooManyAttempts } from "./too-many-attempts";

// The sign-in and sign-up forms, on the server: read and check the fields, then call Better
// Auth's API with the request's headers, as the JSON endpoints would be called. Better Auth's
// hooks run for these calls (lib/accounts/hooks.ts: profile bounds, the per-email sign-in delay,
// the password policy, sign-up's answer for an existing account) and so does bounded hashing;
// its rate limiter does not (it only sees HTTP requests), so each call is counted here against
// the same per-address limit, in the same bucket as the endpoint's.

const FIELDS: Record<AuthMode, AuthField[]> = { "sign-up": ["name", "email", "password"], "sign-in": ["email", "password"] };
const MISSING: Record<AuthField, string> = { name: "Enter your name.", email: "Enter your email address.", password: "Enter your password." };

type Values = Record<AuthField, string>;

/** The first problem with what was typed, before anything is sent to Better Auth. */
function checkFields(mode: AuthMode, values: Values): AuthProblem | undefined {
  const fields = FIELDS[mode];
  const missing = fields.filter((field) => values[field] === "");
  if (missing.length > 0) return { message: missing.length === 1 ? MISSING[missing[0]] : "Fill in every field.", fields: missing };
  // Nothing typed holds a NUL; PostgreSQL could not store one (the JSON endpoints refuse it too).
  const withNul = fields.filter((field) => values[field].includes("\u0000"));
  if (withNul.length > 0) return { message: "Remove the invalid characters and try again.", fields: withNul };
  const profile = profileFieldsSchema.safeParse(mode === "sign-up" ? { name: values.name, email: values.email } : { email: values.email });
  if (!profile.success) {
    const [issue] = profile.error.issues;
    return { message: issue.message, fields: [issue.path[0] === "name" ? "name" : "email"] };
  }
  if (!z.email().safeParse(values.email).success) return { message: INVALID_EMAIL, fields: ["email"] };
  return undefined;
}

/**
 * Counts a form's call of a Better Auth endpoint (its `path`) against that endpoint's per-address
 * limit; the seconds to wait when it is used up.
 */
export async function countAttempt(path: string, headers: Headers): Promise<number | undefined> {
  const ip = getIP(headers, getAuth().options) ?? UNKNOWN_ADDRESS;
  const { allowed, retryAfter } = await createRateLimitStorage(getPrisma()).consume(rateLimitKey(ip, path), authAttemptLimit(getEnv()));
  return allowed ? undefined : (retryAfter ?? 1);
}

/**
 * Signs in or up with the form's fields; on success the session cookie is set (Better Auth's
 * nextCookies plugin) and `location` is where to go: the form's `next` if it is a safe return
 * path. `headers` are the request's (the client address, the session cookie).
 */
export async function submitAuthForm(mode: AuthMode, form: FormData, headers: Headers): Promise<AuthFormState> {
  const values: Values = { name: formText(form, "name").trim(), email: formText(form, "email").trim(), password: formText(form, "password") };
  const state: AuthFormState = { values: { name: values.name, email: values.email } };
  const problem = checkFields(mode, values);
  if (problem) return { ...state, problem };

  const api = getAuth().api;
  const endpoint = mode === "sign-up" ? api.signUpEmail : api.signInEmail;
  const wait = await countAttempt(endpoint.path, headers);
  if (wait !== undefined) return { ...state, problem: { message: tooManyAttempts(wait).body.message, fields: [] } };
  let secondStep = false;
  const refused = await callForForm(
    `${mode} through the form`,
    headers,
    async () => {
      const answer =
        mode === "sign-up"
          ? await api.signUpEmail({ body: { name: values.name, email: values.email, password: values.password }, headers })
          : await api.signInEmail({ body: { email: values.email, password: values.password }, headers });
      // An account with two-step sign-in: no session yet, a challenge cookie for the second step instead.
      secondStep = "twoFactorRedirect" in answer && answer.twoFactorRedirect === true;
      // A new account speaks its browser's time zone from the start (Settings can change it).
      const browserZone = knownTimeZone(formText(form, "timeZone"));
      if (mode === "sign-up" && "user" in answer && browserZone) await getPrisma().user.update({ where: { id: answer.user.id }, data: { timeZone: browserZone } });
    },
    describeAuthError,
  );
  if (refused) return { ...state, problem: refused };
  const next = safeReturnPath(formText(form, "next"), getEnv().appUrl);
  return { ...state, location: secondStep ? `${SECOND_STEP_PATH}?next=${encodeURIComponent(next)}` : next };
}
