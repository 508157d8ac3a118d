import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { ReceivedMail } from "../test/support/smtp";

// The mails the app under test sent to e2e/mail-server.ts, one JSON file each.

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Beside the app's port, so that two checkouts running their suites at once do not meet. */
export const E2E_SMTP_PORT = APP_PORT + 1000;
export const E2E_MAIL_DIR = path.resolve(".data", `e2e-mail-${APP_PORT}`);


function mailsTo(address: string): ReceivedMail[] {
  const names = fs.existsSync(E2E_MAIL_DIR) ? fs.readdirSync(E2E_MAIL_DIR).sort() : [];
  return names.map((name) => JSON.parse(fs.readFileSync(path.join(E2E_MAIL_DIR, name), "utf8")) as ReceivedMail).filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** The newest mail to `address` whose subject matches, waiting for it to arrive; with its first link. */
export async function mailTo(address: string, subject: RegExp): Promise<ReceivedMail & { link: string }> {
  let found: ReceivedMail | undefined;
  await expect.poll(() => (found = mailsTo(address).findLast((mail) => subject.test(mail.subject))) !== undefined, { message: `a mail to ${address} matching ${subject}`, timeout: 10_000 }).toBe(true);
  const [link] = found!.links;
  expect(link, found!.text).toBeDefined();
  return { ...found!, link };
}
