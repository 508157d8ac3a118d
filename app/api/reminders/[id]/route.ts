import { signedIn } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { deleteReminder } from "@/lib/reminders/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/reminders/[id]", {
  DELETE: endpoint({
    auth: signedIn("tasks:write"),
    params: idParamsSchema,
    docs: { summary: "Remove a reminder", description: "It will not be sent; a notification it already made stays.", responses: { 204: null } },
    handle: async ({ userId, params }) => {
      await deleteReminder(userId, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
