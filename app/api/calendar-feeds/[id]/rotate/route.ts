import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createdCalendarFeedSchema } from "@/lib/calendar-feeds/schemas";
import { rotateCalendarFeedForUser } from "@/lib/calendar-feeds/service";
import { idParamsSchema } from "@/lib/ids";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/calendar-feeds/[id]/rotate", {
  POST: endpoint({
    auth: BROWSER_SESSION,
    params: idParamsSchema,
    docs: {
      summary: "Rotate a calendar feed's address",
      description: "A new secret address, in this answer only; the old one answers 404 from now on. Calendars subscribed to it must subscribe again.",
      responses: { 200: createdCalendarFeedSchema },
    },
    handle: async ({ userId, params }) => jsonResponse(await rotateCalendarFeedForUser(userId, params.id)),
  }),
});
