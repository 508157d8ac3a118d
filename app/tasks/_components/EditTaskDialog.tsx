"use client";

import { useState, type FormEvent } from "react";
import { dueFromInputs, dueInputs } from "@/lib/client/due-dates";
import { describeRule } from "@/lib/recurrence";
import type { Task, TaskFields } from "@/lib/client/tasks-api";
import { DESCRIPTION_MAX, LABELS_PER_TASK_MAX, TITLE_MAX, type Priority } from "@/lib/tasks/constants";
import { FormButtons, FormError, TextField, useModal } from "./form-parts";
import { PrioritySelect } from "./PrioritySelect";
import { TaskReminders } from "./TaskReminders";
import { useTimeZone } from "./TaskPageProviders";
import { useOrganize } from "./useOrganize";

// Editing happens in a modal dialog (the browser's own: focus stays inside, Escape closes), so
// that rows keep one height and the list can be virtualized.
export function EditTaskDialog({ task, onSave, onClose }: { task: Task; onSave: (changes: Partial<TaskFields>) => void; onClose: () => void }) {
  const { ref: dialogRef, id, headingId, close } = useModal();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const timeZone = useTimeZone();
  const shownDue = dueInputs(task, timeZone);
  const [dueDate, setDueDate] = useState(shownDue.day);
  const [dueTime, setDueTime] = useState(shownDue.time);
  const [repeats, setRepeats] = useState(task.recurrence !== null);
  const [listId, setListId] = useState(task.listId);
  const [labelIds, setLabelIds] = useState(task.labelIds);
  const [error, setError] = useState<string | null>(null);
  const { lists, labels } = useOrganize();
  const sameLabels = labelIds.length === task.labelIds.length && labelIds.every((labelId) => task.labelIds.includes(labelId));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError("A task needs a title.");
    const changes: Partial<TaskFields> = {};
    if (trimmed !== task.title) changes.title = trimmed;
    if (description !== task.description) changes.description = description;
    if (priority !== task.priority) changes.priority = priority;
    if (dueDate !== shownDue.day || dueTime !== shownDue.time) Object.assign(changes, dueFromInputs(dueDate, dueTime, timeZone));
    // Removing the due ends the repeat on the server too; unticking it ends it while keeping the date.
    if (task.recurrence && !repeats && dueDate) changes.recurrence = null;
    if (listId !== task.listId) changes.listId = listId;
    if (!sameLabels) changes.labelIds = labelIds;
    if (labelIds.length > LABELS_PER_TASK_MAX) return setError(`A task can have at most ${LABELS_PER_TASK_MAX} labels.`);
    if (Object.keys(changes).length > 0) onSave(changes);
    onClose();
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form className="edit-form" onSubmit={onSubmit} noValidate>
        <h2 id={headingId}>Edit task</h2>
        <TextField id={`${id}-title`} name="title" label="Title" value={title} onChange={setTitle} maxLength={TITLE_MAX} autoFocus error={error} />
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
          <div className="field">
            <label htmlFor={`${id}-time`}>Time</label>
            <input id={`${id}-time`} type="time" value={dueTime} disabled={!dueDate} onChange={(event) => setDueTime(event.target.value)} />
          </div>
        </div>
        {task.recurrence && (
          <label className="checkbox">
            <input type="checkbox" checked={repeats && dueDate !== ""} disabled={!dueDate} onChange={(event) => setRepeats(event.target.checked)} />
            Repeats {describeRule(task.recurrence)}
          </label>
        )}
        <div className="field">
          <label htmlFor={`${id}-list`}>List</label>
          <select id={`${id}-list`} value={listId} onChange={(event) => setListId(event.target.value)} aria-describedby={task.parentId ? `${id}-list-hint` : undefined}>
            {lists
              .filter((list) => !list.archived || list.id === task.listId)
              .map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
          </select>
          {task.parentId && (
            <span className="hint" id={`${id}-list-hint`}>
              Moving a subtask to another list takes it out from under its parent.
            </span>
          )}
        </div>
        {labels.length > 0 && (
          <fieldset className="label-picker">
            <legend>Labels</legend>
            {labels.map((label) => (
              <label key={label.id}>
                <input
                  type="checkbox"
                  checked={labelIds.includes(label.id)}
                  onChange={(event) => setLabelIds((ids) => (event.target.checked ? [...ids, label.id] : ids.filter((labelId) => labelId !== label.id)))}
                />{" "}
                <span className="dot" data-color={label.color} aria-hidden="true" /> {label.name}
              </label>
            ))}
          </fieldset>
        )}
        <TaskReminders task={task} />
        <FormError id={`${id}-title-error`} error={error} />
        <FormButtons submit="Save" onCancel={close} />
      </form>
    </dialog>
  );
}
