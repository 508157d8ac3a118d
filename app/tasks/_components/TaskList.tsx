"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Task } from "@/lib/client/tasks-api";
import { TaskRow, type RowActions } from "./TaskRow";

// The list, virtualized against the page's own scroll: only the rows near the screen exist, so
// 10,000 tasks cost what 30 do. Rows have one fixed height (editing opens a dialog), which keeps
// the list's total height exact and the server's first render identical to the browser's.

export const ROW_PX = 68;
const ROW_GAP_PX = 8;
/** The rows the server renders before the browser knows its window: a tall phone's screenful. */
const FIRST_RENDER_VIEWPORT_PX = 900;
/** Ask for the next page this many rows before the end, so scrolling rarely meets the loader. */
const LOAD_AHEAD_ROWS = 40;

export interface FocusRequest {
  taskId: string;
  /** Changes on every request, so that asking for the same row twice still focuses it. */
  seq: number;
}

interface Props {
  tasks: Task[];
  /** Ids of the tasks with a change the server has not confirmed yet. */
  saving: ReadonlySet<string>;
  total: number;
  activeId: string | null;
  focusRequest: FocusRequest | null;
  actions: RowActions;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

export function TaskList({ tasks, saving, total, activeId, focusRequest, actions, hasNextPage, loadingMore, loadMore }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure); // anything above the list growing moves it
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: tasks.length,
    estimateSize: () => ROW_PX + ROW_GAP_PX,
    overscan: 6,
    scrollMargin: top,
    initialRect: { width: 0, height: FIRST_RENDER_VIEWPORT_PX },
    getItemKey: (index) => tasks[index].id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !loadingMore && lastIndex >= tasks.length - LOAD_AHEAD_ROWS) loadMore();
  }, [hasNextPage, loadingMore, lastIndex, tasks.length, loadMore]);

  // Keyboard moves and actions ask for a row to be focused: scroll it into view, then focus it.
  // A request for a row not in the list yet (a delete being undone) waits until the row is back.
  const servedRequest = useRef(0);
  const requestedIndex = focusRequest ? tasks.findIndex((task) => task.id === focusRequest.taskId) : -1;
  useEffect(() => {
    if (!focusRequest || requestedIndex < 0 || servedRequest.current === focusRequest.seq) return;
    virtualizer.scrollToIndex(requestedIndex, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      servedRequest.current = focusRequest.seq;
      list.current?.querySelector<HTMLElement>(`[data-task-id="${focusRequest.taskId}"]`)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, requestedIndex, virtualizer]);

  const rovingId = activeId && tasks.some((task) => task.id === activeId) ? activeId : tasks[0]?.id;
  return (
    <>
      <ul ref={list} className="task-list" aria-label="Your tasks" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <TaskRow
            key={item.key}
            task={tasks[item.index]}
            position={item.index + 1}
            setSize={total}
            top={item.start - top}
            height={ROW_PX}
            active={tasks[item.index].id === rovingId}
            saving={saving.has(tasks[item.index].id)}
            actions={actions}
          />
        ))}
      </ul>
      {loadingMore && (
        <p className="summary" role="status">
          Loading more tasks…
        </p>
      )}
    </>
  );
}
