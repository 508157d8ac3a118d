import { createMcpHandler } from "@modelcontextprotocol/server";
import { SCOPE_PER_OPERATION } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { createTaskServer, type ToolCaller } from "@/lib/mcp/tools";

// The MCP server (Streamable HTTP, stateless: a fresh server per request, no session to keep on
// a serverless instance), its tools bound to the request's verified caller. The route wrapper
// verifies the bearer token first, as for every API route; each tool then checks its own scope
// (lib/mcp/tools.ts).

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/mcp", {
  POST: endpoint({
    auth: SCOPE_PER_OPERATION,
    bodyMustBeJson: true,
    handle: async ({ request, requestId, userId, actor, scopes }) => {
      const caller: ToolCaller = { userId, actor, scopes, requestId };
      return createMcpHandler(() => createTaskServer(caller)).fetch(request);
    },
  }),
});
