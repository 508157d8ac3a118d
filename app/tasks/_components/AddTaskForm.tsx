"use client";

import { useMemo, useRef, useState, type FormEvent } from "react";
import { useScripted } from "@/app/_components/useScripted";
import { dueFromInputs } from "@/lib/client/due-dates";
import { localDay } from "@/lib/client/relative-date";
import { parseQuickAdd, type LiteralRange, type QuickAddResult } from "@/lib/quick-add";
import { firstDue, type Due } from "@/lib/recurrence";
import { TITLE_MAX, type Priority } from "@/lib/tasks/constants";
import { PrioritySelect } from "./PrioritySelect";
import { QuickAddInput } from "./QuickAddInput";
import { useTimeZone } from "./TaskPageProviders";
import { useOrganize } from "./useOrganize";
import type { NewTaskFields } from "./useTaskMutations";

/** The API's due fields of a due lib/quick-add or lib/recurrence read. */
const dueFields = (due: Due) => ("date" in due ? { dueDate: due.date, dueAt: null, dueTimeZone: null } : { dueDate: null, dueAt: due.at, dueTimeZone: due.timeZone });

/**
 * What the line says, with the form's fields for what it does not: "Pay rent every month on the
 * 1st #Home !1" is a monthly task in Home, high priority, first due on the next 1st.
 */
function fieldsOf(result: QuickAddResult, form: { priority: Priority; day: string; time: string }, timeZone: string, now: Date): NewTaskFields {
  const typedDue = result.due ? dueFields(result.due) : null;
  const formDue = { ...dueFromInputs(form.day, form.time, timeZone), dueTimeZone: null as string | null };
  if (formDue.dueAt) formDue.dueTimeZone = timeZone;
  let due = typedDue ?? formDue;
  if (result.recurrence && due.dueDate === null && due.dueAt === null) {
    const first = firstDue(result.recurrence, { today: localDay(now, timeZone), time: result.time, timeZone });
    if (first) due = dueFields(first);
  }
  return {
    title: result.title,
    priority: result.priority ?? form.priority,
    ...due,
    recurrence: result.recurrence && (due.dueDate || due.dueAt) ? result.recurrence : null,
    listId: result.listId ?? undefined,
    labelIds: result.labelIds,
  };
}

export function AddTaskForm({ onAdd }: { onAdd: (fields: NewTaskFields) => Promise<boolean> }) {
  const [title, setTitle] = useState("");
  const [literal, setLiteral] = useState<LiteralRange[]>([]);
  const [priority, setPriority] = useState<Priority>("medium");
  const timeZone = useTimeZone();
  const { lists, labels } = useOrganize();
  const [dueDate, setDueDate] = useState("");
  const [dueTime, setDueTime] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const openLists = useMemo(() => lists.filter((list) => !list.archived), [lists]);
  const result = useMemo(() => parseQuickAdd(title, { now: new Date(), timeZone, lists: openLists, labels, literal }), [title, timeZone, openLists, labels, literal]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = fieldsOf(parseQuickAdd(title, { now: new Date(), timeZone, lists: openLists, labels, literal }), { priority, day: dueDate, time: dueTime }, timeZone, new Date());
    if (!fields.title) {
      setError(title.trim() ? "Add a title besides the date, list and labels." : "Type what you need to do first.");
      input.current?.focus();
      return;
    }
    setError(null);
    // The task shows in the list at once, and the form is ready for the next one; what was typed
    // comes back if the server refuses it.
    const typed = { title, literal, priority, dueDate, dueTime };
    setTitle("");
    setLiteral([]);
    setPriority("medium");
    setDueDate("");
    setDueTime("");
    input.current?.focus();
    if (!(await onAdd(fields))) {
      setTitle(typed.title);
      setLiteral(typed.literal);
      setPriority(typed.priority);
      setDueDate(typed.dueDate);
      setDueTime(typed.dueTime);
    }
  }

  // Until the page's script runs, the form would submit itself as a page load (GET /tasks?) and
  // lose what was typed: its fieldset, and so every field and Add, takes input once React does (a
  // click on Add in that moment did so in CI).
  const scripted = useScripted();

  return (
    <form className="add-form card" onSubmit={onSubmit} noValidate>
      <fieldset className="add-fields" disabled={!scripted}>
        <div>
          <QuickAddInput
            id="new-task"
            label="New task"
            inputRef={input}
            value={title}
            onChange={(value) => {
              setTitle(value);
              if (error) setError(null);
            }}
            literal={literal}
            onLiteralChange={setLiteral}
            result={result}
            maxLength={TITLE_MAX + 100}
            placeholder="e.g. Pay rent every month on the 1st #Home !1"
            invalid={error !== null}
            errorId="new-task-error"
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
      </fieldset>
    </form>
  );
}
