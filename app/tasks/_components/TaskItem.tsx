"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { formatDueDate, fromDateInput, isOverdue, toDateInput } from "@/lib/client/due-dates";
import type { Task, TaskFields } from "@/lib/client/tasks-api";
import { DESCRIPTION_MAX, TITLE_MAX, type Priority } from "@/lib/tasks/constants";
import { priorityLabel, PrioritySelect } from "./PrioritySelect";

interface Props {
  task: Task;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: Partial<TaskFields>) => void;
  onDelete: (task: Task) => void;
}

export function TaskItem({ task, onToggle, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const titleId = useId();
  const saving = task.id.startsWith("new-"); // not yet stored: nothing to change yet

  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus(); // back where the user was
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li className="task">
        <EditForm
          task={task}
          onCancel={() => setEditing(false)}
          onSave={(changes) => {
            setEditing(false);
            if (Object.keys(changes).length > 0) onSave(task, changes);
          }}
        />
      </li>
    );
  }

  const overdue = isOverdue(task);
  return (
    <li className={`task${task.completed ? " done" : ""}${saving ? " pending" : ""}`} aria-busy={saving || undefined}>
      <input type="checkbox" checked={task.completed} disabled={saving} aria-labelledby={titleId} onChange={() => onToggle(task)} />
      <div className="body">
        <span className="title" id={titleId}>
          {task.title}
        </span>
        {task.description && <p className="description">{task.description}</p>}
        <div className="meta">
          <span className={`badge ${task.priority}`}>
            <span className="visually-hidden">Priority: </span>
            {priorityLabel(task.priority)}
          </span>
          {task.dueDate && (
            <span className={`due${overdue ? " overdue" : ""}`}>
              {overdue ? "Overdue: " : "Due "}
              <time dateTime={task.dueDate}>{formatDueDate(task.dueDate)}</time>
            </span>
          )}
        </div>
      </div>
      <div className="actions">
        <button ref={editButton} className="button small" type="button" disabled={saving} aria-label={`Edit ${task.title}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <button className="button small danger" type="button" disabled={saving} aria-label={`Delete ${task.title}`} onClick={() => onDelete(task)}>
          Delete
        </button>
      </div>
    </li>
  );
}

function EditForm({ task, onSave, onCancel }: { task: Task; onSave: (changes: Partial<TaskFields>) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [dueDate, setDueDate] = useState(toDateInput(task.dueDate));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError("A task needs a title.");
    const changes: Partial<TaskFields> = {};
    if (trimmed !== task.title) changes.title = trimmed;
    if (description !== task.description) changes.description = description;
    if (priority !== task.priority) changes.priority = priority;
    if (dueDate !== toDateInput(task.dueDate)) changes.dueDate = fromDateInput(dueDate);
    onSave(changes);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className="edit-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={`Edit ${task.title}`}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} name="title" value={title} maxLength={TITLE_MAX} autoFocus onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea id={`${id}-description`} value={description} maxLength={DESCRIPTION_MAX} onChange={(event) => setDescription(event.target.value)} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <PrioritySelect id={`${id}-priority`} value={priority} onChange={setPriority} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due date</label>
          <input id={`${id}-due`} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
        </div>
      </div>
      <div role="alert">{error && <span className="alert">{error}</span>}</div>
      <div className="row">
        <button className="button primary small" type="submit">
          Save
        </button>
        <button className="button small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
