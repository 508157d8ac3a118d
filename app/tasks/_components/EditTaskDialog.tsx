"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { fromDateInput, toDateInput } from "@/lib/client/due-dates";
import type { Task, TaskFields } from "@/lib/client/tasks-api";
import { DESCRIPTION_MAX, TITLE_MAX, type Priority } from "@/lib/tasks/constants";
import { PrioritySelect } from "./PrioritySelect";

// Editing happens in a modal dialog (the browser's own: focus stays inside, Escape closes), so
// that rows keep one height and the list can be virtualized.
export function EditTaskDialog({ task, onSave, onClose }: { task: Task; onSave: (changes: Partial<TaskFields>) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [dueDate, setDueDate] = useState(toDateInput(task.dueDate));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError("A task needs a title.");
    const changes: Partial<TaskFields> = {};
    if (trimmed !== task.title) changes.title = trimmed;
    if (description !== task.description) changes.description = description;
    if (priority !== task.priority) changes.priority = priority;
    if (dueDate !== toDateInput(task.dueDate)) changes.dueDate = fromDateInput(dueDate);
    if (Object.keys(changes).length > 0) onSave(changes);
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <form className="edit-form" onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-heading`}>Edit task</h2>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            name="title"
            value={title}
            maxLength={TITLE_MAX}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
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
        <div role="alert" id={`${id}-error`}>
          {error && <span className="alert">{error}</span>}
        </div>
        <div className="row">
          <button className="button primary" type="submit">
            Save
          </button>
          <button className="button" type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
