import { expect } from "vitest";
import { callApi } from "./api";
import type { Label } from "@/lib/labels/service";
import type { List } from "@/lib/lists/service";
import type { Task } from "@/lib/tasks/service";
import type { TestUser } from "./http";

// What the list, label and task tests share: the JSON the API answers, and calls that check
// the status before they hand the body back.

// The API's JSON is what the services return: the same types, read back from a response.
export type ListJson = List;
export type LabelJson = Label;
export type TaskJson = Task;

export interface ErrorJson {
  code: string;
  message: string;
  /** The fields the error is about, each with its messages. */
  details?: Record<string, string[]>;
  /** A 403's or 404's kind of row (`details.resource` in the body), kept apart from the fields. */
  resource?: string;
}

/** The error a response carries, after checking its status, code and shape. */
export async function expectError(response: Response, status: number, code: string): Promise<ErrorJson> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = JSON.parse(text);
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  const { details, ...error } = body.error as ErrorJson & { details?: Record<string, unknown> };
  if (status !== 403 && status !== 404) return body.error;
  // A 403 says which kind of row it is about, as does a 404 for a row (not one for an address that cannot exist).
  if (status === 403 || details?.resource !== undefined) expect(details?.resource).toMatch(/^(task|list|label|change|calendar feed)$/);
  const { resource, ...fields } = (details ?? {}) as Record<string, string[]> & { resource?: string };
  return { ...error, ...(resource ? { resource } : {}), ...(Object.keys(fields).length > 0 ? { details: fields } : {}) };
}

/** The JSON of a response that must have `status`. */
export async function expectJson<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** Calls made as `user`, answering the raw response. */
export function as(user: TestUser) {
  return {
    get: (path: string) => callApi("GET", path, { token: user.token }),
    post: (path: string, body?: unknown) => callApi("POST", path, { token: user.token, body }),
    put: (path: string, body?: unknown) => callApi("PUT", path, { token: user.token, body }),
    patch: (path: string, body?: unknown) => callApi("PATCH", path, { token: user.token, body }),
    delete: (path: string) => callApi("DELETE", path, { token: user.token }),
  };
}

export async function createList(user: TestUser, body: Record<string, unknown>): Promise<ListJson> {
  return expectJson<ListJson>(await as(user).post("/api/lists", body), 201);
}

export async function createLabel(user: TestUser, body: Record<string, unknown>): Promise<LabelJson> {
  return expectJson<LabelJson>(await as(user).post("/api/labels", body), 201);
}

export async function createTask(user: TestUser, body: Record<string, unknown>): Promise<TaskJson> {
  return expectJson<TaskJson>(await as(user).post("/api/tasks", body), 201);
}

export async function patchTask(user: TestUser, id: string, body: Record<string, unknown>, query = ""): Promise<TaskJson> {
  return expectJson<TaskJson>(await as(user).patch(`/api/tasks/${id}${query}`, body));
}

export async function getTask(user: TestUser, id: string): Promise<TaskJson> {
  return expectJson<TaskJson>(await as(user).get(`/api/tasks/${id}`));
}

export async function listLists(user: TestUser): Promise<ListJson[]> {
  return (await expectJson<{ lists: ListJson[] }>(await as(user).get("/api/lists"))).lists;
}

export async function listLabels(user: TestUser): Promise<LabelJson[]> {
  return (await expectJson<{ labels: LabelJson[] }>(await as(user).get("/api/labels"))).labels;
}

export async function listTasks(user: TestUser, query = ""): Promise<{ tasks: TaskJson[]; nextCursor: string | null }> {
  return expectJson(await as(user).get(`/api/tasks${query}`));
}

export async function countTasks(user: TestUser, query = ""): Promise<{ all: number; active: number; completed: number }> {
  return expectJson(await as(user).get(`/api/tasks/counts${query}`));
}

/** Every task of a list (or with `query`'s other filters), walking all its pages. */
export async function allTasks(user: TestUser, query: string): Promise<TaskJson[]> {
  const seen: TaskJson[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const result = await listTasks(user, `?${query}&limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...result.tasks);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}

export async function inboxOf(user: TestUser): Promise<ListJson> {
  const inbox = (await listLists(user)).find((list) => list.inbox);
  if (!inbox) throw new Error("no Inbox");
  return inbox;
}
