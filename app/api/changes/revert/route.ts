import { z } from "zod";
import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { revertPreviewSchema, revertResultSchema, revertSchema } from "@/lib/changes/schemas";
import { previewRevertForUser, revertChangesForUser } from "@/lib/changes/revert";

/** Undoes what one device or token did since a time, or (`preview`) lists what that would undo. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/changes/revert", {
  POST: endpoint({
    auth: signedIn("history:revert"),
    body: revertSchema,
    subject: "The revert",
    docs: {
      summary: "Revert a device's changes",
      description: "Undoes every change one device or token made since a time, newest first; with `preview: true`, lists what that would undo instead.",
      responses: { 200: z.union([revertResultSchema, revertPreviewSchema]) },
    },
    handle: async ({ actor, body }) =>
      jsonResponse(body.preview ? await previewRevertForUser(actor, body.actor, body.since) : await revertChangesForUser(actor, body.actor, body.since)),
  }),
});
