import { api, type RequestBody } from "./api-client";

// The settings page's calls to the calendar feed API (app/api/calendar-feeds), with the page's session token.

export const createCalendarFeed = (fields: RequestBody<"post", "/api/calendar-feeds">) => api("post", "/api/calendar-feeds", { body: fields });

export const rotateCalendarFeed = (id: string) => api("post", "/api/calendar-feeds/{id}/rotate", { path: { id } });

export const revokeCalendarFeed = (id: string) => api("delete", "/api/calendar-feeds/{id}", { path: { id } });
