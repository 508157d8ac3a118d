import { Temporal } from "temporal-polyfill";
import type { Due } from "../recurrence";

// How a due is stored (prisma/schema.prisma Task): a whole day in `dueDate` (a DATE, read and
// written as UTC midnight), or a moment in `dueAt` with the zone of its wall clock in
// `dueTimeZone`; `dueSort`, the due's wall-clock time, orders "by due date" without any zone in
// SQL (a whole day sorts at its end, after the moments of that day).

export interface DueColumns {
  dueDate: Date | null;
  dueAt: Date | null;
  dueTimeZone: string | null;
  dueSort: Date | null;
}

const NO_DUE: DueColumns = { dueDate: null, dueAt: null, dueTimeZone: null, dueSort: null };

/** Whether the columns hold a due (a task that repeats needs one). */
export const hasDue = (columns: DueColumns) => columns.dueDate !== null || columns.dueAt !== null;

/** A stored due as lib/recurrence takes it, or null for none. */
export function recurrenceDue(row: { dueDate: string | null; dueAt: Date | null; dueTimeZone: string | null }): Due | null {
  if (row.dueAt && row.dueTimeZone) return { at: row.dueAt.toISOString(), timeZone: row.dueTimeZone };
  return row.dueDate ? { date: row.dueDate } : null;
}

/** The due columns of one lib/recurrence computed. */
export const columnsOfDue = (due: Due): DueColumns =>
  dueColumns("date" in due ? { dueDate: due.date } : { dueAt: new Date(due.at), dueTimeZone: due.timeZone })!;

/** The wall-clock time of a moment in a zone, as the Date that reads so in UTC. */
export function wallClock(at: Date, timeZone: string): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return new Date(`${local.toString({ smallestUnit: "millisecond" })}Z`);
}

/**
 * The due columns a write sets, from the API's fields (lib/tasks/schemas.ts), or undefined when
 * it names no due: a moment replaces a whole day and the reverse; null for either clears the due.
 */
export function dueColumns(fields: { dueDate?: string | null; dueAt?: Date | null; dueTimeZone?: string }): DueColumns | undefined {
  if (fields.dueAt) return { dueDate: null, dueAt: fields.dueAt, dueTimeZone: fields.dueTimeZone!, dueSort: wallClock(fields.dueAt, fields.dueTimeZone!) };
  if (fields.dueDate) return { dueDate: dayDate(fields.dueDate), dueAt: null, dueTimeZone: null, dueSort: new Date(`${fields.dueDate}T23:59:59.999Z`) };
  if (fields.dueDate === null || fields.dueAt === null) return NO_DUE;
  return undefined;
}

/**
 * A due date of before whole days and moments (an export of version 1): the last second of a
 * day in `timeZone`, as the forms stored a picked day, is that whole day; any other instant is a
 * moment on that zone's clock. The migration of the stored tasks applies the same rule in SQL
 * (prisma/migrations/20261206100000_due_times_recurrence).
 */
export function legacyDue(instant: Date, timeZone: string): { dueDate: string } | { dueAt: Date; dueTimeZone: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  // Its day's last second: one second later is the next day (a day can end before 23:59:59 there,
  // when the clocks jumped at 23:00: Lisbon, 1945-04-21).
  const endOfDay =
    Temporal.PlainTime.compare(local.toPlainTime(), new Temporal.PlainTime(23, 59, 59)) >= 0 ||
    !local.add({ seconds: 1 }).toPlainDate().equals(local.toPlainDate());
  return endOfDay ? { dueDate: local.toPlainDate().toString() } : { dueAt: instant, dueTimeZone: timeZone };
}

/** A stored whole day as the API writes it: 2026-12-24. */
export function dayText(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** A whole day (2026-12-24) as Prisma reads and writes a DATE: that day's UTC midnight. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
