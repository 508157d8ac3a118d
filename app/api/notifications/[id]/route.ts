import { signedIn } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { readNotificationSchema } from "@/lib/reminders/schemas";
import { markNotificationRead } from "@/lib/reminders/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/notifications/[id]", {
  PATCH: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    body: readNotificationSchema,
    subject: "The notification",
    docs: { summary: "Mark a notification read", description: "Send `{ \"read\": true }`; reading it again keeps the first time.", responses: { 204: null } },
    handle: async ({ userId, params }) => {
      await markNotificationRead(userId, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
