import type { FeedPage, HistoryPage } from "@/lib/changes/service";
import { send } from "./tasks-api";

export type { ChangeEntry, FeedPage, HistoryPage } from "@/lib/changes/service";

/** A page of a task's history, newest first. */
export function taskHistory(taskId: string, cursor: string | null, signal?: AbortSignal): Promise<HistoryPage> {
  return send(`/api/tasks/${taskId}/history${cursor ? `?${new URLSearchParams({ cursor })}` : ""}`, { signal });
}

/** Undoes one change; 409 changed_since (details.fields) unless `overwrite`. */
export const undoChange = (seq: number, overwrite = false) =>
  send<{ undone: number }>(`/api/changes/${seq}/undo`, { method: "POST", body: JSON.stringify(overwrite ? { overwrite } : {}) });

/** The feed: without a cursor, none and the cursor of now; with one, the changes after it. */
export function changesSince(cursor: string | null): Promise<FeedPage> {
  return send(`/api/changes${cursor === null ? "" : `?${new URLSearchParams({ since: cursor })}`}`);
}
