import { api, type RequestBody } from "./api-client";

// The browser's calls to the reminder, push subscription and notification API, with the page's session token.

export const listReminders = (taskId: string) => api("get", "/api/tasks/{id}/reminders", { path: { id: taskId } });

export const addReminder = (taskId: string, fields: RequestBody<"post", "/api/tasks/{id}/reminders">) =>
  api("post", "/api/tasks/{id}/reminders", { path: { id: taskId }, body: fields });

export const removeReminder = (id: string) => api("delete", "/api/reminders/{id}", { path: { id } });

export const listNotifications = () => api("get", "/api/notifications");

export const markNotificationRead = (id: string) => api("patch", "/api/notifications/{id}", { path: { id }, body: { read: true } });

export const savePushSubscription = (subscription: RequestBody<"post", "/api/push-subscriptions">) => api("post", "/api/push-subscriptions", { body: subscription });

export const deletePushSubscription = (endpoint: string) => api("delete", "/api/push-subscriptions", { body: { endpoint } });
