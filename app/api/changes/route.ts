import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { feedPageSchema, feedQuerySchema } from "@/lib/changes/schemas";
import { changesSinceForUser } from "@/lib/changes/service";

/** The changes feed: every change to the user's data after a cursor, in commit order. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/changes", {
  GET: endpoint({
    auth: signedIn("history:read"),
    query: feedQuerySchema,
    docs: {
      summary: "Follow the changes feed",
      description: "Every change to your data after `since` (the last `cursor`), in commit order, each exactly once; without `since`, none and the cursor of now.",
      responses: { 200: feedPageSchema },
    },
    handle: async ({ actor, query }) => jsonResponse(await changesSinceForUser(actor, query)),
  }),
});
