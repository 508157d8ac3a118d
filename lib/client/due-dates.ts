// Due dates are picked as calendar days and stored as the end of that day in the user's time
// zone, so a task due "today" becomes overdue only once today is over.

import { localDay, zoneOffset } from "./relative-date";

/** yyyy-mm-dd of an ISO date-time, in the user's zone, for <input type="date">. */
export function toDateInput(iso: string | null, timeZone: string): string {
  return iso ? localDay(new Date(iso), timeZone) : "";
}

/** The ISO date-time for the end of a yyyy-mm-dd day in the user's zone, or null for an empty input. */
export function fromDateInput(value: string, timeZone: string): string | null {
  if (!value) return null;
  const [year, month, day] = value.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, day, 23, 59, 59);
  // The zone's offset at that wall time: taken once at a first guess, then at the instant it gives
  // (the two differ only across a change of offset, such as daylight saving time).
  const guess = wall - zoneOffset(new Date(wall), timeZone);
  return new Date(wall - zoneOffset(new Date(guess), timeZone)).toISOString();
}
