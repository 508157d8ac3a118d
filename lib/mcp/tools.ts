import { McpServer, type CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { Actor } from "../actor";
import { errorResponse } from "../api/respond";
import { hasScope, type VerifiedCaller } from "../auth";
import { idSchema } from "../ids";
import { listLabelsForUser } from "../labels/service";
import { listListsForUser } from "../lists/service";
import { addTaskSchema, listQuerySchema, updateTaskSchema } from "../tasks/schemas";
import { createTaskForUser, deleteTaskForUser, getTaskForUser, listTasksForUser, updateTaskForUser } from "../tasks/service";
import type { Scope } from "../tokens/scopes";

// The MCP server's tools: what an AI assistant may do with a user's tasks, each through the same
// services and input schemas as the HTTP API, and each checking its own scope, since one endpoint
// serves them all. A tool the token lacks the scope for answers an error naming the scope; a
// destructive one (delete) answers a proposal instead, which the user can carry out in the app.
// Every write is the token's in the change log, so Settings can undo what an assistant did.

/** Who is calling, as the route verified it. */
export interface ToolCaller {
  userId: string;
  actor: Actor;
  scopes: VerifiedCaller["scopes"];
  requestId: string;
}

const json = (value: unknown): CallToolResult => ({ content: [{ type: "text", text: JSON.stringify(value, null, 2) }] });
const refusal = (text: string): CallToolResult => ({ content: [{ type: "text", text }], isError: true });

/** A service's refusal in the API's own words (lib/api/respond.ts is the one table of errors). */
async function failure(error: unknown, requestId: string): Promise<CallToolResult> {
  const body = (await errorResponse(error, requestId).json()) as { error: { message: string } };
  return refusal(body.error.message);
}

/** Runs a tool, answering a service's refusal as a tool error. */
function guarded<Args>(caller: ToolCaller, run: (args: Args) => Promise<CallToolResult>) {
  return async (args: Args): Promise<CallToolResult> => {
    try {
      return await run(args);
    } catch (error) {
      return failure(error, caller.requestId);
    }
  };
}

/** Runs a tool that needs `scope`, or says that the token lacks it. */
function needing<Args>(caller: ToolCaller, scope: Scope, run: (args: Args) => Promise<CallToolResult>) {
  return guarded(caller, async (args: Args) =>
    hasScope(caller.scopes, scope) ? run(args) : refusal(`This access token does not have the ${scope} scope, which this tool needs. The user can make a token with it in Settings → Access tokens.`),
  );
}

const byId = z.strictObject({ id: idSchema.describe("The task's id") });

/** A server for one request, with the tools bound to its verified caller. */
export function createTaskServer(caller: ToolCaller): McpServer {
  const server = new McpServer({ name: "tasks", version: "1.0.0" });
  const { userId, actor } = caller;

  server.registerTool(
    "list_tasks",
    {
      title: "List tasks",
      description: "Lists the user's tasks, newest first by default, 50 at a time (nextCursor pages on). Filter by status, list, label, a search text (q) or view (today, upcoming).",
      inputSchema: listQuerySchema,
      annotations: { readOnlyHint: true },
    },
    needing(caller, "tasks:read", async (query) => json(await listTasksForUser(userId, query))),
  );
  server.registerTool(
    "get_task",
    { title: "Get a task", description: "One task by its id.", inputSchema: byId, annotations: { readOnlyHint: true } },
    needing(caller, "tasks:read", async ({ id }) => json(await getTaskForUser(userId, id))),
  );
  server.registerTool(
    "list_lists",
    { title: "List lists", description: "The user's lists (the Inbox first), with their ids and open task counts.", inputSchema: z.strictObject({}), annotations: { readOnlyHint: true } },
    needing(caller, "lists:read", async () => json({ lists: await listListsForUser(userId) })),
  );
  server.registerTool(
    "list_labels",
    { title: "List labels", description: "The user's labels, with their ids.", inputSchema: z.strictObject({}), annotations: { readOnlyHint: true } },
    needing(caller, "labels:read", async () => json({ labels: await listLabelsForUser(userId) })),
  );
  server.registerTool(
    "add_task",
    {
      title: "Add a task",
      description:
        "Adds a task: a title, and optionally a description, priority, due (dueDate: a whole day such as 2026-12-24; or dueAt: an ISO 8601 moment, with dueTimeZone: the IANA zone of its clock), list (default: the Inbox), parent task and labels.",
      inputSchema: addTaskSchema,
    },
    needing(caller, "tasks:write", async (fields) => json(await createTaskForUser(actor, fields))),
  );
  server.registerTool(
    "update_task",
    {
      title: "Update a task",
      description: "Changes the fields it is given of one task: title, description, priority, dueDate or dueAt with dueTimeZone, completed, listId, parentId, labelIds.",
      inputSchema: z.strictObject({ id: idSchema.describe("The task's id"), changes: updateTaskSchema }),
    },
    needing(caller, "tasks:write", async ({ id, changes }) => json(await updateTaskForUser(actor, id, changes))),
  );
  server.registerTool(
    "complete_task",
    {
      title: "Complete a task",
      description: "Marks a task completed (or, with completed: false, not completed again). A repeating task stays open and moves to its next due date.",
      inputSchema: byId.extend({ completed: z.boolean().default(true) }),
      annotations: { idempotentHint: true },
    },
    needing(caller, "tasks:write", async ({ id, completed }) => {
      // A repeating task's completion names the occurrence this caller saw: a retried call completes it once.
      const task = completed ? await getTaskForUser(userId, id) : null;
      const occurrence = task?.recurrence ? (task.dueAt ?? task.dueDate ?? undefined) : undefined;
      return json(await updateTaskForUser(actor, id, { completed, ...(occurrence && { occurrence }) }));
    }),
  );
  server.registerTool(
    "delete_task",
    {
      title: "Delete a task",
      description: "Moves a task and its subtasks to the trash (restorable for 30 days). Without the tasks:delete scope, answers a proposal for the user to carry out instead.",
      inputSchema: byId,
      annotations: { destructiveHint: true },
    },
    guarded(caller, async ({ id }: { id: string }) => {
      if (!hasScope(caller.scopes, "tasks:delete")) {
        const title = hasScope(caller.scopes, "tasks:read") ? `“${(await getTaskForUser(userId, id)).title}”` : id;
        return json({
          proposal: `Move the task ${title} to the trash.`,
          done: false,
          why: "This access token may not delete (it lacks tasks:delete). Ask the user to delete the task in Tasks, or to give you a token with tasks:delete.",
        });
      }
      await deleteTaskForUser(actor, id);
      return json({ deleted: id, done: true, undo: "It is in the trash for 30 days: restore it there, or undo it in Settings → Undo a device's changes." });
    }),
  );
  return server;
}
