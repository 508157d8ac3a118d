import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { changeParamsSchema, undoSchema } from "@/lib/changes/schemas";
import { undoChangeForUser } from "@/lib/changes/undo";

/** Undoes one change of the user's log (its seq); 409 changed_since unless `overwrite`. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/changes/[seq]/undo", {
  POST: endpoint({
    auth: signedIn("history:revert"),
    params: changeParamsSchema,
    body: undoSchema,
    subject: "The undo",
    handle: async ({ actor, params, body }) => {
      await undoChangeForUser(actor, params.seq, body);
      return jsonResponse({ undone: Number(params.seq) });
    },
  }),
});
