// Generated from the OpenAPI document (GET /api/openapi.json) by openapi-typescript: do not edit.
// Regenerate with `npm run api:types`; test/api-client-types.test.ts fails while it is stale.

export interface paths {
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         *
         *     A page of your tasks that pass every filter, in the order asked; walk the pages with `cursor=` the last page's `nextCursor`.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count tasks
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         *
         *     How many tasks pass the list's filters, per status.
         */
        get: operations["countTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         */
        get: operations["getTask"];
        /**
         * Replace a task
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     Every content field must be sent; where it sits may be.
         */
        put: operations["replaceTask"];
        post?: never;
        /**
         * Move a task to the trash
         * @description Scope: `tasks:delete` (move tasks to the trash and empty it).
         *
         *     With its subtasks, for 30 days.
         */
        delete: operations["moveTaskToTrash"];
        options?: never;
        head?: never;
        /**
         * Update a task
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     Changes the fields it names, at least one; `after` moves it in the manual order. `?subtasks=complete` completes its open subtasks with it. Completing a repeating task moves it to its next occurrence: send `occurrence`.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Toggle a task's completion
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     `?subtasks=complete` completes its open subtasks with it. A repeating task stays open and moves to its next occurrence; `?occurrence=` (its dueDate or dueAt) names the one completed, so that a repeated request completes it once.
         */
        patch: operations["toggleTaskCompletion"];
        trace?: never;
    };
    "/api/tasks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a task from the trash
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     Back where it was (list, parent, position, labels), with the subtasks that went with it; a task not in the trash is answered as it is.
         */
        post: operations["restoreTaskFromTrash"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task's history
         * @description Scope: `history:read` (read the changes feed and tasks' history).
         *
         *     Every change to the task, newest first.
         */
        get: operations["getTaskHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a task's reminders
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         *
         *     Sent ones too (with `sentAt`), soonest first.
         */
        get: operations["listTaskReminders"];
        put?: never;
        /**
         * Add a reminder to a task
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     At a moment (`at`), or `minutesBefore` the task's due moment (it follows the due when that moves). It is sent once, as an in-app notification and as Web Push to the browsers where notifications are on. At most 5 per task.
         */
        post: operations["addReminderToTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a reminder
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     It will not be sent; a notification it already made stays.
         */
        delete: operations["removeReminder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notifications
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         *
         *     The 50 most recent in-app notifications of sent reminders, newest first.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Mark a notification read
         * @description Scope: `tasks:write` (add, change, complete and restore tasks).
         *
         *     Send `{ "read": true }`; reading it again keeps the first time.
         */
        patch: operations["markNotificationRead"];
        trace?: never;
    };
    "/api/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on push notifications for this browser
         * @description **Browser session only**: a personal access token is refused.
         *
         *     The browser's PushSubscription (`subscription.toJSON()`): reminders are pushed to it from now on. Saving it again updates it. At most 20 per account.
         */
        post: operations["turnOnPushNotificationsForThisBrowser"];
        /**
         * Turn off push notifications for this browser
         * @description **Browser session only**: a personal access token is refused.
         *
         *     Forgets the subscription with this `endpoint`, if it is yours.
         */
        delete: operations["turnOffPushNotificationsForThisBrowser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cron/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Send due reminders
         * @description **For the scheduler**: takes `Authorization: Bearer <CRON_SECRET>`, the server's configured secret; 503 when none is configured.
         *
         *     Called by the scheduler every minute (Vercel Cron, or any scheduler with the secret). Each due reminder is sent once even when runs overlap; up to 100 per run.
         */
        get: operations["sendDueReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the trash
         * @description Scope: `tasks:read` (read tasks, their counts and the trash).
         *
         *     Tasks deleted in the last 30 days, newest first.
         */
        get: operations["listTrash"];
        put?: never;
        post?: never;
        /**
         * Empty the trash
         * @description Scope: `tasks:delete` (move tasks to the trash and empty it).
         *
         *     Its tasks are deleted for good.
         */
        delete: operations["emptyTrash"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List lists
         * @description Scope: `lists:read` (read lists).
         *
         *     The Inbox first, then your order; archived ones too. A token limited to some lists sees only those.
         */
        get: operations["listLists"];
        put?: never;
        /**
         * Create a list
         * @description Scope: `lists:write` (add, change and delete lists).
         */
        post: operations["createList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a list
         * @description Scope: `lists:read` (read lists).
         */
        get: operations["getList"];
        put?: never;
        post?: never;
        /**
         * Delete a list
         * @description Scope: `lists:write` (add, change and delete lists).
         *
         *     Its tasks move to the end of the Inbox (`tasks=inbox`) or to the trash (`tasks=delete`). Not the Inbox.
         */
        delete: operations["deleteList"];
        options?: never;
        head?: never;
        /**
         * Update a list
         * @description Scope: `lists:write` (add, change and delete lists).
         *
         *     Rename, recolour, archive or restore, or move it (`after`). The Inbox's colour only.
         */
        patch: operations["updateList"];
        trace?: never;
    };
    "/api/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List labels
         * @description Scope: `labels:read` (read labels).
         *
         *     By name.
         */
        get: operations["listLabels"];
        put?: never;
        /**
         * Create a label
         * @description Scope: `labels:write` (add, change and delete labels).
         */
        post: operations["createLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a label
         * @description Scope: `labels:read` (read labels).
         */
        get: operations["getLabel"];
        put?: never;
        post?: never;
        /**
         * Delete a label
         * @description Scope: `labels:write` (add, change and delete labels).
         *
         *     It comes off its tasks; the tasks stay.
         */
        delete: operations["deleteLabel"];
        options?: never;
        head?: never;
        /**
         * Update a label
         * @description Scope: `labels:write` (add, change and delete labels).
         */
        patch: operations["updateLabel"];
        trace?: never;
    };
    "/api/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the changes feed
         * @description Scope: `history:read` (read the changes feed and tasks' history).
         *
         *     Every change to your data after `since` (the last `cursor`), in commit order, each exactly once; without `since`, none and the cursor of now.
         */
        get: operations["followChangesFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/{seq}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a change
         * @description Scope: `history:revert` (undo what this token itself did).
         *
         *     Restores the change's `before`, a field only where it still holds what the change wrote, unless `overwrite`.
         */
        post: operations["undoChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revert a device's changes
         * @description Scope: `history:revert` (undo what this token itself did).
         *
         *     Undoes every change one device or token made since a time, newest first; with `preview: true`, lists what that would undo instead.
         */
        post: operations["revertDeviceChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export your data
         * @description Scope: `data:export` (download everything as json).
         *
         *     All of your live data as one versioned JSON document (the trash left out), or `?format=csv` the tasks as CSV; downloaded as a file.
         */
        get: operations["exportData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import tasks
         * @description Scope: `data:import` (import tasks from a file).
         *
         *     A document of GET /api/export, or a Todoist project exported as CSV (`?name=` the project, `?timeZone=` yours, which also reads an export of version 1's due dates), added all or nothing. With `Accept: application/x-ndjson`, a large import answers 200 as it writes: a `{"progress"}` line after each chunk, then the usual body or `{"status", "error"}`.
         */
        post: operations["importTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List access tokens
         * @description **Browser session only**: a personal access token is refused.
         *
         *     Your personal access tokens, newest first; never their secrets.
         */
        get: operations["listAccessTokens"];
        put?: never;
        /**
         * Create an access token
         * @description **Browser session only**: a personal access token is refused.
         *
         *     Needs the account's password (a token outlives the session); the secret is in this answer only. The account's address gets a mail. With `listIds`, the token reaches only the tasks in those lists (its scopes then among tasks:read, tasks:write, tasks:delete, lists:read), must name one of them when it lists tasks, and is refused every endpoint that crosses lists.
         */
        post: operations["createAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an access token
         * @description **Browser session only**: a personal access token is refused.
         *
         *     It can no longer be exchanged, and the JWTs it was exchanged for stop working within 30 seconds.
         */
        delete: operations["revokeAccessToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an access token
         * @description Takes a personal access token itself (`Authorization: Bearer tsk_…`), not a JWT.
         *
         *     For a 15-minute JWT with the token's scopes, or (`scopes`) some of them. No body: all of them.
         */
        post: operations["exchangeAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar-feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calendar feeds
         * @description **Browser session only**: a personal access token is refused.
         *
         *     Your calendar feeds, newest first; never their URLs, which hold their secrets.
         */
        get: operations["listCalendarFeeds"];
        put?: never;
        /**
         * Create a calendar feed
         * @description **Browser session only**: a personal access token is refused.
         *
         *     A private iCalendar address of your open tasks with a due: all of them, or (`listId`, `labelId`) one list's or one label's. The address is in this answer only: anyone who has it can read those tasks, until you rotate or revoke the feed.
         */
        post: operations["createCalendarFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar-feeds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a calendar feed
         * @description **Browser session only**: a personal access token is refused.
         *
         *     Its address answers 404 from now on.
         */
        delete: operations["revokeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar-feeds/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a calendar feed's address
         * @description **Browser session only**: a personal access token is refused.
         *
         *     A new secret address, in this answer only; the old one answers 404 from now on. Calendars subscribed to it must subscribe again.
         */
        post: operations["rotateCalendarFeedAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the MCP server
         * @description Any valid token: each operation inside checks its own scope.
         *
         *     Model Context Protocol over Streamable HTTP, stateless: a JSON-RPC message in, its answer out (JSON, or an event stream when a tool reports progress). Tools: list_tasks, get_task, list_lists, list_labels, add_task, update_task, complete_task, delete_task; each checks its own scope.
         */
        post: operations["callMcpServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check liveness
         * @description Public: no token needed (liveness probe: says only that the process answers).
         *
         *     The server process answers; nothing else is checked.
         */
        get: operations["checkLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check readiness
         * @description Public: no token needed (readiness probe: names no data, only what an operator must do).
         *
         *     Whether this instance can serve: the database answers, every migration is applied, a signing key exists.
         */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the OpenAPI document
         * @description Public: no token needed (the API's reference: it describes the endpoints and holds no one's data).
         *
         *     This document: OpenAPI 3.1, made from the same schemas that check each request.
         */
        get: operations["getOpenapiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TaskPage: {
            tasks: components["schemas"]["Task"][];
            /** @description Ask again with cursor= this for the next page; null on the last. */
            nextCursor: string | null;
        };
        Task: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            completed: boolean;
            /** @enum {string} */
            priority: "low" | "medium" | "high";
            /** @description Due on this whole day (no time zone), or null. */
            dueDate: string | null;
            /** @description Due at this moment, or null (then see dueDate). */
            dueAt: string | null;
            /** @description The IANA time zone whose clock dueAt is on; null with dueAt. */
            dueTimeZone: string | null;
            /** @description Repeats: on a fixed schedule, or counted from each completion; null for a one-off task. */
            recurrence: {
                /** @description RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO */
                rule: string;
                /** @enum {string} */
                mode: "schedule" | "completion";
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            listId: string;
            parentId: string | null;
            /** @description Its key in the manual order among the tasks of the same list and parent (compare byte by byte). */
            position: string;
            labelIds: string[];
            /** @description Its direct subtasks: how many, and how many of them are done. */
            subtasks: {
                total: number;
                completed: number;
            };
        };
        Error: {
            error: {
                /** @description Stable and machine-readable: validation_failed, not_found, rate_limited... */
                code: string;
                /** @description For a person: what went wrong and what to do. */
                message: string;
                /** @description The fields the error is about, each with its messages; `resource` (403, 404) names the kind of row; `requestId` (500). */
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        TaskCounts: {
            all: number;
            active: number;
            completed: number;
        };
        HistoryPage: {
            changes: components["schemas"]["Change"][];
            nextCursor: string | null;
        };
        Change: {
            /** @description The user's change number: the feed's order, and what undo names. */
            seq: number;
            /** Format: date-time */
            at: string;
            /** @description What made it: "session:<id>" (a device), "token:<id>", or null (the system: trash expiry, migrations). */
            actor: string | null;
            /** @description Made by the session asking. */
            mine: boolean;
            /** @enum {string} */
            entity: "task" | "list" | "label" | "task_label";
            /**
             * Format: uuid
             * @description The task, list or label; for a task label (entity task_label), its task.
             */
            entityId: string;
            /** @enum {string} */
            op: "create" | "update" | "delete";
            /** @description Its fields before (an update: only those it changed); a task label's: { labelId }. */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description Its fields after, as `before`. */
            after: {
                [key: string]: unknown;
            } | null;
        };
        Reminders: {
            reminders: components["schemas"]["Reminder"][];
        };
        Reminder: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            taskId: string;
            /** @description Fires at this moment; null for a reminder relative to the task's due moment. */
            at: string | null;
            /** @description Fires this many minutes before the task's dueAt (and follows it when it moves); null for a reminder at a moment. */
            minutesBefore: number | null;
            /** @description When it was sent; null until then. */
            sentAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        Notifications: {
            notifications: components["schemas"]["Notification"][];
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            taskId: string;
            /** @description The task's title when the reminder was sent. */
            title: string;
            /** Format: date-time */
            createdAt: string;
            readAt: string | null;
        };
        ReminderRun: {
            /** @description Due reminders this run took. */
            claimed: number;
            /** @description Delivered: in-app, and to every push subscription that took it. */
            sent: number;
            /** @description Of tasks completed or in the trash: marked sent, nothing sent. */
            skipped: number;
            /** @description A push failed for a reason other than a gone subscription: tried again by a later run, up to 3 times. */
            failed: number;
        };
        TrashPage: {
            tasks: components["schemas"]["TrashedTask"][];
            nextCursor: string | null;
        };
        TrashedTask: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            completed: boolean;
            /** @enum {string} */
            priority: "low" | "medium" | "high";
            /** @description Due on this whole day (no time zone), or null. */
            dueDate: string | null;
            /** @description Due at this moment, or null (then see dueDate). */
            dueAt: string | null;
            /** @description The IANA time zone whose clock dueAt is on; null with dueAt. */
            dueTimeZone: string | null;
            /** Format: uuid */
            listId: string;
            parentId: string | null;
            /** Format: date-time */
            deletedAt: string;
            /**
             * Format: date-time
             * @description When it is deleted for good, unless restored before.
             */
            purgeAt: string;
            /** @description Subtasks, at every level, that went to the trash with it and come back with it. */
            subtaskCount: number;
        };
        EmptiedTrash: {
            /** @description How many tasks were deleted for good. */
            deleted: number;
        };
        Lists: {
            lists: components["schemas"]["List"][];
        };
        List: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
            /** @description The Inbox: made with the account; it cannot be renamed, archived, moved or deleted. */
            inbox: boolean;
            archived: boolean;
            /** @description Its key in the manual order of lists. */
            position: string;
            /** @description How many of its tasks are not completed. */
            openTasks: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Labels: {
            labels: components["schemas"]["Label"][];
        };
        Label: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
            /** @description How many not-completed tasks carry it. */
            openTasks: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        FeedPage: {
            changes: components["schemas"]["Change"][];
            /** @description Ask again with since= this for what comes next. */
            cursor: string;
            /** @description More changes are waiting: ask again at once. */
            more: boolean;
        };
        Undone: {
            /** @description The seq of the change undone. */
            undone: number;
        };
        RevertResult: {
            undone: number;
            /** @description The changes left as they are, and why (changed since by someone else, deleted for good...). */
            skipped: {
                seq: number;
                reason: string;
            }[];
        };
        RevertPreview: {
            /** @description Newest first: the order they would be undone in. */
            changes: components["schemas"]["Change"][];
            /** @description More than this revert takes: it undoes the newest ones; another does the rest. */
            more: boolean;
            /** @description The current name of each task, list and label the changes touch (deleted ones from their last state). */
            names: {
                [key: string]: string;
            };
        };
        ExportDocument: {
            /** @constant */
            format: "tasks-export";
            /** @constant */
            version: 2;
            /** Format: date-time */
            exportedAt: string;
            account: {
                name: string;
                email: string;
                /** Format: date-time */
                createdAt: string;
            };
            lists: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                /** @description The Inbox: made with the account; it cannot be renamed, archived, moved or deleted. */
                inbox: boolean;
                archived: boolean;
                /** @description Its key in the manual order of lists. */
                position: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            labels: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                /** Format: date-time */
                createdAt: string;
            }[];
            /** @description Tasks as the API answers them, without their subtask counts (the subtasks are here too). */
            tasks: {
                /** Format: uuid */
                id: string;
                title: string;
                description: string;
                completed: boolean;
                /** @enum {string} */
                priority: "low" | "medium" | "high";
                /** @description Due on this whole day (no time zone), or null. */
                dueDate: string | null;
                /** @description Due at this moment, or null (then see dueDate). */
                dueAt: string | null;
                /** @description The IANA time zone whose clock dueAt is on; null with dueAt. */
                dueTimeZone: string | null;
                /** @description Repeats: on a fixed schedule, or counted from each completion; null for a one-off task. */
                recurrence: {
                    /** @description RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO */
                    rule: string;
                    /** @enum {string} */
                    mode: "schedule" | "completion";
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** Format: uuid */
                listId: string;
                parentId: string | null;
                /** @description Its key in the manual order among the tasks of the same list and parent (compare byte by byte). */
                position: string;
                labelIds: string[];
            }[];
            /** @description The tasks' reminders, as the API answers them (sentAt: already sent, so not sent again after an import). */
            reminders: components["schemas"]["Reminder"][];
        };
        Imported: {
            imported: {
                lists: number;
                labels: {
                    created: number;
                    /** @description Named like a label the account has (any case): that label. */
                    matched: number;
                };
                tasks: number;
                reminders: number;
            };
            /** @description For a Todoist CSV: what it kept in descriptions. */
            todoist?: {
                /** @description Dates Tasks cannot read yet (e.g. recurring), kept in their task's description. */
                datesKept: number;
                /** @description Notes (Todoist's comments), added to their task's description. */
                notes: number;
            };
        };
        AccessTokens: {
            tokens: components["schemas"]["AccessToken"][];
        };
        AccessToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The secret's first characters, to tell tokens apart. */
            shown: string;
            scopes: ("tasks:read" | "tasks:write" | "tasks:delete" | "lists:read" | "lists:write" | "labels:read" | "labels:write" | "history:read" | "history:revert" | "data:export" | "data:import")[];
            /** @description The lists it is limited to; empty: all of them. */
            listIds: string[];
            /** @description Null: never expires. */
            expiresAt: string | null;
            /** @description Its last exchange; null: never used. */
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreatedAccessToken: {
            token: components["schemas"]["AccessToken"];
            /** @description The token itself: shown this once, never again. */
            secret: string;
        };
        ExchangedToken: {
            /** @description A JWT: send it as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds until it expires. */
            expiresIn: number;
            /** @description Its scopes, space-separated. */
            scope: string;
        };
        CalendarFeeds: {
            feeds: components["schemas"]["CalendarFeed"][];
        };
        CalendarFeed: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The list it is limited to; null: not limited to a list. */
            listId: string | null;
            /** @description The label it is limited to; null: not limited to a label. */
            labelId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description When a calendar app last read it (written at most once an hour); null: never. */
            lastUsedAt: string | null;
        };
        CreatedCalendarFeed: {
            feed: components["schemas"]["CalendarFeed"];
            /**
             * Format: uri
             * @description The feed's private address, with its secret: shown this once, never again. Subscribe to it in a calendar app.
             */
            url: string;
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
                database: {
                    ok: boolean;
                    message: string;
                };
                migrations: {
                    ok: boolean;
                    message: string;
                };
                signingKey: {
                    ok: boolean;
                    message: string;
                };
            };
        };
    };
    responses: {
        /** @description No bearer token, or one refused (expired, revoked, not ours). */
        Unauthorized: {
            headers: {
                /** @description Bearer, or Bearer error="invalid_token" for a token refused. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token lacks this operation's scope, or an id names another user's row (`details.resource` says which kind, and the field). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The query or body has invalid fields: `details` names each one with its messages. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests: past the per-user limit. */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Something went wrong on our side: `details.requestId` names it in the server's log. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The database or the authentication service is not answering; try again shortly. */
        Unavailable: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not valid JSON, or holds a `__proto__`, `constructor` or `prototype` key or a NUL character. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than this operation reads. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body was not sent as `Content-Type: application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing at this address: no such row of yours (`details.resource`; `details.inTrash` for a task in the trash), or an id that cannot exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTasks: {
        parameters: {
            query?: {
                status?: "all" | "active" | "completed";
                q?: string;
                listId?: string;
                labelId?: string;
                parentId?: string | "none";
                view?: "today" | "upcoming";
                tz?: string;
                day?: string;
                priority?: "low" | "medium" | "high";
                sort?: "createdAt" | "dueDate" | "priority" | "title" | "position";
                order?: "asc" | "desc";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description listId, labelId or parentId names no row of yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high";
                    dueDate?: string | null;
                    dueAt?: string | null;
                    dueTimeZone?: string;
                    recurrence?: {
                        /** @description An RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (lib/recurrence: COUNT is not accepted, UNTIL is). */
                        rule: string;
                        /**
                         * @default schedule
                         * @enum {string}
                         */
                        mode?: "schedule" | "completion";
                    } | null;
                    completed?: boolean;
                    listId?: string;
                    parentId?: string | null;
                    labelIds?: string[];
                    /** Format: uuid */
                    id?: string;
                    after?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new task's address. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description listId, parentId, labelIds or after names no row of yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description task_limit_reached: the account holds the most tasks it can; conflict: a task already has this id. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    countTasks: {
        parameters: {
            query?: {
                q?: string;
                listId?: string;
                labelId?: string;
                parentId?: string | "none";
                view?: "today" | "upcoming";
                tz?: string;
                day?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskCounts"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description listId, labelId or parentId names no row of yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    replaceTask: {
        parameters: {
            query?: {
                subtasks?: "complete";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    /** @enum {string} */
                    priority: "low" | "medium" | "high";
                    dueDate: string | null;
                    dueAt?: string | null;
                    dueTimeZone?: string;
                    recurrence?: {
                        /** @description An RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (lib/recurrence: COUNT is not accepted, UNTIL is). */
                        rule: string;
                        /**
                         * @default schedule
                         * @enum {string}
                         */
                        mode?: "schedule" | "completion";
                    } | null;
                    completed: boolean;
                    listId?: string;
                    parentId?: string | null;
                    labelIds?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            /** @description occurrence_required: completing a repeating task needs `occurrence`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    moveTaskToTrash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateTask: {
        parameters: {
            query?: {
                subtasks?: "complete";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high";
                    dueDate?: string | null;
                    dueAt?: string | null;
                    dueTimeZone?: string;
                    recurrence?: {
                        /** @description An RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (lib/recurrence: COUNT is not accepted, UNTIL is). */
                        rule: string;
                        /**
                         * @default schedule
                         * @enum {string}
                         */
                        mode?: "schedule" | "completion";
                    } | null;
                    completed?: boolean;
                    listId?: string;
                    parentId?: string | null;
                    labelIds?: string[];
                    after?: string | null;
                    /** @description For a repeating task: the due being completed (its dueDate, or its dueAt), as the client last read it. */
                    occurrence?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            /** @description occurrence_required: completing a repeating task needs `occurrence`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    toggleTaskCompletion: {
        parameters: {
            query?: {
                subtasks?: "complete";
                occurrence?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            /** @description occurrence_required: completing a repeating task needs `occurrence`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    restoreTaskFromTrash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description parent_in_trash: restore its parent first; task_limit_reached. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTaskHistory: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTaskReminders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reminders"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    addReminderToTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                    minutesBefore?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reminder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description reminder_limit_reached: the task has the most reminders it can. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description reminder_needs_due_moment: minutesBefore on a task not due at a time (due on a whole day, or not due). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    read: true;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    turnOnPushNotificationsForThisBrowser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    endpoint: string;
                    expirationTime?: number | null;
                    keys: {
                        p256dh: string;
                        auth: string;
                    };
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description push_subscription_limit_reached: the account has notifications on in the most browsers it can. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    turnOffPushNotificationsForThisBrowser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    endpoint: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    sendDueReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderRun"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            /** @description not_configured: CRON_SECRET is not set on the server. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTrash: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    emptyTrash: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptiedTrash"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listLists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lists"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    color?: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new list's address. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["List"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description list_limit_reached: the account holds the most lists it can. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["List"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteList: {
        parameters: {
            query: {
                tasks: "inbox" | "delete";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    color?: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                    archived?: boolean;
                    after?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["List"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listLabels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Labels"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createLabel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    color?: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new label's address. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description label_name_taken: you have a label of this name (in any case); label_limit_reached. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    color?: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description label_name_taken: you have another label of this name (in any case). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    followChangesFeed: {
        parameters: {
            query?: {
                since?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    undoChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seq: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overwrite?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Undone"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description changed_since: changed since then (`details.fields`), send overwrite: true; cannot_undo; a limit reached. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revertDeviceChanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    actor: string;
                    /** Format: date-time */
                    since: string;
                    preview?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevertResult"] | components["schemas"]["RevertPreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportData: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description attachment, with the file's name. */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportDocument"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    importTasks: {
        parameters: {
            query?: {
                name?: string;
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @constant */
                    format: "tasks-export";
                    version: 1 | 2;
                    lists: {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                        inbox: boolean;
                        archived: boolean;
                        position: string;
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                    labels: {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        color: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                    tasks: {
                        id: string;
                        title: string;
                        description: string;
                        completed: boolean;
                        /** @enum {string} */
                        priority: "low" | "medium" | "high";
                        dueDate: string | null;
                        dueAt?: string | null;
                        dueTimeZone?: string | null;
                        recurrence?: {
                            /** @description An RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO (lib/recurrence: COUNT is not accepted, UNTIL is). */
                            rule: string;
                            /**
                             * @default schedule
                             * @enum {string}
                             */
                            mode?: "schedule" | "completion";
                        } | null;
                        listId: string;
                        parentId: string | null;
                        position: string;
                        labelIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    }[];
                    reminders?: {
                        taskId: string;
                        at: string | null;
                        minutesBefore: number | null;
                        sentAt?: string | null;
                        /** Format: date-time */
                        createdAt?: string;
                    }[];
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description Progress, as asked: newline-delimited JSON. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Imported"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description A limit reached: task_limit_reached, list_limit_reached, label_limit_reached. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAccessTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokens"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    password: string;
                    scopes: ("tasks:read" | "tasks:write" | "tasks:delete" | "lists:read" | "lists:write" | "labels:read" | "labels:write" | "history:read" | "history:revert" | "data:export" | "data:import")[];
                    /** @default 30 */
                    expiresInDays?: number | null;
                    /** @default [] */
                    listIds?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new token's address. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedAccessToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description listIds names no list of yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description token_limit_reached: the account holds the most tokens it can. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    exchangeAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scopes?: ("tasks:read" | "tasks:write" | "tasks:delete" | "lists:read" | "lists:write" | "labels:read" | "labels:write" | "history:read" | "history:revert" | "data:export" | "data:import")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangedToken"];
                };
            };
            /** @description invalid_scope: a scope the token does not have. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listCalendarFeeds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeeds"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default null */
                    listId?: string | null;
                    /** @default null */
                    labelId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new feed's address in this API. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedCalendarFeed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description listId or labelId names no list or label of yours. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description calendar_feed_limit_reached: the account holds the most calendar feeds it can. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rotateCalendarFeedAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedCalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    callMcpServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    jsonrpc: "2.0";
                    method: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The JSON-RPC answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        jsonrpc: "2.0";
                    } & {
                        [key: string]: unknown;
                    };
                    "text/event-stream": string;
                };
            };
            /** @description No body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The Accept header must allow application/json and text/event-stream. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    checkLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Not ready: each check says what to do. */
            503: {
                headers: {
                    /** @description Seconds to wait before asking again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getOpenapiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
}
