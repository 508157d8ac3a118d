import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLiteralRange,
  describeSpan,
  normaliseSpaces,
  parseQuickAdd,
  shiftLiteralRanges,
  type LiteralRange,
  type QuickAddOptions,
  type QuickAddResult,
  type QuickAddSpan,
} from "@/lib/quick-add";

// Quick add reads one line into a title and fields. Fixed clocks: a Friday, 2026-12-04 10:00 UTC
// (11:00 in Berlin, 05:00 in New York, already Saturday 01:00 in Auckland when noted), and the
// week of Berlin's spring change (2027-03-28, 02:00 → 03:00).

const NOW = new Date("2026-12-04T10:00:00Z");
const BERLIN: QuickAddOptions = {
  now: NOW,
  timeZone: "Europe/Berlin",
  lists: [
    { id: "inbox", name: "Inbox" },
    { id: "home", name: "Home" },
    { id: "office", name: "Home Office" },
    { id: "work", name: "Work" },
  ],
  labels: [
    { id: "errand", name: "errand" },
    { id: "deep", name: "Deep work" },
    { id: "call", name: "call" },
  ],
};
const NEW_YORK = { ...BERLIN, timeZone: "America/New_York" };
const AUCKLAND = { ...BERLIN, timeZone: "Pacific/Auckland", now: new Date("2026-12-04T12:00:00Z") };
const BERLIN_SPRING = { ...BERLIN, now: new Date("2027-03-26T10:00:00Z") }; // Friday, +01:00

type Expected = Partial<Omit<QuickAddResult, "spans">> & { spans?: string[] };
const plain = (text: string): [string, Expected] => [text, { title: text }];
const at = (instant: string, timeZone = "Europe/Berlin") => ({ at: instant, timeZone });
const every = (rule: string, mode: "schedule" | "completion" = "schedule") => ({ rule, mode });

/** Spans written "kind:text"; their places are found in the phrase, left to right. */
function expected(phrase: string, want: Expected): QuickAddResult {
  let from = 0;
  const spans = (want.spans ?? []).map((written): QuickAddSpan => {
    const [kind, text] = [written.slice(0, written.indexOf(":")), written.slice(written.indexOf(":") + 1)];
    const start = phrase.indexOf(text, from);
    from = start + text.length;
    return { kind: kind as QuickAddSpan["kind"], start, end: start + text.length, text };
  });
  return { title: "", due: null, recurrence: null, listId: null, labelIds: [], priority: null, ...want, spans };
}

