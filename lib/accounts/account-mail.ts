import { verifyEmailLinkToken } from "../auth";
import { runInBackground } from "../background";
import { accessTokenCreatedMail, confirmNewEmailMail, emailChangeRequestedMail, passkeyAddedMail, resetPasswordMail, verifyEmailMail } from "../mail/messages";
import { sendMail } from "../mail/send";
import { RESET_LINK_LIFETIME_SECONDS, VERIFY_LINK_LIFETIME_SECONDS } from "./limits";

// The mails of Better Auth's account flows, and where their links land. Better Auth builds each
// link to one of its endpoints with a callbackURL taken from the request; the app sets that
// callbackURL itself, so every link ends on the page written for its outcome, whoever asked.

/** Where a confirmation link lands: it says whether the address is now confirmed. */
export const EMAIL_CONFIRMED_PATH = "/email-confirmed";
/** Where a reset link lands with its token (or ?error=INVALID_TOKEN): the new password form. */
export const RESET_PASSWORD_PATH = "/reset-password";

function landingOn(url: string, path: string): string {
  const link = new URL(url);
  link.searchParams.set("callbackURL", path);
  return link.toString();
}

interface MailUser {
  name: string;
  email: string;
}

/**
 * Better Auth's emailVerification.sendVerificationEmail: a new account's address, or (the token
 * says) a new address. Sent after the answer: Better Auth awaits this one itself, and an address
 * that gets a mail must not take longer to answer than one that does not.
 */
export async function sendConfirmationMail({ user, url, token }: { user: MailUser; url: string; token: string }): Promise<void> {
  const link = landingOn(url, EMAIL_CONFIRMED_PATH);
  // A change of address: the token names it, and Better Auth passes the user with it as email.
  const updateTo = (await verifyEmailLinkToken(token))?.updateTo ?? null;
  const mail = updateTo !== null ? confirmNewEmailMail(updateTo, link, VERIFY_LINK_LIFETIME_SECONDS) : verifyEmailMail(user, link, VERIFY_LINK_LIFETIME_SECONDS);
  runInBackground(sendMail(mail, updateTo !== null ? "confirm-new-email" : "verify-email"));
}

/** Better Auth's emailAndPassword.sendResetPassword. */
export async function sendResetMail({ user, url }: { user: MailUser; url: string }): Promise<void> {
  await sendMail(resetPasswordMail(user, landingOn(url, RESET_PASSWORD_PATH), RESET_LINK_LIFETIME_SECONDS), "reset-password");
}

/** Tells the current address that a change to `newEmail` was asked for (after the request is answered). */
export function noticePasskeyAdded(user: MailUser, passkeyName: string, appUrl: string): void {
  runInBackground(sendMail(passkeyAddedMail(user, passkeyName, `${appUrl}/settings`), "passkey-added"));
}

export function noticeAccessTokenCreated(user: MailUser, tokenName: string, appUrl: string): void {
  runInBackground(sendMail(accessTokenCreatedMail(user, tokenName, `${appUrl}/settings`), "access-token-created"));
}

export function noticeEmailChangeRequested(user: MailUser, newEmail: string, appUrl: string): void {
  runInBackground(sendMail(emailChangeRequestedMail(user, newEmail, `${appUrl}/settings`), "email-change-requested"));
}
