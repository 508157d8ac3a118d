import { SIGNED_IN } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createLabelSchema } from "@/lib/labels/schemas";
import { createLabelForUser, listLabelsForUser } from "@/lib/labels/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/labels", {
  GET: endpoint({
    auth: SIGNED_IN,
    handle: async ({ userId }) => jsonResponse({ labels: await listLabelsForUser(userId) }),
  }),
  POST: endpoint({
    auth: SIGNED_IN,
    body: createLabelSchema,
    subject: "The label",
    handle: async ({ actor, body }) => {
      const label = await createLabelForUser(actor, body);
      return jsonResponse(label, { status: 201, headers: { Location: `/api/labels/${label.id}` } });
    },
  }),
});
