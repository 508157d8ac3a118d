import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createListSchema } from "@/lib/lists/schemas";
import { createListForUser, listListsForUser } from "@/lib/lists/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/lists", {
  GET: endpoint({
    auth: signedIn("lists:read"),
    handle: async ({ userId }) => jsonResponse({ lists: await listListsForUser(userId) }),
  }),
  POST: endpoint({
    auth: signedIn("lists:write"),
    body: createListSchema,
    subject: "The list",
    handle: async ({ actor, body }) => {
      const list = await createListForUser(actor, body);
      return jsonResponse(list, { status: 201, headers: { Location: `/api/lists/${list.id}` } });
    },
  }),
});
