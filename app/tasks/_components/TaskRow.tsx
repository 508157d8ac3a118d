"use client";

import { memo } from "react";
import type { Task } from "@/lib/client/tasks-api";
import { describeDay, fullDate, isOverdue } from "@/lib/client/relative-date";
import { priorityLabel } from "./PrioritySelect";
import { useTimeZone } from "./TaskPageProviders";

export interface RowActions {
  toggle: (task: Task) => void;
  edit: (task: Task) => void;
  remove: (task: Task) => void;
  openMenu: (task: Task, anchor: HTMLElement) => void;
  focus: (taskId: string) => void;
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
  actions: RowActions;
}

// One row of the list. Memoized on its own props: a change to one task re-renders that row only.
export const TaskRow = memo(function TaskRow({ task, position, setSize, top, height, active, saving, actions }: Props) {
  const timeZone = useTimeZone();
  const now = new Date();
  const titleId = `task-title-${task.id}`;
  const overdue = isOverdue(task, now);
  return (
    <li
      className={`task${task.completed ? " done" : ""}`}
      data-task-id={task.id}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      aria-busy={saving || undefined}
      tabIndex={active ? 0 : -1}
      style={{ transform: `translateY(${top}px)`, height }}
      onFocus={(event) => event.target === event.currentTarget && actions.focus(task.id)}
    >
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
          {task.dueDate && (
            <span className={`due${overdue ? " overdue" : ""}`}>
              {overdue ? "Overdue: " : "Due "}
              <time dateTime={task.dueDate} title={fullDate(new Date(task.dueDate), timeZone)}>
                {describeDay(new Date(task.dueDate), now, timeZone)}
              </time>
            </span>
          )}
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
          onClick={(event) => actions.openMenu(task, event.currentTarget)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </span>
    </li>
  );
});
