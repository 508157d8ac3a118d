import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { labelSchema, updateLabelSchema } from "@/lib/labels/schemas";
import { deleteLabelForUser, getLabelForUser, updateLabelForUser } from "@/lib/labels/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/labels/[id]", {
  GET: endpoint({
    auth: signedIn("labels:read"),
    params: idParamsSchema,
    docs: { summary: "Get a label", responses: { 200: labelSchema } },
    handle: async ({ userId, params }) => jsonResponse(await getLabelForUser(userId, params.id)),
  }),
  PATCH: endpoint({
    auth: signedIn("labels:write"),
    params: idParamsSchema,
    body: updateLabelSchema,
    subject: "The label",
    docs: { summary: "Update a label", responses: { 200: labelSchema, 409: "label_name_taken: you have another label of this name (in any case)." } },
    handle: async ({ actor, params, body }) => jsonResponse(await updateLabelForUser(actor, params.id, body)),
  }),
  DELETE: endpoint({
    auth: signedIn("labels:write"),
    params: idParamsSchema,
    docs: { summary: "Delete a label", description: "It comes off its tasks; the tasks stay.", responses: { 204: null } },
    handle: async ({ actor, params }) => {
      await deleteLabelForUser(actor, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
