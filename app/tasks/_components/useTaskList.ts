"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { SignedOutError } from "@/lib/client/api-fetch";
import * as api from "@/lib/client/tasks-api";
import type { Task, TaskFields, TaskQuery } from "@/lib/client/tasks-api";

// The dashboard's tasks. Changes show at once (optimistic) and are rolled back, with a message,
// when the server refuses them. Deletes wait a few seconds so they can be undone; one still
// waiting when the page is closed is sent then.

export const UNDO_SECONDS = 5;

export type ListStatus = "loading" | "ready" | "error";
export interface Notice {
  kind: "error" | "info";
  text: string;
}
export interface PendingDelete {
  task: Task;
  index: number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong.");
let temporaryIds = 0;

export function useTaskList(query: TaskQuery) {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  // Which query the list currently shows: another query than the one asked for is loading.
  const [loaded, setLoaded] = useState<{ key: string; error: string | null } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const [reloads, setReloads] = useState(0);
  const deleteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingDeleteRef = useRef<PendingDelete | null>(null);

  const fail = useCallback((error: unknown, rollback: () => void) => {
    if (error instanceof SignedOutError) return; // on the way to the sign-in page
    rollback();
    setNotice({ kind: "error", text: `${describe(error)} Your change was undone.` });
  }, []);

  const requestKey = `${JSON.stringify(query)}#${reloads}`;
  const status: ListStatus = loaded?.key !== requestKey ? "loading" : loaded.error ? "error" : "ready";

  useEffect(() => {
    const controller = new AbortController();
    api.listTasks(query, null, controller.signal).then(
      (page) => {
        setTasks(page.tasks);
        setNextCursor(page.nextCursor);
        setLoaded({ key: requestKey, error: null });
      },
      (error) => {
        if (controller.signal.aborted || error instanceof SignedOutError) return;
        setLoaded({ key: requestKey, error: describe(error) });
      },
    );
    return () => controller.abort();
  }, [query, requestKey]);

  const retry = useCallback(() => setReloads((n) => n + 1), []);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    try {
      const page = await api.listTasks(query, nextCursor);
      setTasks((current) => [...current, ...page.tasks.filter((t) => !current.some((c) => c.id === t.id))]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (!(error instanceof SignedOutError)) setNotice({ kind: "error", text: `Could not load more tasks. ${describe(error)}` });
    }
  }, [query, nextCursor]);

  const replace = (id: string, task: Task) => setTasks((current) => current.map((t) => (t.id === id ? task : t)));

  const add = useCallback(
    async (fields: Pick<TaskFields, "title" | "priority" | "dueDate">): Promise<boolean> => {
      const now = new Date().toISOString();
      const temporary: Task = { id: `new-${++temporaryIds}`, description: "", completed: false, createdAt: now, updatedAt: now, ...fields };
      setTasks((current) => [temporary, ...current]);
      try {
        replace(temporary.id, await api.createTask(fields));
        return true;
      } catch (error) {
        fail(error, () => setTasks((current) => current.filter((t) => t.id !== temporary.id)));
        return false;
      }
    },
    [fail],
  );

  const update = useCallback(
    async (task: Task, changes: Partial<TaskFields>) => {
      replace(task.id, { ...task, ...changes });
      try {
        replace(task.id, await api.updateTask(task.id, changes));
      } catch (error) {
        fail(error, () => replace(task.id, task));
      }
    },
    [fail],
  );

  const toggle = useCallback(
    async (task: Task) => {
      replace(task.id, { ...task, completed: !task.completed });
      try {
        replace(task.id, await api.toggleTask(task.id));
      } catch (error) {
        fail(error, () => replace(task.id, task));
      }
    },
    [fail],
  );

  const sendDelete = useCallback(
    async (pending: PendingDelete, keepalive = false) => {
      try {
        await api.deleteTask(pending.task.id, keepalive);
      } catch (error) {
        fail(error, () => setTasks((current) => [...current.slice(0, pending.index), pending.task, ...current.slice(pending.index)]));
      }
    },
    [fail],
  );

  const flushDelete = useCallback(
    (keepalive = false) => {
      clearTimeout(deleteTimer.current);
      const pending = pendingDeleteRef.current;
      pendingDeleteRef.current = null;
      setPendingDelete(null);
      if (pending) void sendDelete(pending, keepalive);
    },
    [sendDelete],
  );

  const remove = useCallback(
    (task: Task) => {
      flushDelete(); // one undoable delete at a time: an earlier one goes through now
      const index = tasks.findIndex((t) => t.id === task.id);
      const pending = { task, index: Math.max(index, 0) };
      setTasks((current) => current.filter((t) => t.id !== task.id));
      pendingDeleteRef.current = pending;
      setPendingDelete(pending);
      deleteTimer.current = setTimeout(() => flushDelete(), UNDO_SECONDS * 1000);
    },
    [tasks, flushDelete],
  );

  const undoDelete = useCallback(() => {
    clearTimeout(deleteTimer.current);
    const pending = pendingDeleteRef.current;
    pendingDeleteRef.current = null;
    setPendingDelete(null);
    if (pending) setTasks((current) => [...current.slice(0, pending.index), pending.task, ...current.slice(pending.index)]);
  }, []);

  // A delete still waiting for its undo window is sent when the page goes away.
  useEffect(() => {
    const onPageHide = () => flushDelete(true);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      onPageHide();
    };
  }, [flushDelete]);

  return { tasks, nextCursor, status, loadError: loaded?.error ?? null, notice, setNotice, pendingDelete, retry, loadMore, add, update, toggle, remove, undoDelete };
}
