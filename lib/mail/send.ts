import nodemailer, { type Transporter } from "nodemailer";
import { getEnv, type MailSettings } from "../env";
import { getLogger } from "../log";
import type { Mail } from "./messages";
import { keepInOutbox } from "./outbox";

// Sends the app's mails through the configured way out (lib/env.ts: SMTP, the development outbox,
// or none). Callers send in the background (lib/background.ts), so that a request's answer and
// its timing never depend on the mail server; a failure is logged, never shown to the requester.

/** The answer of a flow that needs mail when no mail can go out (production without SMTP_URL). */
export const MAIL_NOT_CONFIGURED = {
  code: "MAIL_NOT_CONFIGURED",
  message: "Email is not configured on this server, so this cannot be done now. Ask its administrator to set SMTP_URL.",
} as const;

export const mailConfigured = (): boolean => getEnv().mail.via !== "none";

const transports = new Map<string, Transporter>();
function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport(url)));
  return transport;
}

async function deliver(mail: Mail, settings: MailSettings): Promise<void> {
  if (settings.via === "smtp") await smtpTransport(settings.url).sendMail({ from: settings.from, ...mail });
  else if (settings.via === "outbox") await keepInOutbox(settings.dir, mail, settings.from);
  // "none": the flows that need mail refused before anything was to be sent (lib/accounts/hooks.ts);
  // a verification mail after sign-up is simply not sent.
}

/** Sends a mail; never throws (a failure is logged without the address). */
export async function sendMail(mail: Mail, kind: string): Promise<void> {
  try {
    await deliver(mail, getEnv().mail);
  } catch (error) {
    // The SMTP server's words may quote the recipient: the log keeps no address.
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    getLogger().error({ mail: kind, err: { name, code, message: message?.replace(/[^\s@<>]+@[^\s@<>]+/g, "[email]") } }, "a mail could not be sent");
  }
}
