import fs from "node:fs";
import path from "node:path";
import { startMailServer } from "../test/support/smtp";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "./mailbox";

// Playwright's global setup: a real SMTP server for the app under test (its SMTP_URL points here).
// Tests run in other processes, so each mail arrives as a JSON file they read (e2e/mailbox.ts).
// Returns the teardown.
export default async function startE2eMailServer(): Promise<() => Promise<void>> {
  fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  let count = 0;
  const server = await startMailServer({
    port: E2E_SMTP_PORT,
    onMail: (mail) => fs.writeFileSync(path.join(E2E_MAIL_DIR, `${String(++count).padStart(6, "0")}.json`), JSON.stringify(mail)),
  });
  return server.close;
}
