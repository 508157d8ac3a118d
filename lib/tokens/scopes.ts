// What a personal access token may do: the one list of scopes. Route files name the scope each
// endpoint needs (lib/api/auth-kinds.ts); the settings page, the token API's schemas, the MCP
// tools and the API reference read the names and descriptions from here. A browser session's
// token carries every scope.

export const TOKEN_SCOPES = {
  "tasks:read": "Read tasks, their counts and the trash",
  "tasks:write": "Add, change, complete and restore tasks",
  "tasks:delete": "Move tasks to the trash and empty it",
  "lists:read": "Read lists",
  "lists:write": "Add, change and delete lists",
  "labels:read": "Read labels",
  "labels:write": "Add, change and delete labels",
  "history:read": "Read the changes feed and tasks' history",
  "history:revert": "Undo what this token itself did",
  "data:export": "Download everything as JSON",
  "data:import": "Import tasks from a file",
} as const;

export type Scope = keyof typeof TOKEN_SCOPES;
export const SCOPES = Object.keys(TOKEN_SCOPES) as Scope[];

export const isScope = (name: string): name is Scope => Object.hasOwn(TOKEN_SCOPES, name);

/**
 * What a token limited to some lists may carry: reading and writing the tasks in those lists, and
 * reading the lists. Labels, history, the trash and the whole account's data cross lists.
 */
export const LIST_LIMITABLE_SCOPES: readonly Scope[] = ["tasks:read", "tasks:write", "tasks:delete", "lists:read"];
