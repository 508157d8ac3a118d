import { signedIn } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createLabelSchema } from "@/lib/labels/schemas";
import { createLabelForUser, listLabelsForUser } from "@/lib/labels/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/labels", {
  GET: endpoint({
    auth: signedIn("labels:read"),
    handle: async ({ userId }) => jsonResponse({ labels: await listLabelsForUser(userId) }),
  }),
  POST: endpoint({
    auth: signedIn("labels:write"),
    body: createLabelSchema,
    subject: "The label",
    handle: async ({ actor, body }) => {
      const label = await createLabelForUser(actor, body);
      return jsonResponse(label, { status: 201, headers: { Location: `/api/labels/${label.id}` } });
    },
  }),
});
