// Due dates are picked as calendar days and stored as the end of that day in the user's time
// zone, so a task due "today" becomes overdue only once today is over.

import { localDay, zoneOffset } from "./relative-date";

const DAY_MS = 86_400_000;

/** yyyy-mm-dd of an ISO date-time, in the user's zone, for <input type="date">. */
export function toDateInput(iso: string | null, timeZone: string): string {
  return iso ? localDay(new Date(iso), timeZone) : "";
}

/**
 * The ISO date-time for the end of a yyyy-mm-dd day in the user's zone (the second before the
 * next day begins there), or null for an empty input.
 */
export function fromDateInput(value: string, timeZone: string): string | null {
  if (!value) return null;
  const [year, month, day] = value.split("-").map(Number);
  const nextMidnight = Date.UTC(year, month - 1, day + 1);
  // Where the next day begins, under each offset the zone has around then: a change of offset at
  // midnight (Santiago's clocks going back from 24:00 to 23:00, or forward from 00:00 to 01:00)
  // makes the wall clock read 23:59:59 twice, or never reach 00:00. The end of the day is the
  // latest second that is still the day, whose next second is not.
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => zoneOffset(new Date(nextMidnight + shift), timeZone)));
  const ends = [...offsets]
    .map((offset) => nextMidnight - offset - 1000)
    .filter((end) => localDay(new Date(end), timeZone) === value && localDay(new Date(end + 1000), timeZone) !== value);
  if (ends.length > 0) return new Date(Math.max(...ends)).toISOString();
  // A day the zone skipped altogether (Samoa's 2011-12-30): its 23:59:59 at the first offset.
  return new Date(nextMidnight - 1000 - zoneOffset(new Date(nextMidnight), timeZone)).toISOString();
}
