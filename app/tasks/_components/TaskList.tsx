"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent, type TouchEvent } from "react";
import { loadBetweenPresses } from "@/lib/client/between-presses";
import type { Task } from "@/lib/client/tasks-api";
import { TaskRow, type RowActions } from "./TaskRow";

type DragLayer = typeof import("./DragLayer");

// The list, virtualized against the page's own scroll: only the rows near the screen exist, so
// 10,000 tasks cost what 30 do. Rows have one fixed height (editing opens a dialog), which keeps
// the list's total height exact and the server's first render identical to the browser's. Day
// headings (Upcoming) are rows of their own height.

export const ROW_PX = 68;
const HEADING_PX = 40;
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
  /** How deep each task is (subtasks open under their parent); 0 when absent. */
  depths?: ReadonlyMap<string, number>;
  /** Whether a task's subtasks are open; undefined when it has none or they cannot open here. */
  expandedOf?: (task: Task) => boolean | undefined;
  /** A heading before the first task of each group (Upcoming's days), named by this. */
  groupOf?: (task: Task) => string;
  /** In a manual order: rows drag by their handle, and a drop asks for this move. */
  onReorder?: (task: Task, over: Task) => void;
}

type Item = { kind: "task"; task: Task; index: number } | { kind: "heading"; text: string };

export function TaskList({ tasks, saving, total, activeId, focusRequest, actions, hasNextPage, loadingMore, loadMore, depths, expandedOf, groupOf, onReorder }: Props) {
  const [drag, setDrag] = useState<DragLayer | null>(null);
  const dragRequested = useRef(false);
  // The drag layer swaps every row for a sortable one, new elements: it is handed over between
  // presses, or the click whose press and release it split would be lost (a row's button clicked
  // as the pointer first came onto the list did nothing, now and then).
  const loadDrag = (event: PointerEvent | TouchEvent) => {
    if (!onReorder || dragRequested.current) return;
    dragRequested.current = true;
    loadBetweenPresses(() => import("./DragLayer"), setDrag, "touches" in event || event.buttons !== 0).catch(() => (dragRequested.current = false)); // the next approach tries again
  };
  const list = useRef<HTMLUListElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure); // anything above the list growing moves it
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const rows = useMemo(() => {
    if (!groupOf) return tasks.map((task, index): Item => ({ kind: "task", task, index }));
    const grouped: Item[] = [];
    tasks.forEach((task, index) => {
      const text = groupOf(task);
      if (index === 0 || groupOf(tasks[index - 1]) !== text) grouped.push({ kind: "heading", text });
      grouped.push({ kind: "task", task, index });
    });
    return grouped;
  }, [tasks, groupOf]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => (rows[index].kind === "heading" ? HEADING_PX : ROW_PX + ROW_GAP_PX),
    overscan: 6,
    scrollMargin: top,
    initialRect: { width: 0, height: FIRST_RENDER_VIEWPORT_PX },
    getItemKey: (index) => {
      const row = rows[index];
      return row.kind === "task" ? row.task.id : `heading ${row.text}`;
    },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !loadingMore && lastIndex >= rows.length - LOAD_AHEAD_ROWS) loadMore();
  }, [hasNextPage, loadingMore, lastIndex, rows.length, loadMore]);

  // Keyboard moves and actions ask for a row to be focused: scroll it into view, then focus it.
  // A request for a row not in the list yet (a delete being undone) waits until the row is back.
  const servedRequest = useRef(0);
  const requestedIndex = focusRequest ? rows.findIndex((row) => row.kind === "task" && row.task.id === focusRequest.taskId) : -1;
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
  const sortable = onReorder && drag;
  const Row = sortable ? drag.SortableRow : TaskRow;
  const rowsList = (
    <ul ref={list} className="task-list" aria-label="Your tasks" style={{ height: virtualizer.getTotalSize() }} data-drag={sortable ? "ready" : undefined} onPointerEnter={loadDrag} onTouchStart={loadDrag}>
        {items.map((item) => {
          const row = rows[item.index];
          if (row.kind === "heading") {
            return (
              <li key={item.key} className="day-heading" role="presentation" style={{ top: item.start - top, height: HEADING_PX }}>
                <h2>{row.text}</h2>
              </li>
            );
          }
          return (
            <Row
              key={item.key}
              task={row.task}
              position={row.index + 1}
              setSize={total}
              top={item.start - top}
              height={ROW_PX}
              active={row.task.id === rovingId}
              saving={saving.has(row.task.id)}
              depth={depths?.get(row.task.id) ?? 0}
              expanded={expandedOf?.(row.task)}
              handle={onReorder !== undefined}
              actions={actions}
            />
          );
        })}
      </ul>
  );
  return (
    <>
      {sortable ? (
        <drag.SortableList tasks={tasks} onReorder={onReorder}>
          {rowsList}
        </drag.SortableList>      ) : (
        rowsList
      )}
      {loadingMore && (
        <p className="summary" role="status">
          Loading more tasks…
        </p>
      )}
    </>
  );
}
