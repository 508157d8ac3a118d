import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { feedQuerySchema } from "@/lib/changes/schemas";
import { changesSinceForUser } from "@/lib/changes/service";

/** The changes feed: every change to the user's data after a cursor, in commit order. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/changes", {
  GET: endpoint({
    auth: signedIn("history:read"),
    query: feedQuerySchema,
    handle: async ({ actor, query }) => jsonResponse(await changesSinceForUser(actor, query)),
  }),
});
