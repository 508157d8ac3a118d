import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "./mailbox";

// Playwright's global setup: a real SMTP server for the app under test (its SMTP_URL points here).
// Tests run in other processes, so each mail arrives as a JSON file they read (e2e/mailbox.ts),
// parsed as a mail client would. Returns the teardown.
export default async function startMailServer(): Promise<() => Promise<void>> {
  fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = [mail.to].flat().flatMap((address) => address?.value.map((one) => one.address?.toLowerCase() ?? "") ?? []);
        const file = path.join(E2E_MAIL_DIR, `${String(++count).padStart(6, "0")}.json`);
        fs.writeFileSync(file, JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "" }));
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(E2E_SMTP_PORT, "127.0.0.1", resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
