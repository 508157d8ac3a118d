import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/support/global-setup.ts"],
    env: {
      BETTER_AUTH_SECRET: "test-only-secret-0123456789abcdef0123456789abcdef",
      BETTER_AUTH_URL: "http://localhost:3000",
      AUTH_RATE_LIMIT_MAX: "5",
      LOG_LEVEL: "silent", // tests that read log lines capture them (test/support/logs.ts)
      // Sign-in delays short enough to wait out in a test.
      AUTH_SIGN_IN_FAILURES_BEFORE_DELAY: "3",
      AUTH_SIGN_IN_MAX_DELAY_SECONDS: "3",
      // The tests' requests come as if through a proxy that writes the client's address here.
      CLIENT_IP_HEADER: "x-forwarded-for",
      // Mail goes to an outbox of the tests' own, not a developer's; tests of mail start an SMTP server.
      MAIL_OUTBOX_DIR: path.join(os.tmpdir(), "tasks-test-outbox"),
      // The reminder sender's route (GET /api/cron/reminders) answers 503 without one.
      CRON_SECRET: "test-only-cron-secret-0123456789",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
