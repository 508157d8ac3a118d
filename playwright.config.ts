import { defineConfig, devices } from "@playwright/test";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./e2e/chromium.mjs";
import { E2E_SMTP_PORT } from "./e2e/mailbox";
import { E2E_CRON_SECRET } from "./e2e/reminders-secret";

// End-to-end tests against a production build (`next build`, `next start`) on a fresh embedded
// database, in the Chromium that e2e/chromium.mjs finds (Debian's, where Playwright's own browser
// downloads are not possible).

const PORT = Number(process.env.E2E_PORT ?? 3100); // another port lets two checkouts run their suites at once
export const E2E_URL = `http://localhost:${PORT}`;

const executablePath = findChromium();
if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);

const chromium = {
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  // A real SMTP server that the app sends its mails to, read by the tests (e2e/mailbox.ts).
  globalSetup: "./e2e/mail-server.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_URL,
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "e2e", testIgnore: /screenshot\.spec\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "docs", testMatch: /screenshot\.spec\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
  ],
  webServer: {
    // Idle connections kept for 70 s, not Node's 5: a test that pauses longer than 5 s (axe scans)
    // and then calls the API through a pooled connection raced the server closing it (ECONNRESET).
    command: `rm -rf .data/e2e .data/e2e.lock && prisma migrate deploy && next build && next start --port ${PORT} --keepAliveTimeout 70000`,
    url: `${E2E_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: "pglite:./.data/e2e",
      BETTER_AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
      BETTER_AUTH_URL: E2E_URL,
      AUTH_RATE_LIMIT_MAX: "1000",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // e2e/reminders.spec.ts runs the reminder sender as the scheduler would.
      CRON_SECRET: E2E_CRON_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
