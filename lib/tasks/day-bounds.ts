import { Temporal } from "temporal-polyfill";
import { UPCOMING_DAYS, type TaskViewName } from "./constants";

// Today and Upcoming count days in the user's time zone, which the client names (`tz`): the API
// keeps no per-user setting, and the browser knows where its person is. A day starts at local
// midnight, or when midnight does not exist that day (a DST jump at 00:00), at the first instant
// that does: Temporal's start of day.

/** Whether `name` is a time zone Temporal knows (an IANA name such as Europe/Paris, or an offset). */
export function isTimeZone(name: string): boolean {
  if (name.length > 64) return false;
  try {
    Temporal.Now.zonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

/** The instant the day `offset` days after the day of `now` (in `timeZone`) starts. */
function dayStart(now: Date, timeZone: string, offset: number): Date {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  return new Date(today.add({ days: offset }).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The due dates a view covers: Today is due before tomorrow (overdue included); Upcoming, today and the next days. */
export function dueRange(view: TaskViewName, now: Date, timeZone: string): { from: Date | null; before: Date } {
  if (view === "today") return { from: null, before: dayStart(now, timeZone, 1) };
  return { from: dayStart(now, timeZone, 0), before: dayStart(now, timeZone, UPCOMING_DAYS) };
}
