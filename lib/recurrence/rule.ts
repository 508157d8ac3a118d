import { Temporal } from "temporal-polyfill";

// The subset of RFC 5545 RRULE a task may repeat by, checked and written in one canonical form.
// A rule carries no DTSTART: the task's due date is the start (the anchor), and it moves on each
// completion. That is also why COUNT is refused: it counts from the first occurrence ever, which a
// task that keeps only its current due cannot know; a rule that ends says so with UNTIL.

/** The longest rule text accepted, before normalising. */
export const RULE_MAX_LENGTH = 200;
/** The largest INTERVAL accepted ("every 999 days"). */
export const INTERVAL_MAX = 999;
export const RECURRENCE_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export const RECURRENCE_MODES = ["schedule", "completion"] as const;
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export type Frequency = (typeof RECURRENCE_FREQUENCIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];
/**
 * "schedule" (Todoist's `every`): the next occurrence on the fixed schedule.
 * "completion" (Todoist's `every!`): counted from the day the task was completed.
 */
export type RecurrenceMode = (typeof RECURRENCE_MODES)[number];
/** How a task repeats: an RRULE body without DTSTART (e.g. `FREQ=WEEKLY;BYDAY=MO`) and a mode. */
export type Recurrence = { rule: string; mode: RecurrenceMode };
export type ParsedRule = { ok: true; rule: string } | { ok: false; problem: string };

export type WeekdayNum = { ordinal?: number; weekday: Weekday };
/** A rule read into its parts; lists are sorted and without repeats. */
export interface RuleParts {
  freq: Frequency;
  interval: number;
  /** Last day an occurrence may fall on (inclusive), in the task's own calendar. */
  until?: Temporal.PlainDate;
  byMonth?: number[];
  byMonthDay?: number[];
  byDay?: WeekdayNum[];
  bySetPos?: number[];
  wkst?: Weekday;
}

