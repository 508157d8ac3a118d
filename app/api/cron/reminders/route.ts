import { CRON } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { sendSummarySchema } from "@/lib/reminders/schemas";
import { sendDueReminders } from "@/lib/reminders/sender";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/cron/reminders", {
  // GET, as Vercel Cron calls it.
  GET: endpoint({
    auth: CRON,
    docs: {
      summary: "Send due reminders",
      description: "Called by the scheduler every minute (Vercel Cron, or any scheduler with the secret). Each due reminder is sent once even when runs overlap; up to 100 per run.",
      responses: { 200: sendSummarySchema, 503: "not_configured: CRON_SECRET is not set on the server." },
    },
    handle: async () => jsonResponse(await sendDueReminders()),
  }),
});
