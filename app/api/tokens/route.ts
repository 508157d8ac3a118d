import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { createTokenForUser, listTokensForUser } from "@/lib/tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tokens", {
  GET: endpoint({
    auth: BROWSER_SESSION,
    handle: async ({ userId }) => jsonResponse({ tokens: await listTokensForUser(userId) }),
  }),
  POST: endpoint({
    auth: BROWSER_SESSION,
    body: createTokenSchema,
    subject: "The access token",
    handle: async ({ actor, body }) => {
      const created = await createTokenForUser(actor, body);
      return jsonResponse(created, { status: 201, headers: { Location: `/api/tokens/${created.token.id}` } });
    },
  }),
});
