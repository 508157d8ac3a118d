import { isAPIError } from "better-auth/api";
import { renderSVG } from "uqr";
import { getAuth } from "../better-auth";
import { getEnv } from "../env";
import { safeReturnPath } from "../return-path";
import { callForForm, describeAuthError, formText, WRONG_PASSWORD_MESSAGE } from "./auth-errors";
import { countAttempt } from "./auth-form";
import { typedPassword } from "./password-check";
import { tooManyAttempts } from "./too-many-attempts";
import { CODE_ALREADY_USED } from "./two-factor-hooks";
import type { SecondStepFormState, TwoFactorFormState } from "./form-state";

// Two-step sign-in, through Better Auth's twoFactor plugin: the settings page turns it on (a
// secret for an authenticator app, shown as a QR code, confirmed by a first code, and backup
// codes), makes new backup codes and turns it off, each confirmed by the password; the sign-in
// form's second step takes a code from the app or a backup code. What the app adds to the
// plugin's checks (limits per account, a code used once, trusted devices forgotten) is in
// two-factor-hooks.ts, so it holds for the JSON endpoints and these forms alike.

const SIGNED_OUT = "You were signed out meanwhile: sign in again.";
const CODE_FORMAT = "Enter the 6-digit code from your authenticator app, or a backup code like abcde-12345.";
const SECOND_STEP_EXPIRED = "This sign-in has expired or was used up: sign in again with your password.";

/** A code from an authenticator app: 6 digits, spaces allowed ("123 456"). */
const APP_CODE = /^\d{6}$/;
/** A backup code as Better Auth makes them: 10 letters and digits, shown as "abcde-12345". */
const BACKUP_CODE = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

const MESSAGES: Record<string, { message: string; field?: "password" | "code" }> = {
  INVALID_PASSWORD: { message: WRONG_PASSWORD_MESSAGE, field: "password" },
  INVALID_CODE: { message: "That code is not right. Codes change every 30 seconds: check that the time on your phone is correct and try the new one.", field: "code" },
  INVALID_BACKUP_CODE: { message: "That backup code is not right, or was used already.", field: "code" },
  [CODE_ALREADY_USED.code]: { message: CODE_ALREADY_USED.message, field: "code" },
  INVALID_TWO_FACTOR_COOKIE: { message: SECOND_STEP_EXPIRED },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { message: `Too many wrong codes. ${SECOND_STEP_EXPIRED}` },
  ACCOUNT_TEMPORARILY_LOCKED: { message: "Too many wrong codes in a row: the second step of your sign-in is locked for 15 minutes." },
  TOTP_ALREADY_ENABLED: { message: "Two-step sign-in is already on." },
  TOTP_NOT_ENABLED: { message: "Two-step sign-in is off: set it up again." },
  BACKUP_CODES_NOT_ENABLED: { message: "Two-step sign-in is off." },
  UNAUTHORIZED: { message: SIGNED_OUT },
};

function describe(error: unknown): { message: string; fields: ("password" | "code")[] } | undefined {
  const code = isAPIError(error) ? (error.body as { code?: unknown } | undefined)?.code : undefined;
  const known = typeof code === "string" && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
  if (known) return { message: known.message, fields: known.field ? [known.field] : [] };
  const described = describeAuthError(error);
  return described && { message: described.message, fields: [] };
}

const readPassword = (form: FormData) => typedPassword(form, "Enter your password.");

/** The typed code without spaces, and which kind it is; undefined when it is neither. */
function readCode(form: FormData): { code: string; kind: "app" | "backup" } | undefined {
  const typed = formText(form, "code").replace(/\s+/g, "");
  if (APP_CODE.test(typed)) return { code: typed, kind: "app" };
  if (BACKUP_CODE.test(typed)) return { code: typed.includes("-") ? typed : `${typed.slice(0, 5)}-${typed.slice(5)}`, kind: "backup" };
  return undefined;
}

/** The key an authenticator app asks for when it cannot scan: the URI's base32 secret, in groups of four. */
function manualKey(totpURI: string): string {
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Set-up, first step: the password confirms it; the answer carries the app's secret (a QR code
 * and the key as text) and the backup codes. Two-step sign-in is on only once a code from the
 * app is confirmed (confirmTwoFactorSetup).
 */
