import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { changeParamsSchema, undoneSchema, undoSchema } from "@/lib/changes/schemas";
import { undoChangeForUser } from "@/lib/changes/undo";

/** Undoes one change of the user's log (its seq); 409 changed_since unless `overwrite`. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/changes/[seq]/undo", {
  POST: endpoint({
    auth: signedIn("history:revert"),
    params: changeParamsSchema,
    body: undoSchema,
    subject: "The undo",
    docs: {
      summary: "Undo a change",
      description: "Restores the change's `before`, a field only where it still holds what the change wrote, unless `overwrite`.",
      responses: { 200: undoneSchema, 409: "changed_since: changed since then (`details.fields`), send overwrite: true; cannot_undo; a limit reached." },
    },
    handle: async ({ actor, params, body }) => {
      await undoChangeForUser(actor, params.seq, body);
      return jsonResponse({ undone: Number(params.seq) });
    },
  }),
});