const KNOWN_PARTS = ["FREQ", "INTERVAL", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST"];
const RFC_PARTS_REFUSED: Record<string, string> = {
  COUNT: "COUNT is not supported: a task keeps only its next due date, so it cannot count occurrences. Use UNTIL instead.",
  BYHOUR: "BYHOUR is not supported: the time comes from the task's due time.",
  BYMINUTE: "BYMINUTE is not supported: the time comes from the task's due time.",
  BYSECOND: "BYSECOND is not supported: the time comes from the task's due time.",
  BYWEEKNO: "BYWEEKNO is not supported.",
  BYYEARDAY: "BYYEARDAY is not supported.",
  RSCALE: "RSCALE is not supported: rules use the Gregorian calendar.",
  SKIP: "SKIP is not supported: for the last day of a month, use BYMONTHDAY=-1.",
};

class RuleProblem extends Error {}
function problem(message: string): never {
  throw new RuleProblem(message);
}

function integer(text: string, part: string): number {
  if (!/^[+-]?\d{1,3}$/.test(text)) problem(`${part} must hold whole numbers, not "${text}".`);
  return Number(text);
}

function numberList(text: string, part: string, min: number, max: number): number[] {
  const values = text.split(",").map((item) => integer(item, part));
  for (const value of values) {
    if (value === 0 || value < min || value > max) problem(`${part} values must be between ${min} and ${max}, and not 0; got ${value}.`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

function weekday(text: string, part: string): Weekday {
  const day = WEEKDAYS.find((name) => name === text);
  return day ?? problem(`${part} takes the weekdays MO, TU, WE, TH, FR, SA, SU; got "${text}".`);
}

function weekdayList(text: string, freq: Frequency): WeekdayNum[] {
  const maxOrdinal = freq === "MONTHLY" ? 5 : freq === "YEARLY" ? 53 : 0;
  const days = text.split(",").map((item): WeekdayNum => {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!match) return problem(`BYDAY takes weekdays such as MO, 2MO or -1FR; got "${item}".`);
    const day = weekday(match[2], "BYDAY");
    if (match[1] === undefined) return { weekday: day };
    const ordinal = Number(match[1]);
    if (maxOrdinal === 0) problem(`BYDAY with a number (${item}) needs FREQ=MONTHLY or FREQ=YEARLY.`);
    if (ordinal === 0 || Math.abs(ordinal) > maxOrdinal) problem(`The number in BYDAY=${item} must be between -${maxOrdinal} and ${maxOrdinal}, and not 0.`);
    return { ordinal, weekday: day };
  });
  const unique = new Map(days.map((day) => [`${day.ordinal ?? ""}${day.weekday}`, day]));
  return [...unique.values()].sort((a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || (a.ordinal ?? 0) - (b.ordinal ?? 0));
}

function untilDate(text: string): Temporal.PlainDate {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return problem(`UNTIL must be a date written YYYYMMDD (the time comes from the task); got "${text}".`);
  try {
    return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: "reject" });
  } catch {
    return problem(`UNTIL=${text} is not a date in the calendar.`);
  }
}

/** The days of the month each month can have (February with its leap day). */
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function readParts(text: string): RuleParts {
  if (text.length > RULE_MAX_LENGTH) problem(`The rule is longer than ${RULE_MAX_LENGTH} characters.`);
  const body = text.trim().toUpperCase().replace(/^RRULE:/, "");
  if (body.includes("DTSTART")) problem("DTSTART does not belong in the rule: the task's due date is where it starts.");
  if (body === "") problem("The rule is empty; it needs at least FREQ, e.g. FREQ=WEEKLY.");
  const values = new Map<string, string>();
  for (const item of body.split(";")) {
    const match = /^([A-Z-]+)=(.+)$/.exec(item);
    if (!match) problem(item === "" ? "The rule has an empty part (two semicolons, or one at the end)." : `"${item}" is not a NAME=VALUE part.`);
    const [, name, value] = match;
    if (RFC_PARTS_REFUSED[name]) problem(RFC_PARTS_REFUSED[name]);
    if (!KNOWN_PARTS.includes(name)) problem(`Unknown rule part ${name}.`);
    if (values.has(name)) problem(`${name} appears more than once.`);
    values.set(name, value);
  }

  const freqText = values.get("FREQ") ?? problem("The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).");
  if (["SECONDLY", "MINUTELY", "HOURLY"].includes(freqText)) problem(`Tasks repeat at most daily: FREQ=${freqText} is not supported.`);
  const freq = RECURRENCE_FREQUENCIES.find((name) => name === freqText) ?? problem(`FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY; got "${freqText}".`);
  const parts: RuleParts = { freq, interval: 1 };

  const interval = values.get("INTERVAL");
  if (interval !== undefined) {
    parts.interval = /^\d{1,3}$/.test(interval) ? Number(interval) : 0;
    if (parts.interval < 1) problem(`INTERVAL must be a whole number from 1 to ${INTERVAL_MAX}; got "${interval}".`);
  }
  const until = values.get("UNTIL");
  if (until !== undefined) parts.until = untilDate(until);
  const byMonth = values.get("BYMONTH");
  if (byMonth !== undefined) parts.byMonth = numberList(byMonth, "BYMONTH", 1, 12);
  const byMonthDay = values.get("BYMONTHDAY");
  if (byMonthDay !== undefined) {
    if (freq === "WEEKLY") problem("BYMONTHDAY cannot be used with FREQ=WEEKLY.");
    parts.byMonthDay = numberList(byMonthDay, "BYMONTHDAY", -31, 31);
  }
  const byDay = values.get("BYDAY");
  if (byDay !== undefined) parts.byDay = weekdayList(byDay, freq);
  const bySetPos = values.get("BYSETPOS");
  if (bySetPos !== undefined) {
    // Within a day or a week BYSETPOS picks nothing BYDAY cannot say; without a day part it
    // would pick among days taken from the anchor, which may not exist in every month.
    if (freq !== "MONTHLY" && freq !== "YEARLY") problem("BYSETPOS needs FREQ=MONTHLY or FREQ=YEARLY.");
    if (!parts.byMonthDay && !parts.byDay) problem("BYSETPOS needs BYDAY or BYMONTHDAY to pick from.");
    parts.bySetPos = numberList(bySetPos, "BYSETPOS", -366, 366);
  }
  const wkst = values.get("WKST");
  if (wkst !== undefined) parts.wkst = weekday(wkst, "WKST");

  // The day of a yearly rule with several months comes from none of them (RFC: from DTSTART), and
  // the anchor's day may not exist in all of them; asking for the day keeps the rule meaningful.
  if (freq === "YEARLY" && (parts.byMonth?.length ?? 0) > 1 && !parts.byMonthDay && !parts.byDay) {
    problem("A yearly rule with several months needs BYMONTHDAY or BYDAY to name the day.");
  }
  // With INTERVAL above 1 the periods the rule visits depend on the start: "every 7 days on
  // Monday" from a Wednesday, or "every 2 weeks in January" from an odd week, would never happen.
  // Monthly and yearly rules are checked for this by expanding them (see parseRule).
  if (parts.interval > 1 && freq === "DAILY" && (parts.byDay || parts.byMonth || parts.byMonthDay)) {
    problem("A daily rule with INTERVAL above 1 cannot have BYDAY, BYMONTH or BYMONTHDAY: whether it ever happens would depend on the start date.");
  }
  if (parts.interval > 1 && freq === "WEEKLY" && parts.byMonth) {
    problem("A weekly rule with INTERVAL above 1 cannot have BYMONTH: whether it ever happens would depend on the start date.");
  }
  if (parts.byMonthDay) {
    const months = parts.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const longest = Math.max(...months.map((month) => MONTH_LENGTHS[month - 1]));
    if (parts.byMonthDay.every((day) => Math.abs(day) > longest)) problem(`The rule never happens: no month it names has a day ${parts.byMonthDay.join(" or ")}.`);
  }
  return parts;
}

/** The canonical text of a rule: upper case, parts in a fixed order, INTERVAL=1 left out. */
export function formatParts(parts: RuleParts): string {
  const items = [`FREQ=${parts.freq}`];
  if (parts.interval !== 1) items.push(`INTERVAL=${parts.interval}`);
  if (parts.until) items.push(`UNTIL=${parts.until.toString().replaceAll("-", "")}`);
  if (parts.byMonth) items.push(`BYMONTH=${parts.byMonth.join(",")}`);
  if (parts.byMonthDay) items.push(`BYMONTHDAY=${parts.byMonthDay.join(",")}`);
  if (parts.byDay) items.push(`BYDAY=${parts.byDay.map((day) => `${day.ordinal ?? ""}${day.weekday}`).join(",")}`);
  if (parts.bySetPos) items.push(`BYSETPOS=${parts.bySetPos.join(",")}`);
  if (parts.wkst) items.push(`WKST=${parts.wkst}`);
  return items.join(";");
}

/** The parts of a rule, or the reason it is not one we accept. */
export function ruleParts(text: string): { ok: true; parts: RuleParts } | { ok: false; problem: string } {
  try {
    return { ok: true, parts: readParts(text) };
  } catch (error) {
    if (error instanceof RuleProblem) return { ok: false, problem: error.message };
    throw error;
  }
}
