import { BROWSER_SESSION } from "@/lib/api/auth-kinds";
import { jsonResponse } from "@/lib/api/respond";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { accessTokensSchema, createdTokenSchema, createTokenSchema } from "@/lib/tokens/schemas";
import { createTokenForUser, listTokensForUser } from "@/lib/tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/tokens", {
  GET: endpoint({
    auth: BROWSER_SESSION,
    docs: { summary: "List access tokens", description: "Your personal access tokens, newest first; never their secrets.", responses: { 200: accessTokensSchema } },
    handle: async ({ userId }) => jsonResponse({ tokens: await listTokensForUser(userId) }),
  }),
  POST: endpoint({
    auth: BROWSER_SESSION,
    body: createTokenSchema,
    subject: "The access token",
    docs: {
      summary: "Create an access token",
      description:
        "Needs the account's password (a token outlives the session); the secret is in this answer only. The account's address gets a mail. With `listIds`, the token reaches only the tasks in those lists (its scopes then among tasks:read, tasks:write, tasks:delete, lists:read), must name one of them when it lists tasks, and is refused every endpoint that crosses lists.",
      responses: {
        201: { json: createdTokenSchema, headers: { Location: "The new token's address." } },
        404: "listIds names no list of yours.",
        409: "token_limit_reached: the account holds the most tokens it can.",
      },
    },
    handle: async ({ actor, body }) => {
      const created = await createTokenForUser(actor, body);
      return jsonResponse(created, { status: 201, headers: { Location: `/api/tokens/${created.token.id}` } });
    },
  }),
});
