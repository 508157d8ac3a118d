"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { mutationKeys, type TaskUpdateVariables } from "@/lib/client/pending-changes";
import { adjustSubtaskCounts, afterWrite, findTask, removeTask, upsertTask } from "@/lib/client/task-cache";
import { taskKeys, subtasksView } from "@/lib/tasks/view";
import * as api from "@/lib/client/tasks-api";
import { ApiError, type Task, type TaskChanges} from "@/lib/client/tasks-api";

// The page's writes. Each shows at once (the pending overlay, lib/client/pending-changes.ts),
// creates and edits go to the server one after another in the order they were made (one
// mutation scope), and a delete waits UNDO_SECONDS so it can be undone. A delete still waiting
// when the page goes away is sent then, and also noted in sessionStorage: the next page of this
// tab may be rendered before that last request lands, so it hides those tasks and sends the
// deletes again (a second delete of the same task is answered 404, which counts as done).

export const UNDO_SECONDS = 5;
const WRITES_IN_ORDER = { id: "task-writes" };

class UndoneError extends Error {
  override name = "UndoneError";
}

/** Deletes inside their undo window, by task id. */
const waitingDeletes = new Map<string, { send: (keepalive: boolean) => void; undo: () => void }>();

const UNSENT_DELETES_KEY = "tasks:unsent-deletes";
const unsentDeletes = {
  read: (): Task[] => {
    try {
      return JSON.parse(sessionStorage.getItem(UNSENT_DELETES_KEY) ?? "[]") as Task[];
    } catch {
      return [];
    }
  },
  write: (tasks: Task[]) => (tasks.length > 0 ? sessionStorage.setItem(UNSENT_DELETES_KEY, JSON.stringify(tasks)) : sessionStorage.removeItem(UNSENT_DELETES_KEY)),
  add: (task: Task) => unsentDeletes.write([...unsentDeletes.read().filter((t) => t.id !== task.id), task]),
  remove: (taskId: string) => unsentDeletes.write(unsentDeletes.read().filter((t) => t.id !== taskId)),
};

function undoWindow(taskId: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => resolve(false)), UNDO_SECONDS * 1000);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      waitingDeletes.delete(taskId);
      settle();
    };
    waitingDeletes.set(taskId, { send: (keepalive) => finish(() => resolve(keepalive)), undo: () => finish(() => reject(new UndoneError())) });
  });
}

/** A new task: its title and details, and where it goes (a subtask: under parentId, in its parent's list). */
export type NewTask = Pick<Task, "title" | "priority" | DueField | "listId" | "labelIds"> & { parentId?: string | null };
/** What the add form fills in; the page adds where the task goes, unless the line named a list or labels. */
export type NewTaskFields = Pick<Task, "title" | "priority" | DueField> & { listId?: string; labelIds?: string[] };
type DueField = "dueDate" | "dueAt" | "dueTimeZone" | "recurrence";
export const NO_DUE = { dueDate: null, dueAt: null, dueTimeZone: null, recurrence: null } satisfies Pick<Task, DueField>;

export function useTaskMutations(onError: (error: unknown) => void) {
  const client = useQueryClient();

  const failed = useCallback(
    (error: unknown, taskId: string) => {
      if (error instanceof ApiError && error.code === "not_found") removeTask(client, taskId); // gone elsewhere
      onError(error);
    },
    [client, onError],
  );

  const create = useMutation({
    mutationKey: mutationKeys.create,
    scope: WRITES_IN_ORDER,
    mutationFn: (task: Task) =>
      api.createTask({
        id: task.id,
        title: task.title,
        priority: task.priority,
        dueDate: task.dueDate,
        dueAt: task.dueAt,
        ...(task.dueTimeZone && { dueTimeZone: task.dueTimeZone }),
        ...(task.recurrence && { recurrence: task.recurrence }),
        listId: task.listId,
        parentId: task.parentId,
        labelIds: task.labelIds,
      }),
    onSuccess: async (task) => {
      upsertTask(client, task);
      if (task.parentId) adjustSubtaskCounts(client, task.parentId, { total: 1, completed: task.completed ? 1 : 0 });
      await afterWrite(client);
    },
    onError: (error, task) => failed(error, task.id),
  });

  const update = useMutation({
    mutationKey: mutationKeys.update,
    scope: WRITES_IN_ORDER,
    mutationFn: ({ id, changes, completeSubtasks }: TaskUpdateVariables) => api.updateTask(id, changes, completeSubtasks),
    onSuccess: async (task, { completeSubtasks }) => {
      const before = findTask(client, task.id);
      upsertTask(client, task);
      if (before?.parentId) adjustSubtaskCounts(client, before.parentId, { total: task.parentId === before.parentId ? 0 : -1, completed: before.completed ? -1 : 0 });
      if (task.parentId) adjustSubtaskCounts(client, task.parentId, { total: before && task.parentId !== before.parentId ? 1 : 0, completed: task.completed ? 1 : 0 });
      if (completeSubtasks) await client.invalidateQueries({ queryKey: taskKeys.list(subtasksView(task.id)) });
      await afterWrite(client);
    },
    onError: (error, { id }) => failed(error, id),
  });

  const remove = useMutation({
    mutationKey: mutationKeys.delete,
    mutationFn: async ({ task, undoable }: { task: Task; undoable: boolean }) => {
      unsentDeletes.add(task);
      const keepalive = undoable ? await undoWindow(task.id) : false;
      try {
        await api.deleteTask(task.id, keepalive);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === "not_found")) throw error; // already gone is what was asked
      }
    },
    onSuccess: async (_, { task }) => {
      unsentDeletes.remove(task.id);
      removeTask(client, task.id);
      void client.invalidateQueries({ queryKey: taskKeys.trash }); // it is there now
      if (task.parentId) adjustSubtaskCounts(client, task.parentId, { total: -1, completed: task.completed ? -1 : 0 });
      await afterWrite(client);
    },
    onError: (error, { task }) => {
      unsentDeletes.remove(task.id);
      if (!(error instanceof UndoneError)) failed(error, task.id);
    },
  });

  const { mutate: deleteTask } = remove;
  useEffect(() => {
    unsentDeletes.read().forEach((task) => deleteTask({ task, undoable: false }));
    const onPageHide = () => waitingDeletes.forEach((waiting) => waiting.send(true));
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, [deleteTask]);

  const { mutateAsync: createAsync } = create;
  const { mutate: updateTask } = update;

  return {
    /** Resolves with whether the server stored it. */
    add: useCallback(
      (fields: NewTask) => {
        const now = new Date().toISOString();
        // Shown until the server answers with where it put the task (list, place in the order).
        const task: Task = {
          id: crypto.randomUUID(),
          description: "",
          completed: false,
          createdAt: now,
          updatedAt: now,
          parentId: null,
          position: "",
          subtasks: { total: 0, completed: 0 },
          ...fields,
        };
        return createAsync(task).then(() => task, () => null);
      },
      [createAsync],
    ),
    update: useCallback((id: string, changes: TaskChanges, completeSubtasks = false) => updateTask({ id, changes, completeSubtasks }), [updateTask]),
    /** One undoable delete at a time: an earlier one still waiting goes through now. */
    remove: useCallback(
      (task: Task) => {
        waitingDeletes.forEach((waiting) => waiting.send(false));
        deleteTask({ task, undoable: true });
      },
      [deleteTask],
    ),
    undoDelete: useCallback((taskId: string) => waitingDeletes.get(taskId)?.undo(), []),
  };
}
