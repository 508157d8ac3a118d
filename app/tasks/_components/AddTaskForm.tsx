"use client";

import { useRef, useState, type FormEvent } from "react";
import { dueFromInputs } from "@/lib/client/due-dates";
import { TITLE_MAX, type Priority } from "@/lib/tasks/constants";
import { PrioritySelect } from "./PrioritySelect";
import type { NewTaskFields } from "./useTaskMutations";
import { useTimeZone } from "./TaskPageProviders";

export function AddTaskForm({ onAdd }: { onAdd: (fields: NewTaskFields) => Promise<boolean> }) {
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  const timeZone = useTimeZone();
  const [dueDate, setDueDate] = useState("");
  const [dueTime, setDueTime] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError("Type what you need to do first.");
      input.current?.focus();
      return;
    }
    setError(null);
    // The task shows in the list at once, and the form is ready for the next one; what was typed
    // comes back if the server refuses it.
    setTitle("");
    setPriority("medium");
    setDueDate("");
    setDueTime("");
    input.current?.focus();
    const due = dueFromInputs(dueDate, dueTime, timeZone);
    if (!(await onAdd({ title: trimmed, priority, ...due, dueTimeZone: due.dueTimeZone ?? null, recurrence: null }))) {
      setTitle(trimmed);
      setPriority(priority);
      setDueDate(dueDate);
      setDueTime(dueTime);
    }
  }

  return (
    <form className="add-form card" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="new-task">New task</label>
        <input
          id="new-task"
          ref={input}
          value={title}
          maxLength={TITLE_MAX}
          placeholder="What do you need to do?"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-task-error" : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div role="alert" id="new-task-error">
          {error && <span className="alert">{error}</span>}
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="new-task-priority">Priority</label>
          <PrioritySelect id="new-task-priority" value={priority} onChange={setPriority} />
        </div>
        <div className="field">
          <label htmlFor="new-task-due">Due date</label>
          <input id="new-task-due" type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-task-time">Time</label>
          <input id="new-task-time" type="time" value={dueTime} disabled={!dueDate} onChange={(event) => setDueTime(event.target.value)} />
        </div>
        <button className="button primary" type="submit">
          Add task
        </button>
      </div>
    </form>
  );
}
