import { ruleParts, type Recurrence, type RuleParts, type Weekday, type WeekdayNum } from "./rule";

// Rules in plain English for the page and screen readers. Common shapes get their own words; any
// other valid rule still says how often it repeats, and nothing here throws.

const DAY_NAMES: Record<Weekday, string> = { MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday" };
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };
const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth"];

function list(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** 1st, 2nd, 3rd, 11th, 22nd... */
function numbered(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** first ... fifth, 20th; last, second-to-last, 8th-to-last. */
function ordinal(n: number): string {
  if (n === -1) return "last";
  const word = ORDINAL_WORDS[Math.abs(n) - 1] ?? numbered(Math.abs(n));
  return n < 0 ? `${word}-to-last` : word;
}

const monthDay = (day: number) => (day > 0 ? `the ${numbered(day)}` : `the ${ordinal(day)} day`);
const weekdayNum = (day: WeekdayNum) => (day.ordinal === undefined ? DAY_NAMES[day.weekday] : `the ${ordinal(day.ordinal)} ${DAY_NAMES[day.weekday]}`);
const isWorkWeek = (days: WeekdayNum[]) => days.length === 5 && days.every((day) => day.ordinal === undefined && !["SA", "SU"].includes(day.weekday));

/** "the 31st or its last day" for BYMONTHDAY=28,...,N;BYSETPOS=-1, the month-end encoding. */
function dayOrLast(parts: RuleParts): string | null {
  const days = parts.byMonthDay;
  if (!days || parts.bySetPos?.join() !== "-1" || parts.byDay) return null;
  const last = days.at(-1)!;
  const isRun = last >= 29 && days.length === last - 27 && days.every((day, index) => day === 28 + index);
  return isRun ? `the ${numbered(last)} or its last day` : null;
}

/** The "on ..." of a rule, "" when the day comes from the due date, or null for a shape without words. */
function when(parts: RuleParts): string | null {
  const { byMonthDay, byDay, bySetPos } = parts;
  const orLast = dayOrLast(parts);
  if (orLast) return ` on ${orLast}`;
  if (byDay && bySetPos && !byMonthDay && isWorkWeek(byDay) && bySetPos.length === 1) return ` on the ${ordinal(bySetPos[0])} weekday`;
  if (bySetPos) return null;
  if (byMonthDay && byDay) return null;
  if (byMonthDay) return ` on ${list(byMonthDay.map(monthDay))}`;
  if (byDay) {
    if (parts.freq !== "WEEKLY" && byDay.some((day) => day.ordinal === undefined)) return null;
    return ` on ${list(byDay.map(weekdayNum))}`;
  }
  return "";
}

function schedule(parts: RuleParts): string {
  const unit = UNITS[parts.freq];
  const every = parts.interval === 1 ? `every ${unit}` : `every ${parts.interval} ${unit}s`;
  const months = parts.byMonth?.map((month) => MONTH_NAMES[month - 1]);
  const { byDay, byMonthDay } = parts;
  const simpleWeekdays = byDay?.every((day) => day.ordinal === undefined) && !byMonthDay && !parts.bySetPos && !months;

  if (simpleWeekdays && byDay && parts.interval === 1 && (parts.freq === "DAILY" || parts.freq === "WEEKLY")) {
    return isWorkWeek(byDay) ? "every weekday" : `every ${list(byDay.map(weekdayNum))}`;
  }
  if (parts.freq === "DAILY") return byDay || byMonthDay || months ? `${every}, by a custom rule` : every;
  // A yearly rule in one month reads as a date: "on March 15", "on the second Sunday of May".
  if (parts.freq === "YEARLY" && months?.length === 1) {
    const orLast = dayOrLast(parts);
    if (orLast) return `${every} on ${months[0]} ${orLast.replace("the ", "")}`;
    if (!parts.bySetPos && byMonthDay?.length === 1 && !byDay && byMonthDay[0] > 0) return `${every} on ${months[0]} ${byMonthDay[0]}`;
    if (!parts.bySetPos && !byMonthDay && byDay?.length === 1 && byDay[0].ordinal !== undefined) return `${every} on ${weekdayNum(byDay[0])} of ${months[0]}`;
    if (!parts.bySetPos && !byMonthDay && !byDay) return `${every} in ${months[0]}`;
  }
  const on = when(parts);
  if (on === null || (parts.freq === "YEARLY" && (byDay || byMonthDay))) return `${every}, by a custom rule`;
  return `${every}${on}${months ? ` in ${list(months)}` : ""}`;
}

function fromCompletion(parts: RuleParts): string {
  if (parts.byDay || parts.byMonthDay || parts.byMonth) return `${schedule(parts)}, counted from each completion`;
  const unit = UNITS[parts.freq];
  return parts.interval === 1 ? `a ${unit} after each completion` : `${parts.interval} ${unit}s after each completion`;
}

/** A rule in plain English: "every weekday", "every month on the last Friday", "3 days after each completion". */
export function describeRule(recurrence: Recurrence): string {
  const parsed = ruleParts(recurrence.rule);
  if (!parsed.ok) return "repeats by a rule that is not understood";
  const { parts } = parsed;
  const words = recurrence.mode === "completion" ? fromCompletion(parts) : schedule(parts);
  if (!parts.until) return words;
  const until = parts.until;
  return `${words}, until ${MONTH_NAMES[until.month - 1]} ${until.day}, ${until.year}`;
}
