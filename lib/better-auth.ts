import { passkey } from "@better-auth/passkey";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, isAPIError } from "better-auth/api";
import { betterAuth } from "better-auth/minimal";
import { nextCookies } from "better-auth/next-js";
import { jwt, type Jwk } from "better-auth/plugins/jwt";
import { twoFactor } from "better-auth/plugins/two-factor";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendConfirmationMail, sendResetMail } from "./accounts/account-mail";
import { createAuthHooks } from "./accounts/hooks";
import { forgetTrustedDevices } from "./accounts/two-factor-hooks";
import {
  BACKUP_CODE_COUNT,
  PASSWORD_MAX,
  PASSWORD_MIN,
  RESET_LINK_LIFETIME_SECONDS,
  SECOND_STEP_LIFETIME_SECONDS,
  TOTP_ISSUER,
  TRUSTED_DEVICE_LIFETIME_SECONDS,
  VERIFY_LINK_LIFETIME_SECONDS,
} from "./accounts/limits";
import { boundedPasswordHashing } from "./accounts/password-hashing";
import { createRateLimitStorage, type RateLimitRule } from "./accounts/rate-limit-storage";
import { API_TOKEN_LIFETIME_SECONDS } from "./api-token";
import { runInBackground } from "./background";
import { ipAddressOptions } from "./client-address";
import { getPrisma } from "./db";
import { getEnv, type Env } from "./env";
import { getLogger } from "./log";
import { createSigningKeyOnce } from "./signing-keys";

// The one Better Auth configuration: accounts, browser sessions (cookies) and the JWTs the task
// API accepts. Tests, the start-up hook and the /api/auth route all build it through createAuth().

/** The `aud` of every API token; verifyRequest() accepts no other. */
export const API_AUDIENCE = "tasks-api";
export const API_TOKEN_ALGORITHM = "EdDSA";
const DAY_SECONDS = 24 * 60 * 60;
/** A new signing key every 30 days; a retired key stays published 7 more days (tokens live 15 minutes). */
export const SIGNING_KEY_ROTATION_SECONDS = 30 * DAY_SECONDS;
export const SIGNING_KEY_GRACE_SECONDS = 7 * DAY_SECONDS;

const EMAIL_ADDRESS = /[^\s@]+@[^\s@]+/g;

/**
 * Better Auth's own log calls, as lines of the app's logger (JSON, no colour codes). Messages
 * are free text, so any email address in one is masked; an Error argument becomes `err`.
 */
function logFromBetterAuth(level: "debug" | "info" | "warn" | "error", message: string, args: unknown[]): void {
  const err = args.find((arg) => arg instanceof Error);
  const details = args.filter((arg) => arg !== err);
  getLogger()[level]({ source: "better-auth", err, details: details.length ? details : undefined }, message.replace(EMAIL_ADDRESS, "[email]"));
}

/** A passkey ceremony without the device's PIN or biometric check is refused. */
function requireUserVerified(userVerified: boolean | undefined): void {
  if (!userVerified) throw new APIError("UNAUTHORIZED", { code: "USER_NOT_VERIFIED", message: "Your device did not check that it is you (PIN, fingerprint or face)." });
}

/** The per-address limit of sign-in and sign-up attempts, through the JSON endpoints and the forms alike. */
export const authAttemptLimit = (env: Env): RateLimitRule => ({ window: env.authRateLimit.windowSeconds, max: env.authRateLimit.max });

