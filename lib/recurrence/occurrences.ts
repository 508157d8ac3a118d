import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { formatParts, ruleParts, type ParsedRule, type Recurrence, type RuleParts } from "./rule";

// Occurrences are expanded over dates, never over local times: the rule runs in UTC from the
// anchor date at midnight (no offset changes there), and the task's wall time is attached to each
// date afterwards in the task's own zone. rrule-temporal follows RFC 5545 3.3.10 literally for
// times (a daily 02:30 in Berlin skips the spring-forward day); attaching the time with
// "compatible" disambiguation moves it to 03:30 instead, as RFC 5545 3.3.5 does for one date-time.

/** A due date: all day on a calendar date, or at an instant whose wall time belongs to a zone. */
export type AllDayDue = { date: string };
export type TimedDue = { at: string; timeZone: string };
export type Due = AllDayDue | TimedDue;

/** At most so many periods of each frequency fit in a year. */
const PERIODS_PER_YEAR = { DAILY: 366, WEEKLY: 53, MONTHLY: 12, YEARLY: 1 };
/** The Gregorian calendar repeats after 400 years; every accepted rule recurs within them. */
const CYCLE_YEARS = 400;
/** 2001-2028 hold each of the 14 kinds of year (7 first weekdays, leap or not), so each kind of month. */
const SAMPLE = { start: Temporal.PlainDate.from("2001-01-01"), years: 28 };

/**
 * A rule whose day of the month comes from the anchor (MONTHLY or YEARLY without BYMONTHDAY or
 * BYDAY) on the 29th-31st falls back to the last day of shorter months instead of skipping them
 * as RFC 5545 does: "every month" from Jan 31 is due Feb 28, and "every year" from Feb 29 is due
 * Feb 28 in common years rather than vanishing for four. The anchor then is the 28th, so the task
 * stays there; a rule that must return to the 31st says so (BYMONTHDAY=28,29,30,31;BYSETPOS=-1).
 */
function monthEnd(parts: RuleParts, anchor: Temporal.PlainDate): Partial<RuleParts> {
  const dayFromAnchor = (parts.freq === "MONTHLY" || parts.freq === "YEARLY") && !parts.byMonthDay && !parts.byDay;
  if (!dayFromAnchor || anchor.day <= 28) return {};
  return {
    byMonth: parts.byMonth ?? (parts.freq === "YEARLY" ? [anchor.month] : undefined),
    byMonthDay: Array.from({ length: anchor.day - 27 }, (_, index) => 28 + index),
    bySetPos: [-1],
  };
}

/** The first date of the rule from `anchor` after `after` (or on it, if `inclusive`), UNTIL aside. */
function occurrence(parts: RuleParts, anchor: Temporal.PlainDate, after: Temporal.PlainDate, inclusive: boolean): Temporal.PlainDate | null {
  return expansion(parts, anchor).next(after.toZonedDateTime("UTC"), inclusive)?.toPlainDate() ?? null;
}

function expansion(parts: RuleParts, anchor: Temporal.PlainDate, years = CYCLE_YEARS) {
  const rule = { ...parts, ...monthEnd(parts, anchor) };
  return new RRuleTemporal({
    freq: rule.freq,
    interval: rule.interval,
    byMonth: rule.byMonth,
    byMonthDay: rule.byMonthDay,
    byDay: rule.byDay?.map((day) => `${day.ordinal ?? ""}${day.weekday}`),
    bySetPos: rule.bySetPos,
    wkst: rule.wkst,
    dtstart: anchor.toZonedDateTime("UTC"),
    tzid: "UTC",
    // The library gives up after so many periods without an occurrence.
    maxIterations: Math.ceil((years * PERIODS_PER_YEAR[rule.freq]) / rule.interval) + 2,
    // Public values come from our Temporal (the library may run another one inside).
    temporal: Temporal,
  });
}

/**
 * Why a rule would never happen, or null. With INTERVAL 1 a rule that happens in none of the 14
 * kinds of year happens never. With INTERVAL above 1 the periods visited depend on the start, so a
 * monthly or yearly rule must happen in every period ("every 2 months in January" would not).
 */
function neverHappens(parts: RuleParts): string | null {
  const everyPeriod = { ...parts, interval: 1, until: undefined };
  const sampleEnd = SAMPLE.start.add({ years: SAMPLE.years }).toZonedDateTime("UTC");
  try {
    expansion(everyPeriod, SAMPLE.start, SAMPLE.years).next(SAMPLE.start.toZonedDateTime("UTC"), true);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Maximum iterations")) return "The rule never happens.";
    throw error;
  }
  if (parts.interval === 1 || (parts.freq !== "MONTHLY" && parts.freq !== "YEARLY")) return null;
  const dates = expansion(everyPeriod, SAMPLE.start, SAMPLE.years).between(SAMPLE.start.toZonedDateTime("UTC"), sampleEnd, false);
  const periods = new Set(dates.map((zoned) => (parts.freq === "MONTHLY" ? zoned.year * 12 + zoned.month : zoned.year)));
  if (periods.size === SAMPLE.years * PERIODS_PER_YEAR[parts.freq]) return null;
  const unit = parts.freq === "MONTHLY" ? "month" : "year";
  return `With INTERVAL=${parts.interval} the rule must happen in every ${unit}; as it is, whether it ever happens would depend on the start date.`;
}

