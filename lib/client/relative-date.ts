// Due dates in words, in the user's time zone: "Today", "Tomorrow", "Yesterday", a weekday within
// the coming week, else the date. The server renders with the zone the browser reported in a
// cookie (TIME_ZONE_COOKIE), so the first paint already speaks the user's time.

export const TIME_ZONE_COOKIE = "tz";
export const FALLBACK_TIME_ZONE = "UTC";
const LOCALE = "en-US"; // the interface's language; fixed so server and browser write the same words
const DAY_MS = 86_400_000;

/** The zone's canonical name if this runtime knows it, else undefined. */
export function knownTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat(LOCALE, { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The zone if this runtime knows it, else the fallback. */
export function validTimeZone(zone: string | undefined): string {
  return knownTimeZone(zone) ?? FALLBACK_TIME_ZONE;
}

/**
 * The zone a signed-in page speaks: the one the user chose (their profile), else this device's
 * (the cookie its browser set), else the fallback. `fixed`: chosen, so the browser keeps to it
 * instead of switching to its own.
 */
export function pageTimeZone(chosen: string | null | undefined, device: string | undefined): { timeZone: string; fixed: boolean } {
  const known = knownTimeZone(chosen ?? undefined);
  return known ? { timeZone: known, fixed: true } : { timeZone: validTimeZone(device), fixed: false };
}

// Making a formatter costs far more than using one, and every row with a due date needs several.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone })));
  return made;
}

/** Days since 1970-01-01 of the calendar day the instant falls on in the zone. */
function dayNumber(instant: Date, timeZone: string): number {
  const parts = formatter(timeZone, { year: "numeric", month: "numeric", day: "numeric" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
export function zoneOffset(instant: Date, timeZone: string): number {
  const parts = formatter(timeZone, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) the instant falls on in the zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Date(dayNumber(instant, timeZone) * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar days `day` (YYYY-MM-DD) is after today in the zone: 0 today, -1 yesterday. */
export function daysFromToday(day: string, now: Date, timeZone: string): number {
  return Date.parse(day) / DAY_MS - dayNumber(now, timeZone);
}

// A calendar day is written as it reads in UTC at its noon: the day itself, whatever the zone.
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

/** A calendar day (YYYY-MM-DD) in words, seen from today in the zone. */
export function describeDay(day: string, now: Date, timeZone: string): string {
  const days = daysFromToday(day, now, timeZone);
  if (days === 0) return "Today";
  if (days === 1) return "Tomorrow";
  if (days === -1) return "Yesterday";
  const date = noonOf(day);
  if (days > 1 && days < 7) return formatter("UTC", { weekday: "long" }).format(date);
  const sameYear = day.slice(0, 4) === formatter(timeZone, { year: "numeric" }).format(now);
  return formatter("UTC", { weekday: "short", month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(date);
}

/** A full date for screen readers and tooltips: "Friday, December 4, 2026". */
export function fullDate(instant: Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "full" }).format(instant);
}

/** A calendar day (YYYY-MM-DD) in full: "Friday, December 4, 2026". */
export function fullDay(day: string): string {
  return fullDate(noonOf(day), "UTC");
}

/** The wall-clock time of an instant in the zone, as HH:MM (for <input type="time">). */
export function timeOfDay(instant: Date, timeZone: string): string {
  return formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** A moment in words, in the zone: "Tomorrow at 5:00 PM". */
export function describeMoment(instant: Date, now: Date, timeZone: string): string {
  return `${describeDay(localDay(instant, timeZone), now, timeZone)} at ${clockTime(instant, timeZone)}`;
}

/** The time of an instant in the zone, in words: "5:00 PM". */
export function clockTime(instant: Date, timeZone: string): string {
  return formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(instant);
}

const AGO_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60_000],
  ["hour", 3_600_000],
  ["day", DAY_MS],
];
let agoFormatter: Intl.RelativeTimeFormat | undefined;

/** How long ago, in words: "just now", "5 minutes ago", "yesterday", "3 days ago". */
export function timeAgo(instant: Date, now: Date): string {
  const elapsed = now.getTime() - instant.getTime();
  if (elapsed < 60_000) return "just now";
  agoFormatter ??= new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
  const [unit, ms] = AGO_STEPS.findLast(([, step]) => elapsed >= step)!;
  return agoFormatter.format(-Math.floor(elapsed / ms), unit);
}