export function createAuth(prisma: PrismaClient, env: Env) {
  const attempts = authAttemptLimit(env);
  return betterAuth({
    appName: "Tasks",
    baseURL: env.appUrl,
    trustedOrigins: env.trustedOrigins,
    // Better Auth skips its origin (CSRF) check when NODE_ENV is "test": keep it on, so that the
    // tests exercise the check production runs. Client addresses: lib/client-address.ts.
    // Mails go out after the answer (lib/background.ts): awaited, an existing account's request
    // would take an SMTP round trip longer than an unknown email's, saying which exists.
    advanced: { disableOriginCheck: false, ipAddress: ipAddressOptions(env.clientIp), backgroundTasks: { handler: runInBackground } },
    secret: env.authSecret,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      password: boundedPasswordHashing,
      sendResetPassword: sendResetMail,
      resetPasswordTokenExpiresIn: RESET_LINK_LIFETIME_SECONDS,
      // Every session ends, and so every token issued from them (verifyRequest() checks the session).
      revokeSessionsOnPasswordReset: true,
      // Each link works once; a reset also ends the account's other links still out, forgets the
      // devices trusted to skip two-step sign-in, and revokes every access token.
      onPasswordReset: async ({ user }) => {
        await prisma.verification.deleteMany({ where: { value: user.id, identifier: { startsWith: "reset-password:" } } });
        await forgetTrustedDevices(prisma, user.id);
        // Access tokens too: a reset is how an account is taken back, and a token outlives sessions.
        await prisma.apiToken.deleteMany({ where: { userId: user.id } });
      },
    },
    // The app stays usable before the address is confirmed; a banner on the task page asks for it.
    emailVerification: { sendOnSignUp: true, sendVerificationEmail: sendConfirmationMail, expiresIn: VERIFY_LINK_LIFETIME_SECONDS },
    // A new address takes effect when a link sent to it is opened; the old one is told (hooks.ts).
    // The theme and time zone are the user's own settings (Settings), never set through Better
    // Auth's endpoints; the sign-up form records the browser's zone (lib/accounts/auth-form.ts).
    user: { changeEmail: { enabled: true }, additionalFields: { theme: { type: "string", defaultValue: "system", input: false }, timeZone: { type: "string", required: false, input: false } } },
    databaseHooks: {
      user: {
        update: {
          // Opening a link sent to the new address confirms it. Better Auth would otherwise carry
          // the old address's state over, and ask an account that never confirmed its first
          // address to confirm the new one twice.
          before: async (user, context) => (context?.path === "/verify-email" && typeof user.email === "string" ? { data: { ...user, emailVerified: true } } : undefined),
        },
      },
    },
    // Warnings and errors only: at info, Better Auth logs the email of a sign-up for a taken address.
    logger: { level: "warn", disableColors: true, log: (level, message, ...args) => logFromBetterAuth(level, message, args) },
    // An error answered 4xx is the request's answer, already in its log line; left alone, Better
    // Auth prints each one again through a default logger of its own, in colour. Failures are
    // logged through ours.
    onAPIError: {
      onError: (error) => {
        if (!isAPIError(error) || error.status === "INTERNAL_SERVER_ERROR") logFromBetterAuth("error", "an endpoint failed", [error]);
      },
    },
    // Stored in the database so that the limits hold across server instances. On in every
    // environment; only the sign-in and sign-up limits are tunable, and never to zero. Our own
    // storage, so that the server actions can count in it too (lib/accounts/rate-limit-storage.ts).
    rateLimit: {
      enabled: true,
      customStorage: createRateLimitStorage(prisma),
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/*": attempts,
        "/sign-up/*": attempts,
        // Per address; each address and account is limited as well (hooks.ts).
        "/request-password-reset": attempts,
        "/send-verification-email": attempts,
        "/reset-password": attempts,
        // Codes of the second sign-in step; each challenge also allows 5 wrong codes, and 10 in a
        // row lock the account's second step for 15 minutes (Better Auth's twoFactor plugin).
        "/two-factor/*": attempts,
        // Signing in with a passkey: each answer is a signature, not a guess, but it still costs
        // a verification and a session.
        "/passkey/verify-authentication": attempts,
      },
    },
    hooks: createAuthHooks(prisma, env),
    plugins: [
      jwt({
        jwks: {
          keyPairConfig: { alg: API_TOKEN_ALGORITHM, crv: "Ed25519" },
          rotationInterval: SIGNING_KEY_ROTATION_SECONDS,
          gracePeriod: SIGNING_KEY_GRACE_SECONDS,
        },
        adapter: { createJwk: (key: Omit<Jwk, "id">) => createSigningKeyOnce<Jwk>(prisma, key) },
        jwt: {
          issuer: env.appUrl,
          audience: API_AUDIENCE,
          expirationTime: `${API_TOKEN_LIFETIME_SECONDS}s`,
          // sub, iat, exp, iss, aud and the session id (how verifyRequest() learns of revocation):
          // no name or email.
          definePayload: ({ session }) => ({ sid: session.id }),
        },
        disableSettingJwtHeader: true, // the browser asks /api/auth/token; no JWT on every get-session
      }),
      // A second sign-in step: a code from an authenticator app (TOTP), or a backup code.
      twoFactor({
        issuer: TOTP_ISSUER,
        twoFactorCookieMaxAge: SECOND_STEP_LIFETIME_SECONDS,
        trustDeviceMaxAge: TRUSTED_DEVICE_LIFETIME_SECONDS,
        backupCodeOptions: { amount: BACKUP_CODE_COUNT },
      }),
      // Passkeys (WebAuthn): added on the settings page, a sign-in of their own on the sign-in page.
      // Bound to the app's host and origin: a passkey made here signs in nowhere else. Its sign-in
      // creates a session as a password sign-in does (so /api/auth/token works after it), but it
      // is not a "/sign-in/*" path, so it does not ask for the second step: the passkey is itself
      // two factors (the device, and its PIN or biometric check), which is why both ceremonies
      // require that check (the plugin would accept a mere touch).
      passkey({
        rpID: new URL(env.appUrl).hostname,
        rpName: "Tasks",
        origin: env.appUrl,
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        registration: { afterVerification: ({ verification }) => requireUserVerified(verification.registrationInfo?.userVerified) },
        authentication: { afterVerification: ({ verification }) => requireUserVerified(verification.authenticationInfo.userVerified) },
      }),
      // Sets the cookies of auth.api calls made in server actions (the sign-in and sign-up forms,
      // sign-out) through Next's cookies(). Last, as Better Auth requires: it reads what the
      // other plugins' hooks set.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { tasksAuth?: { auth: Auth; prisma: PrismaClient; env: Env } };

/** The app's Better Auth instance, built on first use for the current Prisma client and configuration. */
export function getAuth(): Auth {
  const prisma = getPrisma();
  const env = getEnv();
  if (holder.tasksAuth?.prisma !== prisma || holder.tasksAuth.env !== env) holder.tasksAuth = { auth: createAuth(prisma, env), prisma, env };
  return holder.tasksAuth.auth;
}

/** Creates the signing key before traffic arrives, so no request races to create it. */
export async function ensureSigningKey(): Promise<void> {
  await getAuth().api.getJwks(); // creates the key when there is none
}
