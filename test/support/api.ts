import * as calendarFeedRotateRoute from "@/app/api/calendar-feeds/[id]/rotate/route";
import * as calendarFeedRoute from "@/app/api/calendar-feeds/[id]/route";
import * as calendarFeedsRoute from "@/app/api/calendar-feeds/route";
import * as labelRoute from "@/app/api/labels/[id]/route";
import * as labelsRoute from "@/app/api/labels/route";
import * as listRoute from "@/app/api/lists/[id]/route";
import * as listsRoute from "@/app/api/lists/route";
import * as revertRoute from "@/app/api/changes/revert/route";
import * as changesRoute from "@/app/api/changes/route";
import * as undoRoute from "@/app/api/changes/[seq]/undo/route";
import * as exportRoute from "@/app/api/export/route";
import * as importRoute from "@/app/api/import/route";
import * as completeRoute from "@/app/api/tasks/[id]/complete/route";
import * as historyRoute from "@/app/api/tasks/[id]/history/route";
import * as restoreRoute from "@/app/api/tasks/[id]/restore/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import * as countsRoute from "@/app/api/tasks/counts/route";
import * as tasksRoute from "@/app/api/tasks/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import * as exchangeRoute from "@/app/api/tokens/exchange/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as trashRoute from "@/app/api/trash/route";
import * as taskRemindersRoute from "@/app/api/tasks/[id]/reminders/route";
import * as reminderRoute from "@/app/api/reminders/[id]/route";
import * as pushSubscriptionsRoute from "@/app/api/push-subscriptions/route";
import * as notificationsRoute from "@/app/api/notifications/route";
import * as notificationRoute from "@/app/api/notifications/[id]/route";
import * as cronRemindersRoute from "@/app/api/cron/reminders/route";
import { ENDPOINT_INFO, type EndpointInfo } from "@/lib/api/route";
import { checkResponse } from "./contract";
import { apiRequest, callRoute, type ApiRequestInit } from "./http";

// The route module for each path shape, as Next.js routes it: the static /api/tasks/counts wins
// over the dynamic /api/tasks/[id].
const ROUTES: Record<string, Record<string, unknown>> = {
  "tasks": tasksRoute,
  "tasks/counts": countsRoute,
  "tasks/[id]": taskRoute,
  "tasks/[id]/complete": completeRoute,
  "tasks/[id]/restore": restoreRoute,
  "tasks/[id]/history": historyRoute,
  "tasks/[id]/reminders": taskRemindersRoute,
  "reminders/[id]": reminderRoute,
  "push-subscriptions": pushSubscriptionsRoute,
  "notifications": notificationsRoute,
  "notifications/[id]": notificationRoute,
  "cron/reminders": cronRemindersRoute,
  "lists": listsRoute,
  "lists/[id]": listRoute,
  "labels": labelsRoute,
  "labels/[id]": labelRoute,
  "trash": trashRoute,
  "changes": changesRoute,
  "changes/[id]/undo": undoRoute,
  "changes/revert": revertRoute,
  "export": exportRoute,
  "import": importRoute,
  "tokens": tokensRoute,
  "tokens/[id]": tokenRoute,
  "tokens/exchange": exchangeRoute,
  "calendar-feeds": calendarFeedsRoute,
  "calendar-feeds/[id]": calendarFeedRoute,
  "calendar-feeds/[id]/rotate": calendarFeedRotateRoute,
};
const STATIC_SEGMENTS = new Set(["counts", "revert", "exchange", "reminders"]);

/**
 * Sends a request to the task, list, label, trash, changes, token, reminder or calendar feed API through its real route handlers;
 * the response must be one the OpenAPI document allows (test/support/contract.ts).
 */
export async function callApi(method: string, path: string, init: Omit<ApiRequestInit, "method"> = {}): Promise<Response> {
  const request = apiRequest(path, { ...init, method });
  const [pathname] = path.split("?");
  const [, resource, id, action] = pathname.split("/").filter(Boolean); // "api", "tasks", id or "counts"?, "complete"?
  const shape = [resource, id === undefined ? undefined : STATIC_SEGMENTS.has(id) ? id : "[id]", action].filter(Boolean).join("/");
  const handler = ROUTES[shape]?.[method] as (((request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>) & { [ENDPOINT_INFO]: EndpointInfo }) | undefined;
  if (!handler) throw new Error(`no ${method} handler for ${path}`);
  const response = await callRoute(handler, request, resource === "changes" ? { seq: id } : { id });
  await checkResponse(handler[ENDPOINT_INFO], response);
  return response;
}
