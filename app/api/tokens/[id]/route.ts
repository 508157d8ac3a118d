import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { idParamsSchema } from "@/lib/ids";
import { revokeTokenForUser } from "@/lib/tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tokens/[id]", {
  DELETE: endpoint({
    auth: BROWSER_SESSION,
    params: idParamsSchema,
    docs: { summary: "Revoke an access token", description: "It can no longer be exchanged, and the JWTs it was exchanged for stop working within 30 seconds.", responses: { 204: null } },
    handle: async ({ userId, params }) => {
      await revokeTokenForUser(userId, params.id);
      return new Response(null, { status: 204 });
    },
  }),
});
