import * as chrono from "chrono-node";
import { Temporal } from "temporal-polyfill";
import type { QuickAddDue } from "./types";

// Dates and times are chrono's, read with two corrections (both seen with chrono-node 2.10.3):
// chrono ignores an IANA zone name, so it gets the zone's offset at `now` (right for "today" and
// "tomorrow"); and its `.date()` applies that offset to the target day even across a DST change,
// so the instant is built here from the components, with Temporal in the user's zone.
//
// Which matches count. Chrono finds dates in ordinary titles ("sun cream", "Plan March madness
// party", "Call mom at 5", "fix bug 3/4"), so a match is kept only when it is a strong form:
// - a relative word: today, tonight, tomorrow, next/this ..., in N days, N weeks from now;
// - a time with am/pm, HH:MM, noon or midnight (a bare "at 5" is hidden from chrono beforehand,
//   so "tomorrow at 5" is tomorrow and "at 5" stays text);
// - an explicit day ("dec 24", "24 dec", "12/24") at the end of the text (only recognised parts
//   after it) or after a preposition (on, by, due, until, till, before); a numeric day both of
//   whose numbers could be a month ("3/4") needs the preposition;
// - a weekday or month name alone only after a preposition ("on sat", "in march", "by friday").
// Refused: "last friday" (chrono reads it forwards, as the next Friday) and a duration without
// "in" or "from now" ("17h", which chrono takes as 17 hours from now).

export const FILLER = ";"; // hides a character from chrono; chrono joins no date and time across it
const PREPOSITIONS = new Set(["on", "in", "by", "due", "until", "till", "before"]);
const WEAK_TIME = /\bat\s+\d{1,2}(?:\.\d{1,2})?(?!\d|[.:]\d|\s*[ap]\.?m(?![a-z]))(?:\s*o['’]?clock(?![a-z]))?/giu;
const CASUAL = /\b(?:today|tonight|tomorrow|tmrw?)\b/;
const NEXT_OR_THIS = /\b(?:next|this)\b/;
const NEXT = /\bnext\b/;
const COUNTED = /\b(?:in|within|after)\s|\bfrom now\b/;
const STRONG_TIME = /\d\s*[ap]\.?m\.?(?![a-z])|\d:\d\d|\b(?:noon|midnight)\b/;
const NUMERIC_DAY = /^\d{1,4}\s*[/.-]\s*\d/;
const LEADING_WORD = /^(\w+)\s/;
const YEAR_MIN = 1900;
const YEAR_MAX = 9999;

export type DateMatch = {
  start: number;
  end: number;
  due: QuickAddDue;
  /** HH:MM when only a time of day was typed */
  timeOfDay: string | null;
};

/** The ranges of bare times ("at 5", "at 9.30") to hide from chrono: they stay title text. */
export function weakTimes(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(WEAK_TIME), (match) => ({ start: match.index, end: match.index + match[0].length }));
}

function wordBefore(text: string, index: number): { word: string; start: number } | null {
  const match = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, index - 20), index));
  return match ? { word: match[1].toLowerCase(), start: index - match[0].length } : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The zone if Temporal knows it, else UTC. */
