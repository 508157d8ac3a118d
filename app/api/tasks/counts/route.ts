import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { countQuerySchema, taskCountsSchema } from "@/lib/tasks/schemas";
import { countTasksForUser } from "@/lib/tasks/service";
import { assertReadWithin } from "@/lib/tokens/list-limits";

// The numbers beside the status filters and under the list: per status, for the current search.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tasks/counts", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    withinLists: ({ lists, query }) => assertReadWithin(lists, query.listId),
    query: countQuerySchema,
    rateLimit: ({ query }) => (query.q ? "search" : "read"),
    docs: {
      summary: "Count tasks",
      description: "How many tasks pass the list's filters, per status.",
      responses: { 200: taskCountsSchema, 404: "listId, labelId or parentId names no row of yours." },
    },
    handle: async ({ userId, query }) => jsonResponse(await countTasksForUser(userId, query)),
  }),
});