export async function startTwoFactorSetup(form: FormData, headers: Headers): Promise<TwoFactorFormState> {
  const typed = readPassword(form);
  if ("problem" in typed) return typed;
  const { password } = typed;
  let setup: TwoFactorFormState["setup"];
  const refused = await callForForm(
    "two-step sign-in set-up",
    headers,
    async () => {
      const answer = await getAuth().api.enableTwoFactor({ body: { password }, headers });
      if (answer.method !== "totp") throw new Error("the set-up answered without a secret");
      setup = { qrSvg: renderSVG(answer.totpURI, { pixelSize: 5, border: 2 }), key: manualKey(answer.totpURI), backupCodes: answer.backupCodes };
    },
    describe,
  );
  return refused ? { problem: refused } : { setup };
}

/** Set-up, second step: a first code from the app turns two-step sign-in on. */
export async function confirmTwoFactorSetup(form: FormData, headers: Headers): Promise<TwoFactorFormState> {
  const typed = readCode(form);
  if (typed?.kind !== "app") return { problem: { message: "Enter the 6-digit code your authenticator app shows.", fields: ["code"] } };
  const refused = await callForForm("two-step sign-in confirmation", headers, () => getAuth().api.verifyTOTP({ body: { code: typed.code }, headers }), describe);
  return refused ? { problem: refused } : { done: "on" };
}

/** New backup codes, confirmed by the password; the old ones stop working. */
export async function replaceBackupCodes(form: FormData, headers: Headers): Promise<TwoFactorFormState> {
  const typed = readPassword(form);
  if ("problem" in typed) return typed;
  const { password } = typed;
  let backupCodes: string[] = [];
  const refused = await callForForm(
    "new backup codes",
    headers,
    async () => void ({ backupCodes } = await getAuth().api.generateBackupCodes({ body: { password }, headers })),
    describe,
  );
  return refused ? { problem: refused } : { backupCodes, done: "New backup codes made: the old ones no longer work." };
}

/** Turns two-step sign-in off, confirmed by the password; trusted devices are forgotten. */
export async function turnOffTwoFactor(form: FormData, headers: Headers): Promise<TwoFactorFormState> {
  const typed = readPassword(form);
  if ("problem" in typed) return typed;
  const { password } = typed;
  const refused = await callForForm("turning two-step sign-in off", headers, () => getAuth().api.disableTwoFactor({ body: { password }, headers }), describe);
  return refused ? { problem: refused } : { done: "off" };
}

/** How many backup codes a user with two-step sign-in has left. */
export async function backupCodesLeft(userId: string): Promise<number> {
  try {
    const { backupCodes } = await getAuth().api.viewBackupCodes({ body: { userId } });
    return backupCodes.length;
  } catch (error) {
    if (isAPIError(error)) return 0; // turned off meanwhile
    throw error;
  }
}

/**
 * The sign-in's second step, after the password: a code from the app or a backup code, checked
 * against the challenge in the request's cookie. On success the session cookie is set and
 * `location` is the form's `next` (a safe return path).
 */
export async function submitSecondStep(form: FormData, headers: Headers): Promise<SecondStepFormState> {
  const typed = readCode(form);
  if (!typed) return { problem: { message: CODE_FORMAT, fields: ["code"] } };
  const api = getAuth().api;
  const wait = await countAttempt(api.verifyTOTP.path, headers);
  if (wait !== undefined) return { problem: { message: tooManyAttempts(wait).body.message, fields: [] } };
  const trustDevice = form.get("trustDevice") === "on";
  const body = { code: typed.code, trustDevice };
  const refused = await callForForm("second sign-in step", headers, () => (typed.kind === "app" ? api.verifyTOTP({ body, headers }) : api.verifyBackupCode({ body, headers })), describe);
  if (refused) return { problem: { message: refused.message, fields: (refused.fields as string[]).includes("code") ? ["code"] : [] } };
  return { location: safeReturnPath(formText(form, "next"), getEnv().appUrl) };
}
