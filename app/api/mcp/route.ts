import { createMcpHandler } from "@modelcontextprotocol/server";
import { z } from "zod";
import { SCOPE_PER_OPERATION } from "@/lib/api/auth-kinds";
import { endpoint, routeHandlers } from "@/lib/api/route";
import { getLogger } from "@/lib/log";
import { createTaskServer, type ToolCaller } from "@/lib/mcp/tools";

// The MCP server (Streamable HTTP, stateless: a fresh server per request, no session to keep on
// a serverless instance), its tools bound to the request's verified caller. The route wrapper
// verifies the bearer token first, as for every API route; each tool then checks its own scope
// (lib/mcp/tools.ts).
//
// One message per request, of the methods a tool client needs: the SDK would also run a JSON-RPC
// batch (up to 100 calls for one request against the rate limit) and open a never-ending
// `subscriptions/listen` stream, neither of which this server has a use for.

const SERVED_METHODS = ["initialize", "ping", "server/discover", "tools/list", "tools/call"];
const mcpMessageSchema = z.looseObject({
  jsonrpc: z.literal("2.0", { error: "Send one JSON-RPC 2.0 message (an object), not a batch." }),
  method: z
    .string({ error: "method must be text." })
    .max(100)
    .refine((method) => SERVED_METHODS.includes(method) || method.startsWith("notifications/"), `method must be one of ${SERVED_METHODS.join(", ")}, or a notification.`),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeHandlers("/api/mcp", {
  POST: endpoint({
    auth: SCOPE_PER_OPERATION,
    body: mcpMessageSchema,
    subject: "The MCP message",
    docs: {
      summary: "Call the MCP server",
      description:
        "Model Context Protocol over Streamable HTTP, stateless: a JSON-RPC message in, its answer out (JSON, or an event stream when a tool reports progress). Tools: list_tasks, get_task, list_lists, list_labels, add_task, update_task, complete_task, delete_task; each checks its own scope.",
      responses: {
        200: { description: "The JSON-RPC answer.", content: { "application/json": z.looseObject({ jsonrpc: z.literal("2.0") }), "text/event-stream": z.string() } },
        202: null,
        406: "The Accept header must allow application/json and text/event-stream.",
      },
    },
    handle: async ({ request, requestId, userId, actor, scopes }) => {
      const caller: ToolCaller = { userId, actor, scopes, requestId };
      const onerror = (error: Error) => getLogger().warn({ err: error, requestId }, "the MCP server failed a request");
      return createMcpHandler(() => createTaskServer(caller), { onerror }).fetch(request);
    },
  }),
});
