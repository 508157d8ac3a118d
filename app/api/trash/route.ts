import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { trashQuerySchema } from "@/lib/trash/schemas";
import { emptyTrashForUser, listTrashForUser } from "@/lib/trash/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/trash", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    query: trashQuerySchema,
    handle: async ({ userId, query }) => jsonResponse(await listTrashForUser(userId, query)),
  }),
  /** Empties the trash: its tasks are deleted for good. */
  DELETE: endpoint({
    auth: signedIn("tasks:delete"),
    handle: async ({ actor }) => jsonResponse({ deleted: await emptyTrashForUser(actor) }),
  }),
});
