import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createListSchema, listSchema, listsSchema } from "@/lib/lists/schemas";
import { createListForUser, listListsForUser } from "@/lib/lists/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/lists", {
  GET: endpoint({
    auth: signedIn("lists:read"),
    docs: { summary: "List lists", description: "The Inbox first, then your order; archived ones too. A token limited to some lists sees only those.", responses: { 200: listsSchema } },
    withinLists: () => {}, // the answer is narrowed to them below
    handle: async ({ userId, lists }) => {
      const all = await listListsForUser(userId);
      return jsonResponse({ lists: lists === null ? all : all.filter((list) => lists.includes(list.id)) });
    },
  }),
  POST: endpoint({
    auth: signedIn("lists:write"),
    body: createListSchema,
    subject: "The list",
    docs: {
      summary: "Create a list",
      responses: { 201: { json: listSchema, headers: { Location: "The new list's address." } }, 409: "list_limit_reached: the account holds the most lists it can." },
    },
    handle: async ({ actor, body }) => {
      const list = await createListForUser(actor, body);
      return jsonResponse(list, { status: 201, headers: { Location: `/api/lists/${list.id}` } });
    },
  }),
});
