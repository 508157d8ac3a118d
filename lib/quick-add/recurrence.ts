import type { QuickAddRecurrence } from "./types";

// Repeats are read by this small grammar before chrono sees the text: chrono reads "every weekday
// standup" as one weekday and misses "every month on the 1st". Each form is a sticky regex tried at
// the start of a candidate word; none has nested quantifiers over the same characters, so the work
// is linear in the text. The result is an RRULE body (RFC 5545) without DTSTART: the first
// occurrence is the caller's to compute.

const DAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])`;
const DAY_LIST = String.raw`${DAY}(?:\s*(?:,\s*(?:and\s+)?|&\s*|and\s+)${DAY})*`;
const EVERY = String.raw`every(!)?\s+`;
const INTERVAL = String.raw`(?:(\d{1,3})\s+|(other)\s+)?`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)(?![a-z])`;
const END = String.raw`(?![\p{L}\p{N}])`;

const WEEKDAY_CODES: Record<string, string> = { mo: "MO", tu: "TU", we: "WE", th: "TH", fr: "FR", sa: "SA", su: "SU" };
const WEEKDAY_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const NTH: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: -1 };
const UNIT_FREQ: Record<string, string> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };
const ADVERB_FREQ: Record<string, string> = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY", yearly: "YEARLY", annually: "YEARLY" };

function weekdays(list: string): string {
  const codes = new Set((list.toLowerCase().match(new RegExp(DAY, "g")) ?? []).map((day) => WEEKDAY_CODES[day.slice(0, 2)]));
  return WEEKDAY_ORDER.filter((code) => codes.has(code)).join(",");
}

/** INTERVAL part from "3 " or "other ", or "" for every single one; null for 0. */
function interval(count: string | undefined, other: string | undefined): string | null {
  if (other) return ";INTERVAL=2";
  if (count === undefined) return "";
  const n = Number(count);
  if (n === 0) return null;
  return n === 1 ? "" : `;INTERVAL=${n}`;
}

/**
 * A day of the month. The 29th to 31st take the month's last day when the month is shorter (RFC
 * 5545 would skip those months): the last of the days from the 28th up to it that exist.
 */
function monthDay(ordinal: string): string | null {
  const day = Number(ordinal);
  if (day < 1 || day > 31) return null;
  if (day < 29) return `BYMONTHDAY=${day}`;
  const candidates = Array.from({ length: day - 27 }, (_, i) => 28 + i).join(",");
  return `BYMONTHDAY=${candidates};BYSETPOS=-1`;
}

type Form = { pattern: RegExp; rule: (match: RegExpExecArray) => string | null };
const form = (source: string, rule: Form["rule"]): Form => ({ pattern: new RegExp(source + END, "iyu"), rule });

// Tried in order at one position; a longer form comes before any form that is its prefix.
const FORMS: Form[] = [
  form(String.raw`${EVERY}weekdays?`, () => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
  form(String.raw`${EVERY}weekends?`, () => "FREQ=WEEKLY;BYDAY=SA,SU"),
  form(String.raw`${EVERY}(?:the\s+)?last\s+day(?:\s+of\s+the\s+month)?`, () => "FREQ=MONTHLY;BYMONTHDAY=-1"),
  form(String.raw`${EVERY}(?:the\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(${DAY})`, (m) => {
    return `FREQ=MONTHLY;BYDAY=${NTH[m[2].toLowerCase()]}${weekdays(m[3])}`;
  }),
  form(String.raw`${EVERY}${INTERVAL}weeks?\s+on\s+(${DAY_LIST})`, (m) => {
    const every = interval(m[2], m[3]);
    return every === null ? null : `FREQ=WEEKLY${every};BYDAY=${weekdays(m[4])}`;
  }),
  form(String.raw`${EVERY}${INTERVAL}months?\s+on\s+(?:the\s+)?(?:${ORDINAL}|(last\s+day))`, (m) => {
    const every = interval(m[2], m[3]);
    const day = m[5] ? "BYMONTHDAY=-1" : monthDay(m[4]);
    return every === null || day === null ? null : `FREQ=MONTHLY${every};${day}`;
  }),
  form(String.raw`${EVERY}${INTERVAL}(day|week|month|year)s?`, (m) => {
    const every = interval(m[2], m[3]);
    return every === null ? null : `FREQ=${UNIT_FREQ[m[4].toLowerCase()]}${every}`;
  }),
  form(String.raw`${EVERY}(?:the\s+)?${ORDINAL}`, (m) => {
    const day = monthDay(m[2]);
    return day === null ? null : `FREQ=MONTHLY;${day}`;
  }),
  form(String.raw`${EVERY}(${DAY_LIST})`, (m) => `FREQ=WEEKLY;BYDAY=${weekdays(m[2])}`),
  form(String.raw`(daily|weekly|monthly|yearly|annually)`, (m) => `FREQ=${ADVERB_FREQ[m[1].toLowerCase()]}`),
];

const CANDIDATE = /(?<![\p{L}\p{N}_])(?:every|daily|weekly|monthly|yearly|annually)/giu;

export type RecurrenceMatch = { start: number; end: number; recurrence: QuickAddRecurrence };

/** The first repeat in `text` whose characters are all free (`isFree(start, end)`), or null. */
export function findRecurrence(text: string, isFree: (start: number, end: number) => boolean): RecurrenceMatch | null {
  for (const candidate of text.matchAll(CANDIDATE)) {
    const start = candidate.index;
    for (const { pattern, rule } of FORMS) {
      pattern.lastIndex = start;
      const match = pattern.exec(text);
      if (!match) continue;
      const body = rule(match);
      const end = start + match[0].length;
      if (body === null || !isFree(start, end)) break;
      return { start, end, recurrence: { rule: body, mode: match[1] === "!" ? "completion" : "schedule" } };
    }
  }
  return null;
}
