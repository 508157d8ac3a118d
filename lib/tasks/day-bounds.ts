import { Temporal } from "temporal-polyfill";
import { UPCOMING_DAYS, type TaskViewName } from "./constants";

// Today and Upcoming count days in the user's time zone, which the client names (`tz`): the API
// keeps no per-user setting, and the browser knows where its person is. The client may also say
// which day it is there (`day`), so that the page and the list agree on when midnight passed;
// without it, the server's clock decides. A day starts at local midnight, or when midnight does
// not exist that day (a DST jump at 00:00), at the first instant that does: Temporal's start of day.

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

/** The day `offset` days after `today`: its date, and the instant it starts in `timeZone`. */
function dayStart(today: Temporal.PlainDate, timeZone: string, offset: number): DayStart {
  const day = today.add({ days: offset });
  return { day: day.toString(), instant: new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds) };
}
export interface DayStart {
  day: string;
  instant: Date;
}

/**
 * The due dates a view covers: Today is due before tomorrow (overdue included); Upcoming, today
 * and the next days. `day` is today's date in the zone (YYYY-MM-DD), or null for the one `now`
 * falls on. A whole-day due compares by its date, a moment by its instant.
 */
export function dueRange(view: TaskViewName, day: string | null, now: Date, timeZone: string): { from: DayStart | null; before: DayStart } {
  const today = day ? Temporal.PlainDate.from(day) : Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  if (view === "today") return { from: null, before: dayStart(today, timeZone, 1) };
  return { from: dayStart(today, timeZone, 0), before: dayStart(today, timeZone, UPCOMING_DAYS) };
}
