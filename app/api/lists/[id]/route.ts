import { signedIn } from "@/lib/api/auth-kinds";
import { requireScope } from "@/lib/auth";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { deleteListQuerySchema, listSchema, updateListSchema } from "@/lib/lists/schemas";
import { deleteListForUser, getListForUser, updateListForUser } from "@/lib/lists/service";
import { assertListWithin } from "@/lib/tokens/list-limits";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/lists/[id]", {
  GET: endpoint({
    auth: signedIn("lists:read"),
    withinLists: ({ lists, params }) => assertListWithin(lists, params.id, "The address"),
    params: idParamsSchema,
    docs: { summary: "Get a list", responses: { 200: listSchema } },
    handle: async ({ userId, params }) => jsonResponse(await getListForUser(userId, params.id)),
  }),
  PATCH: endpoint({
    auth: signedIn("lists:write"),
    params: idParamsSchema,
    body: updateListSchema,
    subject: "The list",
    docs: { summary: "Update a list", description: "Rename, recolour, archive or restore, or move it (`after`). The Inbox's colour only.", responses: { 200: listSchema } },
    handle: async ({ actor, params, body }) => jsonResponse(await updateListForUser(actor, params.id, body)),
  }),
  DELETE: endpoint({
    auth: signedIn("lists:write"),
    params: idParamsSchema,
    query: deleteListQuerySchema,
    docs: { summary: "Delete a list", description: "Its tasks move to the end of the Inbox (`tasks=inbox`) or to the trash (`tasks=delete`). Not the Inbox.", responses: { 204: null } },
    handle: async ({ actor, scopes, params, query }) => {
      if (query.tasks === "delete") requireScope(scopes, "tasks:delete"); // its tasks go to the trash
      await deleteListForUser(actor, params.id, query.tasks);
      return new Response(null, { status: 204 });
    },
  }),
});
