import { PERSONAL_TOKEN } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { exchangedTokenSchema, exchangeSchema } from "@/lib/tokens/schemas";
import { exchangeToken } from "@/lib/tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tokens/exchange", {
  POST: endpoint({
    auth: PERSONAL_TOKEN,
    body: exchangeSchema,
    bodyOptional: true, // no body: every scope of the token
    subject: "The exchange",
    docs: {
      summary: "Exchange an access token",
      description: "For a 15-minute JWT with the token's scopes, or (`scopes`) some of them. No body: all of them.",
      responses: { 200: exchangedTokenSchema, 400: "invalid_scope: a scope the token does not have." },
    },
    handle: async ({ personalToken, body }) => jsonResponse(await exchangeToken(personalToken, body)),
  }),
});
