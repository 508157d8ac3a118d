import { PERSONAL_TOKEN } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { exchangeSchema } from "@/lib/tokens/schemas";
import { exchangeToken } from "@/lib/tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tokens/exchange", {
  POST: endpoint({
    auth: PERSONAL_TOKEN,
    body: exchangeSchema,
    bodyOptional: true, // no body: every scope of the token
    subject: "The exchange",
    handle: async ({ personalToken, body }) => jsonResponse(await exchangeToken(personalToken, body)),
  }),
});
