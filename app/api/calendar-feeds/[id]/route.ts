import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { revokeCalendarFeedForUser } from "@/lib/calendar-feeds/service";
import { idParamsSchema } from "@/lib/ids";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/calendar-feeds/[id]", {
  DELETE: endpoint({
    auth: BROWSER_SESSION,
    params: idParamsSchema,
    docs: { summary: "Revoke a calendar feed", description: "Its address answers 404 from now on.", responses: { 204: null } },
    handle: async ({ userId, params }) => {
      await revokeCalendarFeedForUser(userId, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