/** The first occurrence that UNTIL allows, or null when the rule is exhausted. */
function allowed(parts: RuleParts, date: Temporal.PlainDate | null): Temporal.PlainDate | null {
  return date && parts.until && Temporal.PlainDate.compare(date, parts.until) > 0 ? null : date;
}

function readRule(rule: string): RuleParts {
  const parsed = ruleParts(rule);
  if (!parsed.ok) throw new RangeError(`Invalid recurrence rule "${rule}": ${parsed.problem}`);
  return parsed.parts;
}

/** A timed due as a wall-clock date and time in its own zone. */
const local = (due: TimedDue) => Temporal.Instant.from(due.at).toZonedDateTimeISO(due.timeZone);

function at(date: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string): TimedDue {
  const zoned = date.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return { at: zoned.toInstant().toString(), timeZone };
}

/**
 * Checks and normalises a rule (see rule.ts for the subset): `{ ok: true, rule }` with the canonical
 * text to store, or `{ ok: false, problem }` with a sentence naming what is wrong.
 */
export function parseRule(text: string): ParsedRule {
  const parsed = ruleParts(text);
  if (!parsed.ok) return parsed;
  const never = neverHappens(parsed.parts);
  if (never) return { ok: false, problem: never };
  return { ok: true, rule: formatParts(parsed.parts) };
}

/**
 * The first due of a new recurring task: the first occurrence on or after `today`, anchored at
 * `today` (so "every 2 weeks" counts from this week). All day without `time` ("HH:MM"), else at
 * that wall time in `timeZone`. Null if UNTIL has passed.
 */
export function firstDue(recurrence: Recurrence, options: { today: string; time?: string; timeZone: string }): Due | null {
  const parts = readRule(recurrence.rule);
  const today = Temporal.PlainDate.from(options.today);
  const date = allowed(parts, occurrence(parts, today, today, true));
  if (!date) return null;
  return options.time === undefined ? { date: date.toString() } : at(date, Temporal.PlainTime.from(options.time), options.timeZone);
}

/**
 * The due that follows completing a recurring task, in the shape of `due` (a timed due keeps its
 * wall time in its own zone), or null when UNTIL ends the rule. `timeZone` is the user's: the
 * completion counts on the day it was made there. `previous`: the occurrence completed before
 * `due`, if any (a timed due moved on by a gap goes back to its time after, see wallTime).
 * - schedule: the first occurrence after the due's date and not before the completion's day, the
 *   rule anchored at the due's date (keeps the phase of "every 2 weeks"; missed occurrences of an
 *   overdue task are not replayed; completing early moves to the occurrence after this one).
 * - completion: the first occurrence after the completion's day, the rule anchored at that day.
 */
export function nextDue(input: { recurrence: Recurrence; due: Due; completedAt: Date; timeZone: string; previous?: string | null }): Due | null {
  const { recurrence, due } = input;
  const parts = readRule(recurrence.rule);
  const completedOn = Temporal.Instant.fromEpochMilliseconds(input.completedAt.getTime()).toZonedDateTimeISO(input.timeZone).toPlainDate();
  const dueOn = "date" in due ? Temporal.PlainDate.from(due.date) : local(due).toPlainDate();

  let date: Temporal.PlainDate | null;
  if (recurrence.mode === "completion") {
    date = occurrence(parts, completedOn, completedOn, false);
  } else {
    const dayBeforeCompletion = completedOn.subtract({ days: 1 });
    const after = Temporal.PlainDate.compare(dayBeforeCompletion, dueOn) > 0 ? dayBeforeCompletion : dueOn;
    date = occurrence(parts, dueOn, after, false);
  }
  date = allowed(parts, date);
  if (!date) return null;
  return "date" in due ? { date: date.toString() } : at(date, wallTime(due, input.previous), due.timeZone);
}

/**
 * The wall time a timed due repeats at: its own, unless it is the time of `previous` (the
 * occurrence completed before it) moved on by a gap: then that one's. Only the instant is stored,
 * so a daily 02:30 due 03:30 on a spring-forward day would otherwise stay at 03:30 from then on.
 */
function wallTime(due: TimedDue, previous: string | null | undefined): Temporal.PlainTime {
  const own = local(due);
  if (!previous?.includes("T")) return own.toPlainTime(); // none, or a whole day's
  const intended = Temporal.Instant.from(previous).toZonedDateTimeISO(due.timeZone).toPlainTime();
  const movedByGap = Temporal.Instant.from(at(own.toPlainDate(), intended, due.timeZone).at).equals(own.toInstant());
  return movedByGap ? intended : own.toPlainTime();
}