const TABLE: [string, Expected, QuickAddOptions?][] = [
  // Dates and times (Berlin, 11:00 on Friday 2026-12-04)
  ["Buy milk tomorrow 5pm", { title: "Buy milk", spans: ["date:tomorrow 5pm"], due: at("2026-12-05T16:00:00Z") }],
  ["Buy milk tomorrow", { title: "Buy milk", spans: ["date:tomorrow"], due: { date: "2026-12-05" } }],
  ["today", { spans: ["date:today"], due: { date: "2026-12-04" } }],
  ["Pack tonight", { title: "Pack", spans: ["date:tonight"], due: { date: "2026-12-04" } }],
  ["Review next fri", { title: "Review", spans: ["date:next fri"], due: { date: "2026-12-11" } }],
  ["Renew passport in 3 days", { title: "Renew passport", spans: ["date:in 3 days"], due: { date: "2026-12-07" } }],
  ["Water plants in 2 weeks 9am", { title: "Water plants", spans: ["date:in 2 weeks 9am"], due: at("2026-12-18T08:00:00Z") }],
  ["Check oven in 2 hours", { title: "Check oven", spans: ["date:in 2 hours"], due: at("2026-12-04T12:00:00Z") }],
  ["Send card 2 days from now", { title: "Send card", spans: ["date:2 days from now"], due: { date: "2026-12-06" } }],
  ["Pay rent dec 24", { title: "Pay rent", spans: ["date:dec 24"], due: { date: "2026-12-24" } }],
  ["Pay rent 24 dec 2027", { title: "Pay rent", spans: ["date:24 dec 2027"], due: { date: "2027-12-24" } }],
  ["Wrap gifts 12/24", { title: "Wrap gifts", spans: ["date:12/24"], due: { date: "2026-12-24" } }],
  ["Dentist on 3/4", { title: "Dentist", spans: ["date:on 3/4"], due: { date: "2027-03-04" } }],
  ["Taxes due 3/4", { title: "Taxes", spans: ["date:due 3/4"], due: { date: "2027-03-04" } }],
  ["Plan party on dec 24 with Bob", { title: "Plan party with Bob", spans: ["date:on dec 24"], due: { date: "2026-12-24" } }],
  ["Meet Ana on sat", { title: "Meet Ana", spans: ["date:on sat"], due: { date: "2026-12-05" } }],
  ["Pay invoice by friday", { title: "Pay invoice", spans: ["date:by friday"], due: { date: "2026-12-04" } }],
  ["Book skiing in march", { title: "Book skiing", spans: ["date:in march"], due: { date: "2027-03-01" } }],
  ["Clean garage this weekend", { title: "Clean garage", spans: ["date:this weekend"], due: { date: "2026-12-05" } }],
  ["Budget next month", { title: "Budget", spans: ["date:next month"], due: { date: "2027-01-04" } }],
  ["Call Ana 5pm", { title: "Call Ana", spans: ["date:5pm"], due: at("2026-12-04T16:00:00Z") }],
  ["Call Ana at 9am", { title: "Call Ana", spans: ["date:at 9am"], due: at("2026-12-05T08:00:00Z") }],
  ["Standup at 17:30", { title: "Standup", spans: ["date:at 17:30"], due: at("2026-12-04T16:30:00Z") }],
  ["Lunch noon", { title: "Lunch", spans: ["date:noon"], due: at("2026-12-04T11:00:00Z") }],
  ["Backup midnight", { title: "Backup", spans: ["date:midnight"], due: at("2026-12-04T23:00:00Z") }],
  ["Call mom tomorrow at 5", { title: "Call mom at 5", spans: ["date:tomorrow"], due: { date: "2026-12-05" } }],
  ["Report Friday 3pm", { title: "Report", spans: ["date:Friday 3pm"], due: at("2026-12-04T14:00:00Z") }],
  ["TOMORROW 8AM gym", { title: "gym", spans: ["date:TOMORROW 8AM"], due: at("2026-12-05T07:00:00Z") }],

  // Must stay title text
  plain("sun cream"),
  plain("Email Sat"),
  plain("Plan March madness party"),
  plain("Call mom at 5"),
  plain("fix bug 3/4"),
  plain("Read 1984"),
  plain("Watch 24"),
  plain("Buy 2 eggs"),
  plain("Do morning routine"),
  plain("Call 17h"),
  plain("Undo last friday"),
  plain("March 3 meeting notes"),
  plain("Fix 2nd floor"),
  plain("Read every book"),
  plain("Wedding may 5 plans"),
  plain("Feed cat at 9.30"),
  plain("Pay rent feb 30"),
  plain("Sunday roast"),

  // Repeats
  ["Standup every weekday", { title: "Standup", spans: ["recurrence:every weekday"], recurrence: every("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR") }],
  ["Water plants every day", { title: "Water plants", spans: ["recurrence:every day"], recurrence: every("FREQ=DAILY") }],
  ["Journal daily", { title: "Journal", spans: ["recurrence:daily"], recurrence: every("FREQ=DAILY") }],
  ["Hike every weekend", { title: "Hike", spans: ["recurrence:every weekend"], recurrence: every("FREQ=WEEKLY;BYDAY=SA,SU") }],
  ["Payroll every 2 weeks on mon", { title: "Payroll", spans: ["recurrence:every 2 weeks on mon"], recurrence: every("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO") }],
  ["Gym every mon, wed", { title: "Gym", spans: ["recurrence:every mon, wed"], recurrence: every("FREQ=WEEKLY;BYDAY=MO,WE") }],
  ["Gym every friday and tuesday", { title: "Gym", spans: ["recurrence:every friday and tuesday"], recurrence: every("FREQ=WEEKLY;BYDAY=TU,FR") }],
  ["Review every last fri", { title: "Review", spans: ["recurrence:every last fri"], recurrence: every("FREQ=MONTHLY;BYDAY=-1FR") }],
  ["Board meeting every first monday", { title: "Board meeting", spans: ["recurrence:every first monday"], recurrence: every("FREQ=MONTHLY;BYDAY=1MO") }],
  ["Rent every month on the 1st", { title: "Rent", spans: ["recurrence:every month on the 1st"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=1") }],
  ["Invoice every 15th", { title: "Invoice", spans: ["recurrence:every 15th"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=15") }],
  ["Report every 31st", { title: "Report", spans: ["recurrence:every 31st"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1") }],
  ["Report every 30th", { title: "Report", spans: ["recurrence:every 30th"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1") }],
  ["Report every 29th", { title: "Report", spans: ["recurrence:every 29th"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1") }],
  ["Close books every last day", { title: "Close books", spans: ["recurrence:every last day"], recurrence: every("FREQ=MONTHLY;BYMONTHDAY=-1") }],
  ["Taxes every year", { title: "Taxes", spans: ["recurrence:every year"], recurrence: every("FREQ=YEARLY") }],
  ["Water cactus every 3 days", { title: "Water cactus", spans: ["recurrence:every 3 days"], recurrence: every("FREQ=DAILY;INTERVAL=3") }],
  ["Call dad every other week", { title: "Call dad", spans: ["recurrence:every other week"], recurrence: every("FREQ=WEEKLY;INTERVAL=2") }],
  ["Report weekly", { title: "Report", spans: ["recurrence:weekly"], recurrence: every("FREQ=WEEKLY") }],
  ["Report monthly", { title: "Report", spans: ["recurrence:monthly"], recurrence: every("FREQ=MONTHLY") }],
  ["Checkup yearly", { title: "Checkup", spans: ["recurrence:yearly"], recurrence: every("FREQ=YEARLY") }],
  ["Standup every mon at 9am", { title: "Standup", spans: ["recurrence:every mon", "date:at 9am"], recurrence: every("FREQ=WEEKLY;BYDAY=MO"), time: "09:00" }],
  ["Stretch every day 7:15", { title: "Stretch", spans: ["recurrence:every day", "date:7:15"], recurrence: every("FREQ=DAILY"), time: "07:15" }],
  ["Water plants every! 3 days", { title: "Water plants", spans: ["recurrence:every! 3 days"], recurrence: every("FREQ=DAILY;INTERVAL=3", "completion") }],
  ["Haircut every! 4 weeks", { title: "Haircut", spans: ["recurrence:every! 4 weeks"], recurrence: every("FREQ=WEEKLY;INTERVAL=4", "completion") }],
  ["Read every 32nd", { title: "Read every 32nd" }],
  ["Read every 0 days", { title: "Read every 0 days" }],

  // Lists, labels, priorities
  ["Fix desk #Home Office", { title: "Fix desk", spans: ["list:#Home Office"], listId: "office" }],
  ["Fix desk #home office", { title: "Fix desk", spans: ["list:#home office"], listId: "office" }],
  ["Fix sink #home", { title: "Fix sink", spans: ["list:#home"], listId: "home" }],
  ["Fix sink #Homework", { title: "Fix sink #Homework" }],
  ["Plan #Garden trip", { title: "Plan #Garden trip" }],
  ["Buy stamps @errand @Deep work", { title: "Buy stamps", spans: ["label:@errand", "label:@Deep work"], labelIds: ["errand", "deep"] }],
  ["Email @unknown", { title: "Email @unknown" }],
  ["Report #work #home", { title: "Report", spans: ["list:#work", "list:#home"], listId: "work" }],
  ["Pay bills !1", { title: "Pay bills", spans: ["priority:!1"], priority: "high" }],
  ["Pay bills p2", { title: "Pay bills", spans: ["priority:p2"], priority: "medium" }],
  ["Pay bills P3", { title: "Pay bills", spans: ["priority:P3"], priority: "low" }],
  ["Pay bills !4", { title: "Pay bills", spans: ["priority:!4"], priority: "low" }],
  plain("Buy p1000 printer"),
  plain("Wow!1 p5"),
  [
    "Call plumber tomorrow 9am #Home @call p1",
    { title: "Call plumber", spans: ["date:tomorrow 9am", "list:#Home", "label:@call", "priority:p1"], due: at("2026-12-05T08:00:00Z"), listId: "home", labelIds: ["call"], priority: "high" },
  ],
  ["Pay rent dec 24 #Home", { title: "Pay rent", spans: ["date:dec 24", "list:#Home"], due: { date: "2026-12-24" }, listId: "home" }],

  // Escapes
  ["Buy milk \\tomorrow", { title: "Buy milk tomorrow" }],
  ["Read \\#Home", { title: "Read #Home" }],
  ["\\every day stretch", { title: "every day stretch" }],
  ["Sum a\\b", { title: "Sum a\\b" }],

  // Other zones and a DST change
  ["Call tomorrow 9am", { title: "Call", spans: ["date:tomorrow 9am"], due: at("2026-12-05T14:00:00Z", "America/New_York") }, NEW_YORK],
  ["Call 9am", { title: "Call", spans: ["date:9am"], due: at("2026-12-04T14:00:00Z", "America/New_York") }, NEW_YORK],
  ["Call today", { title: "Call", spans: ["date:today"], due: { date: "2026-12-04" } }, NEW_YORK],
  ["Call today", { title: "Call", spans: ["date:today"], due: { date: "2026-12-05" } }, AUCKLAND],
  ["Call tomorrow 9pm", { title: "Call", spans: ["date:tomorrow 9pm"], due: at("2026-12-06T08:00:00Z", "Pacific/Auckland") }, AUCKLAND],
  ["Call 1am", { title: "Call", spans: ["date:1am"], due: at("2026-12-05T12:00:00Z", "Pacific/Auckland") }, AUCKLAND],
  ["Call next mon 9am", { title: "Call", spans: ["date:next mon 9am"], due: at("2027-03-29T07:00:00Z") }, BERLIN_SPRING],
  ["Call in 3 days 9am", { title: "Call", spans: ["date:in 3 days 9am"], due: at("2027-03-29T07:00:00Z") }, BERLIN_SPRING],
  ["Bake on sun 2:30am", { title: "Bake", spans: ["date:on sun 2:30am"], due: at("2027-03-28T01:30:00Z") }, BERLIN_SPRING],
  ["Call tomorrow 9am", { title: "Call", spans: ["date:tomorrow 9am"], due: at("2027-03-27T08:00:00Z") }, BERLIN_SPRING],
];

describe("parseQuickAdd", () => {
  it.each(TABLE)("%s", (phrase, want, options = BERLIN) => {
    expect(parseQuickAdd(phrase, options)).toEqual(expected(phrase, want));
  });

  it("has at least 70 phrases, 15 of them plain titles", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(70);
    expect(TABLE.filter(([phrase, want]) => want.title === phrase && !want.spans).length).toBeGreaterThanOrEqual(15);
  });

  it("keeps a literal range as text, and reads what is outside it", () => {
    const phrase = "Buy milk tomorrow p1";
    const first = parseQuickAdd(phrase, BERLIN);
    const date = first.spans.find((span) => span.kind === "date")!;
    expect(parseQuickAdd(phrase, { ...BERLIN, literal: [{ start: date.start, end: date.end }] })).toEqual(
      expected(phrase, { title: "Buy milk tomorrow", spans: ["priority:p1"], priority: "high" }),
    );
    // A range that only touches part of a span still keeps the whole of it from being read.
    expect(parseQuickAdd(phrase, { ...BERLIN, literal: [{ start: 12, end: 13 }] }).due).toBeNull();
  });

  it("takes the first date; the next one is read once the first is kept as text", () => {
    const phrase = "Move call from tomorrow to next fri";
    expect(parseQuickAdd(phrase, BERLIN).due).toEqual({ date: "2026-12-05" });
    const start = phrase.indexOf("tomorrow");
    expect(parseQuickAdd(phrase, { ...BERLIN, literal: [{ start, end: start + 8 }] }).due).toEqual({ date: "2026-12-11" });
  });

  it("ignores literal ranges outside the text and reads an unknown zone as UTC", () => {
    expect(parseQuickAdd("today", { ...BERLIN, literal: [{ start: -5, end: 1e9 }] }).spans).toEqual([]);
    expect(parseQuickAdd("today", { ...BERLIN, literal: [{ start: 3, end: 1 }, { start: NaN, end: 2 }] }).due).toEqual({ date: "2026-12-04" });
    expect(parseQuickAdd("tomorrow 9am", { ...BERLIN, timeZone: "Not/AZone" }).due).toEqual(at("2026-12-05T09:00:00Z", "UTC"));
    expect(parseQuickAdd("tomorrow p1", { ...BERLIN, now: new Date(NaN) })).toMatchObject({ due: null, priority: "high", title: "tomorrow" });
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    try {
      const results = ["UTC", "America/Los_Angeles", "Asia/Tokyo"].map((zone) => {
        process.env.TZ = zone;
        return TABLE.map(([phrase, , options = BERLIN]) => parseQuickAdd(phrase, options));
      });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

const WORDS = ["buy", "milk", "sun", "cream", "Email", "Sat", "party", "Read", "1984", "eggs", "mom", "at", "5", "3/4", "fix", "\\", "\\p1", "every", "!", "#", "@"];
const TOKENS = ["#Home", "#home office", "#Garden", "@errand", "@Deep work", "p1", "!3", "p9"];
const DATES = ["tomorrow 5pm", "next fri", "in 3 days", "on sat", "dec 24", "today", "9am", "by friday"];
const REPEATS = ["every day", "every! 2 weeks", "every mon, wed", "every 31st", "monthly", "every last fri"];
/** Titles made of ordinary words and tokens, with at most one date and one repeat. */
const phrase = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS, ...TOKENS), { maxLength: 8 }),
    fc.option(fc.constantFrom(...DATES)),
    fc.option(fc.constantFrom(...REPEATS)),
    fc.array(fc.constantFrom(" ", "  ", "\t"), { minLength: 10, maxLength: 10 }),
  )
  .map(([words, date, repeat, gaps]) => {
    const parts = [...words];
    if (date) parts.splice(Math.floor(parts.length / 2), 0, date);
    if (repeat) parts.push(repeat);
    return parts.map((part, i) => part + (gaps[i % gaps.length] ?? " ")).join("");
  });
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), phrase);

/** The input as a title: spaces normalised, escaping backslashes (at a word's start) removed. */
const unescaped = (text: string) => normaliseSpaces(text.replace(/(^|\s)\\(?=\S)/g, "$1"));

describe("parseQuickAdd, for any text", () => {
  it("never throws, and its spans are sorted, apart, inside the text and equal to their slice", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { spans } = parseQuickAdd(text, BERLIN);
        let end = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(end);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.text).toBe(text.slice(span.start, span.end));
          end = span.end;
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads nothing once every span is kept as text, and the title is then the whole input", () => {
    // Only the first date and the first repeat are read, so keeping one as text may reveal the
    // next ("tomorrow ... next fri"): keep going until nothing is read, a few rounds at most.
    fc.assert(
      fc.property(anyText, (text) => {
        let literal: LiteralRange[] = [];
        let result = parseQuickAdd(text, BERLIN);
        for (let round = 0; round < 8 && result.spans.length > 0; round++) {
          literal = [...literal, ...result.spans.map(({ start, end }) => ({ start, end }))];
          result = parseQuickAdd(text, { ...BERLIN, literal });
        }
        expect(result.spans).toEqual([]);
        expect(result.title).toBe(unescaped(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads nothing in one round when the text holds at most one date and one repeat", () => {
    const once = fc.tuple(fc.array(fc.constantFrom(...TOKENS, "buy", "milk", "sun", "cream"), { maxLength: 6 }), fc.constantFrom(...DATES), fc.constantFrom(...REPEATS));
    fc.assert(
      fc.property(once, ([words, date, repeat]) => {
        const text = [...words, date, repeat].join(" ");
        const first = parseQuickAdd(text, BERLIN);
        const again = parseQuickAdd(text, { ...BERLIN, literal: first.spans });
        expect(again.spans).toEqual([]);
        expect(again.title).toBe(normaliseSpaces(text));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves no recognised span's text at its place in the title", () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const { spans, title } = parseQuickAdd(text, BERLIN);
        let rest = text;
        for (const span of spans) rest = rest.slice(0, span.start) + " ".repeat(span.end - span.start) + rest.slice(span.end);
        expect(title).toBe(unescaped(rest));
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads a few thousand characters quickly", () => {
    const long = "tomorrow every day #Home @errand p1 at 5 3/4 ".repeat(100);
    const started = performance.now();
    const result = parseQuickAdd(long, BERLIN);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.due).toEqual({ date: "2026-12-05" });
  });
});

describe("describeSpan", () => {
  it("says each recognised part in words", () => {
    const result = parseQuickAdd("Call tomorrow #Home Office @Deep work !2 every mon", BERLIN);
    expect(result.spans.map((span) => describeSpan(span, result))).toEqual([
      "Due tomorrow",
      "List Home Office",
      "Label Deep work",
      "Priority medium",
      "Repeats every mon",
    ]);
    const repeat = parseQuickAdd("every day at 9am", BERLIN);
    expect(repeat.spans.map((span) => describeSpan(span, repeat))).toEqual(["Repeats every day", "At 09:00"]);
  });
});

describe("shiftLiteralRanges", () => {
  const ranges = [{ start: 9, end: 17 }]; // "tomorrow" in "Buy milk tomorrow please"
  const text = "Buy milk tomorrow please";

  it("keeps ranges before the edit, moves those after it and drops those it touches inside", () => {
    expect(shiftLiteralRanges(ranges, text, "Buy milk tomorrow please!")).toEqual(ranges);
    expect(shiftLiteralRanges(ranges, text, "Buy oat milk tomorrow please")).toEqual([{ start: 13, end: 21 }]);
    expect(shiftLiteralRanges(ranges, text, "Buy milk tomorow please")).toEqual([]);
    expect(shiftLiteralRanges(ranges, text, "Buy milk tomorrowx please")).toEqual(ranges);
    expect(shiftLiteralRanges(ranges, text, "Buy milk")).toEqual([]);
    expect(shiftLiteralRanges(ranges, text, text)).toEqual(ranges);
  });

  it("keeps every kept range on the same characters, for any edit", () => {
    const edit = fc.tuple(fc.string({ maxLength: 30 }), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }));
    fc.assert(
      fc.property(edit, ([before, a, b, inserted, pairs]) => {
        const from = Math.min(a, b) % (before.length + 1);
        const to = Math.min(before.length, from + (Math.max(a, b) % 4));
        const after = before.slice(0, from) + inserted + before.slice(to);
        const literal = pairs
          .map(([x, y]) => ({ start: Math.min(x, y) % (before.length + 1), end: Math.max(x, y) % (before.length + 1) }))
          .filter((range) => range.start < range.end);
        for (const range of shiftLiteralRanges(literal, before, after)) {
          const original = literal.find((r) => r.end - r.start === range.end - range.start && before.slice(r.start, r.end) === after.slice(range.start, range.end));
          expect(original).toBeDefined();
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThanOrEqual(after.length);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("adds a range once", () => {
    expect(addLiteralRange(ranges, { start: 9, end: 17 })).toEqual(ranges);
    expect(addLiteralRange(ranges, { start: 0, end: 3 })).toEqual([...ranges, { start: 0, end: 3 }]);
  });
});
