import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { calendarFeedsSchema, createCalendarFeedSchema, createdCalendarFeedSchema } from "@/lib/calendar-feeds/schemas";
import { createCalendarFeedForUser, listCalendarFeedsForUser } from "@/lib/calendar-feeds/service";

// Browser session only: a feed URL reads tasks for as long as it lives, so a personal access
// token must not be able to mint one.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/calendar-feeds", {
  GET: endpoint({
    auth: BROWSER_SESSION,
    docs: { summary: "List calendar feeds", description: "Your calendar feeds, newest first; never their URLs, which hold their secrets.", responses: { 200: calendarFeedsSchema } },
    handle: async ({ userId }) => jsonResponse({ feeds: await listCalendarFeedsForUser(userId) }),
  }),
  POST: endpoint({
    auth: BROWSER_SESSION,
    body: createCalendarFeedSchema,
    subject: "The calendar feed",
    docs: {
      summary: "Create a calendar feed",
      description:
        "A private iCalendar address of your open tasks with a due: all of them, or (`listId`, `labelId`) one list's or one label's. The address is in this answer only: anyone who has it can read those tasks, until you rotate or revoke the feed.",
      responses: {
        201: { json: createdCalendarFeedSchema, headers: { Location: "The new feed's address in this API." } },
        404: "listId or labelId names no list or label of yours.",
        409: "calendar_feed_limit_reached: the account holds the most calendar feeds it can.",
      },
    },
    handle: async ({ actor, body }) => {
      const created = await createCalendarFeedForUser(actor, body);
      return jsonResponse(created, { status: 201, headers: { Location: `/api/calendar-feeds/${created.feed.id}` } });
    },
  }),
});