export function knownZone(timeZone: string): string {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * The first strong date or time in `masked` (the input with recognised and literal parts replaced
 * by FILLER, same length). `recognisedAt(i)` says whether character i belongs to a recognised part,
 * which counts as the end of the text; literal parts do not. `isFree` vets the span.
 */
export function findDate(
  masked: string,
  recognisedAt: (index: number) => boolean,
  isFree: (start: number, end: number) => boolean,
  now: Date,
  timeZone: string,
): DateMatch | null {
  const nowInstant = Temporal.Instant.fromEpochMilliseconds(now.getTime());
  const nowHere = nowInstant.toZonedDateTimeISO(timeZone);
  const offsetMinutes = nowHere.offsetNanoseconds / 60e9;
  const results = chrono.parse(masked, { instant: now, timezone: offsetMinutes }, { forwardDate: true });

  for (const result of results) {
    // chrono's text may end with a space ("dec 24 " before another token)
    const text = result.text.trimEnd().toLowerCase();
    const start = result.index;
    const end = start + text.length;
    const before = wordBefore(masked, start);
    const leading = PREPOSITIONS.has(LEADING_WORD.exec(text)?.[1] ?? "");
    const preposition = leading || (before !== null && PREPOSITIONS.has(before.word));
    let atEnd = true;
    for (let i = end; i < masked.length && atEnd; i++) atEnd = /\s/.test(masked[i]) || recognisedAt(i);

    const { start: point } = result;
    const certain = (part: "day" | "weekday" | "month" | "hour") => point.isCertain(part);
    const tags = result.tags();
    const relativeTime = tags.has("result/relativeDateAndTime");
    const strongTime = STRONG_TIME.test(text);
    const relative = CASUAL.test(text) || NEXT_OR_THIS.test(text) || (tags.has("result/relativeDate") && COUNTED.test(text));
    const explicitDay = certain("day") && certain("month");
    const namedOnly = !explicitDay && (certain("weekday") || certain("month"));

    let accept: boolean;
    if (text.startsWith("last ")) accept = false;
    else if (tags.has("result/relativeDate") && !relative) accept = false; // "17h" is read as "in 17 hours"
    else if (certain("hour") && !strongTime && !relativeTime) accept = false;
    else if (relative || strongTime) accept = true;
    else if (explicitDay && NUMERIC_DAY.test(text)) accept = preposition || (atEnd && (point.get("day") ?? 0) > 12);
    else if (explicitDay) accept = preposition || atEnd;
    else accept = namedOnly && preposition;
    const spanStart = !leading && preposition && before ? before.start : start;
    if (!accept || !isFree(spanStart, end)) continue;

    const year = point.get("year") ?? 0;
    const month = point.get("month") ?? 0;
    const day = point.get("day") ?? 0;
    const hour = point.get("hour") ?? 0;
    const minute = point.get("minute") ?? 0;
    if (year < YEAR_MIN || year > YEAR_MAX) continue;
    let date: Temporal.PlainDate;
    try {
      date = Temporal.PlainDate.from({ year, month, day }, { overflow: "reject" });
    } catch {
      continue;
    }
    if (certain("weekday") && !certain("day")) {
      // chrono picks a weekday's week by the machine's zone ("friday" on a Friday was today or a week
      // on): count it here instead, from today in the user's zone; "next" means after today.
      const today = nowHere.toPlainDate();
      const ahead = (((point.get("weekday") ?? 0) - (today.dayOfWeek % 7) + 7) % 7) || (NEXT.test(text) ? 7 : 0);
      date = today.add({ days: ahead });
    }
    const timeOfDay = `${pad(hour)}:${pad(minute)}`;
    if (!certain("hour")) return { start: spanStart, end, due: { date: date.toString() }, timeOfDay: null };

    let at: Temporal.Instant;
    let onlyTime = false;
    if (relativeTime) {
      // "in 2 hours": chrono added the duration to the wall clock at the fixed offset of `now`.
      at = Temporal.Instant.fromEpochMilliseconds(Date.UTC(year, month - 1, day, hour, minute) - offsetMinutes * 60_000);
    } else if (!certain("day") && !certain("weekday") && !certain("month")) {
      // A time alone: today at that time, or tomorrow if it has passed.
      onlyTime = true;
      at = nowHere.toPlainDate().toPlainDateTime({ hour, minute }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).toInstant();
      if (Temporal.Instant.compare(at, nowInstant) <= 0) {
        at = nowHere.toPlainDate().add({ days: 1 }).toPlainDateTime({ hour, minute }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).toInstant();
      }
    } else {
      at = date.toPlainDateTime({ hour, minute }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).toInstant();
    }
    return { start: spanStart, end, due: { at: at.toString(), timeZone }, timeOfDay: onlyTime ? timeOfDay : null };
  }
  return null;
}
