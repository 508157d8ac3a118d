// A task's due as the page shows and edits it, in the user's time zone: a whole day (dueDate) is
// that date wherever the user is; a moment (dueAt) falls on the day and time its instant reads
// there. The forms pick a day and, optionally, a time.

import { Temporal } from "temporal-polyfill";
import { localDay, timeOfDay } from "./relative-date";

interface Due {
  dueDate: string | null;
  dueAt: string | null;
}

/** The calendar day (YYYY-MM-DD) the task is due on in the zone, or null. */
export function dueDay(task: Due, timeZone: string): string | null {
  return task.dueDate ?? (task.dueAt ? localDay(new Date(task.dueAt), timeZone) : null);
}

/** Past due: a whole day once it is over in the zone, a moment once it has passed. */
export function isOverdue(task: Due & { completed: boolean }, now: Date, timeZone: string): boolean {
  if (task.completed) return false;
  if (task.dueAt) return Date.parse(task.dueAt) < now.getTime();
  return task.dueDate !== null && task.dueDate < localDay(now, timeZone);
}

/** What the day and time inputs of a form hold for the task's due ("" for none). */
export function dueInputs(task: Due, timeZone: string): { day: string; time: string } {
  return { day: dueDay(task, timeZone) ?? "", time: task.dueAt ? timeOfDay(new Date(task.dueAt), timeZone) : "" };
}

/**
 * The API's due fields for a form's day (YYYY-MM-DD, "" for none) and time (HH:MM, "" for a whole
 * day). A time the clocks skip that day (02:30 as summer time starts) is read as the clocks read
 * it an hour later, as calendars do.
 */
export function dueFromInputs(day: string, time: string, timeZone: string): { dueDate: string | null; dueAt: string | null; dueTimeZone?: string } {
  if (!day) return { dueDate: null, dueAt: null };
  if (!time) return { dueDate: day, dueAt: null };
  const at = Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return { dueDate: null, dueAt: new Date(at.epochMilliseconds).toISOString(), dueTimeZone: timeZone };
}
