import { signedIn } from "@/lib/api/auth-kinds";
import { requireScope } from "@/lib/auth";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { deleteListQuerySchema, updateListSchema } from "@/lib/lists/schemas";
import { deleteListForUser, getListForUser, updateListForUser } from "@/lib/lists/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/lists/[id]", {
  GET: endpoint({
    auth: signedIn("lists:read"),
    params: idParamsSchema,
    handle: async ({ userId, params }) => jsonResponse(await getListForUser(userId, params.id)),
  }),
  PATCH: endpoint({
    auth: signedIn("lists:write"),
    params: idParamsSchema,
    body: updateListSchema,
    subject: "The list",
    handle: async ({ actor, params, body }) => jsonResponse(await updateListForUser(actor, params.id, body)),
  }),
  DELETE: endpoint({
    auth: signedIn("lists:write"),
    params: idParamsSchema,
    query: deleteListQuerySchema,
    handle: async ({ actor, scopes, params, query }) => {
      if (query.tasks === "delete") requireScope(scopes, "tasks:delete"); // its tasks go to the trash
      await deleteListForUser(actor, params.id, query.tasks);
      return new Response(null, { status: 204 });
    },
  }),
});
