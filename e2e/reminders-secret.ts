/** The e2e server's CRON_SECRET (playwright.config.ts), with which e2e/reminders.spec.ts runs the reminder sender. */
export const E2E_CRON_SECRET = "e2e-only-cron-secret-0123456789abcdef";
