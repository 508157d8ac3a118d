import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { NOTIFICATIONS_SHOWN } from "@/lib/reminders/constants";
import { notificationsSchema } from "@/lib/reminders/schemas";
import { listNotifications } from "@/lib/reminders/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/notifications", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    docs: { summary: "List notifications", description: `The ${NOTIFICATIONS_SHOWN} most recent in-app notifications of sent reminders, newest first.`, responses: { 200: notificationsSchema } },
    handle: async ({ userId }) => jsonResponse({ notifications: await listNotifications(userId) }),
  }),
});
