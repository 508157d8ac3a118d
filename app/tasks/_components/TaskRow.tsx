"use client";

import type { useSortable } from "@dnd-kit/sortable";
import { memo, use } from "react";
import type { Task } from "@/lib/client/tasks-api";
import { dueDay, isOverdue } from "@/lib/client/due-dates";
import { describeRule } from "@/lib/recurrence";
import { describeDay, describeMoment, fullDay } from "@/lib/client/relative-date";
import { priorityLabel } from "./PrioritySelect";
import { useTimeZone } from "./TaskPageProviders";
import { RowPlacesContext } from "./useOrganize";

export interface RowActions {
  toggle: (task: Task) => void;
  edit: (task: Task) => void;
  remove: (task: Task) => void;
  openMenu: (task: Task, anchor: HTMLElement) => void;
  focus: (taskId: string) => void;
  /** Shows or hides the task's subtasks under it. */
  toggleSubtasks: (task: Task) => void;
}

/** What a sortable row (DragLayer.tsx) adds: its node, its drag handle and where the drag has it now. */
export interface RowDrag {
  setNodeRef: (node: HTMLElement | null) => void;
  setActivatorNodeRef: (node: HTMLElement | null) => void;
  listeners: ReturnType<typeof useSortable>["listeners"];
  offsetY: number;
  transition: string | undefined;
  isDragging: boolean;
}

interface Props {
  task: Task;
  position: number;
  setSize: number;
  top: number;
  height: number;
  active: boolean;
  /** A change to it is on its way to the server. */
  saving: boolean;
  /** 0 for a top-level task, 1 for its subtasks, and so on. */
  depth: number;
  /** Its subtasks are shown under it (undefined: it has none, or they cannot open here). */
  expanded: boolean | undefined;
  actions: RowActions;
  /** Shows a drag handle (a manual order); `drag` makes it work once drag and drop has loaded. */
  handle?: boolean;
  drag?: RowDrag;
}

// One row of the list. Memoized on its own props: a change to one task re-renders that row only.
export const TaskRow = memo(function TaskRow({ task, position, setSize, top, height, active, saving, depth, expanded, actions, handle, drag }: Props) {
  const timeZone = useTimeZone();
  const { listById, labelById, showList } = use(RowPlacesContext);
  const list = showList ? listById.get(task.listId) : undefined;
  const now = new Date();
  const titleId = `task-title-${task.id}`;
  const overdue = isOverdue(task, now, timeZone);
  const day = dueDay(task, timeZone);
  return (
    <li
      ref={drag?.setNodeRef}
      className={`task${task.completed ? " done" : ""}${drag?.isDragging ? " dragging" : ""}`}
      data-task-id={task.id}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      aria-busy={saving || undefined}
      aria-level={depth + 1}
      tabIndex={active ? 0 : -1}
      // Placed by `top`, not a transform: drag and drop measures rows without their transforms.
      style={{
        top,
        height,
        transform: drag?.offsetY ? `translateY(${drag.offsetY}px)` : undefined,
        transition: drag?.transition,
        marginLeft: depth ? `${depth * 1.75}rem` : undefined,
      }}
      onFocus={(event) => event.target === event.currentTarget && actions.focus(task.id)}
    >
      {handle && (
        // For the mouse and touch; the keyboard moves a task with Alt+↑ and Alt+↓ (or the row's menu).
        <span ref={drag?.setActivatorNodeRef} className="handle" aria-hidden="true" title="Drag to reorder" {...drag?.listeners}>
          ⠿
        </span>
      )}
      <label className="check">
        <input type="checkbox" checked={task.completed} aria-labelledby={titleId} tabIndex={active ? 0 : -1} onChange={() => actions.toggle(task)} />
      </label>
      <div className="body">
        <span className="title" id={titleId}>
          {task.title}
        </span>
        <span className="meta">
          <span className={`badge ${task.priority}`}>
            <span className="visually-hidden">Priority: </span>
            {priorityLabel(task.priority)}
          </span>
          {day && (
            <span className={`due${overdue ? " overdue" : ""}`}>
              {overdue ? "Overdue: " : "Due "}
              <time dateTime={task.dueAt ?? day} title={fullDay(day)}>
                {task.dueAt ? describeMoment(new Date(task.dueAt), now, timeZone) : describeDay(day, now, timeZone)}
              </time>
            </span>
          )}
          {task.recurrence && (
            <span className="chip">
              <span className="visually-hidden">Repeats </span>
              {describeRule(task.recurrence)}
            </span>
          )}
          {task.subtasks.total > 0 && expanded === undefined && (
            <span className="chip">
              {task.subtasks.completed}/{task.subtasks.total} done<span className="visually-hidden"> subtasks</span>
            </span>
          )}
          {expanded !== undefined && (
            <button
              className="chip subtasks-toggle"
              type="button"
              tabIndex={active ? 0 : -1}
              aria-expanded={expanded}
              aria-label={`Subtasks of ${task.title}: ${task.subtasks.completed} of ${task.subtasks.total} done`}
              onClick={() => actions.toggleSubtasks(task)}
            >
              <span aria-hidden="true">
                {expanded ? "▾" : "▸"} {task.subtasks.completed}/{task.subtasks.total}
              </span>
            </button>
          )}
          {list && (
            <span className="chip">
              <span className="dot" data-color={list.color} aria-hidden="true" />
              <span className="visually-hidden">List: </span>
              {list.name}
            </span>
          )}
          {task.labelIds.map((labelId) => {
            const label = labelById.get(labelId);
            return (
              label && (
                <span key={labelId} className="chip">
                  <span className="dot" data-color={label.color} aria-hidden="true" />
                  <span className="visually-hidden">Label: </span>
                  {label.name}
                </span>
              )
            );
          })}
          {task.description && <span className="description">{task.description}</span>}
        </span>
      </div>
      <span className="actions">
        <button className="button small hover-action" type="button" tabIndex={active ? 0 : -1} aria-label={`Edit ${task.title}`} onClick={() => actions.edit(task)}>
          Edit
        </button>
        <button className="button small danger hover-action" type="button" tabIndex={active ? 0 : -1} aria-label={`Delete ${task.title}`} onClick={() => actions.remove(task)}>
          Delete
        </button>
        <button
          className="button small icon"
          type="button"
          tabIndex={active ? 0 : -1}
          aria-label={`More actions for ${task.title}`}
          aria-haspopup="menu"
          data-menu-of={task.id}
          onClick={(event) => actions.openMenu(task, event.currentTarget)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </span>
    </li>
  );
});
