import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { emptiedTrashSchema, trashPageSchema, trashQuerySchema } from "@/lib/trash/schemas";
import { emptyTrashForUser, listTrashForUser } from "@/lib/trash/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/trash", {
  GET: endpoint({
    auth: signedIn("tasks:read"),
    query: trashQuerySchema,
    docs: { summary: "List the trash", description: "Tasks deleted in the last 30 days, newest first.", responses: { 200: trashPageSchema } },
    handle: async ({ userId, query }) => jsonResponse(await listTrashForUser(userId, query)),
  }),
  /** Empties the trash: its tasks are deleted for good. */
  DELETE: endpoint({
    auth: signedIn("tasks:delete"),
    docs: { summary: "Empty the trash", description: "Its tasks are deleted for good.", responses: { 200: emptiedTrashSchema } },
    handle: async ({ actor }) => jsonResponse({ deleted: await emptyTrashForUser(actor) }),
  }),
});
