import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createLabelSchema, labelSchema, labelsSchema } from "@/lib/labels/schemas";
import { createLabelForUser, listLabelsForUser } from "@/lib/labels/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/labels", {
  GET: endpoint({
    auth: signedIn("labels:read"),
    docs: { summary: "List labels", description: "By name.", responses: { 200: labelsSchema } },
    handle: async ({ userId }) => jsonResponse({ labels: await listLabelsForUser(userId) }),
  }),
  POST: endpoint({
    auth: signedIn("labels:write"),
    body: createLabelSchema,
    subject: "The label",
    docs: {
      summary: "Create a label",
      responses: {
        201: { json: labelSchema, headers: { Location: "The new label's address." } },
        409: "label_name_taken: you have a label of this name (in any case); label_limit_reached.",
      },
    },
    handle: async ({ actor, body }) => {
      const label = await createLabelForUser(actor, body);
      return jsonResponse(label, { status: 201, headers: { Location: `/api/labels/${label.id}` } });
    },
  }),
});
