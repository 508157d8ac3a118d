"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Temporal } from "temporal-polyfill";
import { errorMessage } from "@/lib/client/error-messages";
import { describeMoment } from "@/lib/client/relative-date";
import { addReminder, listReminders, removeReminder } from "@/lib/client/reminders-api";
import type { Task } from "@/lib/client/tasks-api";
import { MINUTES_BEFORE_MAX, REMINDERS_PER_TASK_MAX } from "@/lib/reminders/constants";
import { useTimeZone } from "./TaskPageProviders";

// The Edit dialog's "Reminders": each is added or removed at once (not on Save), at a moment on
// the user's clock or, for a task due at a time, some minutes before it.

const remindersKey = (taskId: string) => ["reminders", taskId] as const;

export function TaskReminders({ task }: { task: Task }) {
  const id = useId();
  const timeZone = useTimeZone();
  const client = useQueryClient();
  const timed = task.dueAt !== null;
  const [kind, setKind] = useState<"before" | "at">(timed ? "before" : "at");
  const [minutes, setMinutes] = useState("30");
  const [at, setAt] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reminders = useQuery({ queryKey: remindersKey(task.id), queryFn: () => listReminders(task.id) });
  const refresh = () => client.invalidateQueries({ queryKey: remindersKey(task.id) });
  const add = useMutation({
    mutationFn: (fields: { at: string } | { minutesBefore: number }) => addReminder(task.id, fields),
    onSuccess: () => setProblem(null),
    onError: (error) => setProblem(errorMessage(error)),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: removeReminder, onError: (error) => setProblem(errorMessage(error)), onSettled: refresh });

  function onAdd() {
    if (kind === "before") {
      const value = Number(minutes);
      if (!Number.isInteger(value) || value < 0 || value > MINUTES_BEFORE_MAX) return setProblem(`Choose a whole number of minutes from 0 to ${MINUTES_BEFORE_MAX}.`);
      return add.mutate({ minutesBefore: value });
    }
    if (!at) return setProblem("Choose when to be reminded.");
    const instant = Temporal.PlainDateTime.from(at).toZonedDateTime(timeZone, { disambiguation: "compatible" }).toInstant();
    add.mutate({ at: instant.toString() });
  }

  const list = reminders.data?.reminders ?? [];
  const now = new Date();
  return (
    <fieldset className="reminders">
      <legend>Reminders</legend>
      {list.length > 0 && (
        <ul aria-label="Reminders of this task">
          {list.map((reminder) => (
            <li key={reminder.id}>
              <span>
                {reminder.at ? describeMoment(new Date(reminder.at), now, timeZone) : `${reminder.minutesBefore} min before the due time`}
                {reminder.sentAt && " (sent)"}
              </span>{" "}
              <button className="button small" type="button" disabled={remove.isPending} onClick={() => remove.mutate(reminder.id)} aria-label={`Remove reminder ${reminder.at ? describeMoment(new Date(reminder.at), now, timeZone) : `${reminder.minutesBefore} min before`}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length < REMINDERS_PER_TASK_MAX && (
        // Enter adds the reminder here, rather than saving and closing the dialog's form.
        <div
          className="row"
          onKeyDown={(event) => {
            if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
              event.preventDefault();
              onAdd();
            }
          }}
        >
          {timed && (
            <div className="field">
              <label htmlFor={`${id}-kind`}>Remind</label>
              <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as "before" | "at")}>
                <option value="before">Before the due time</option>
                <option value="at">At a time</option>
              </select>
            </div>
          )}
          {kind === "before" ? (
            <div className="field">
              <label htmlFor={`${id}-minutes`}>Minutes before</label>
              <input id={`${id}-minutes`} type="number" min={0} max={MINUTES_BEFORE_MAX} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-at`}>Remind at</label>
              <input id={`${id}-at`} type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
            </div>
          )}
          <button className="button" type="button" disabled={add.isPending} onClick={onAdd}>
            Add reminder
          </button>
        </div>
      )}
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
