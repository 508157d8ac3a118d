import { getLogger } from "../log";
import { sendDueReminders } from "./sender";

// In development (`next dev`) nothing calls GET /api/cron/reminders, so a timer runs the same
// sender every minute (started by instrumentation.ts). Never in production (the scheduler calls
// the route) nor in tests (they run the sender themselves).

const EVERY_MS = 60_000;
// On globalThis: dev hot reloads re-run this module, and each copy would start another timer.
const holder = globalThis as unknown as { tasksReminderTimer?: NodeJS.Timeout };

export function startDevelopmentReminderTimer(): void {
  if (process.env.NODE_ENV !== "development" || holder.tasksReminderTimer) return;
  holder.tasksReminderTimer = setInterval(() => {
    sendDueReminders()
      .then((summary) => {
        if (summary.claimed > 0) getLogger().info(summary, "reminders sent");
      })
      .catch((err: unknown) => getLogger().error({ err }, "the development reminder timer failed"));
  }, EVERY_MS);
  holder.tasksReminderTimer.unref();
}
