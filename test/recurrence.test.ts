import fc from "fast-check";
import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { describeRule, firstDue, nextDue, parseRule, RULE_MAX_LENGTH, type Due, type Recurrence, type RecurrenceMode } from "@/lib/recurrence";

// Recurring tasks with fixed clocks: daylight saving time in zones that change at 02:00, at
// midnight (Santiago) and by half an hour (Lord Howe); month ends and the leap day; the two modes.
// Then properties over random rules, days and zones, checked against rrule-temporal's own reading
// of the same rule (through its RRULE text parser, not the options this module passes).

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Kiritimati"];

const every = (rule: string, mode: RecurrenceMode = "schedule"): Recurrence => ({ rule, mode });
/** A timed due at a wall time ("2026-03-28T02:30") in a zone. */
const timed = (wall: string, timeZone: string): Due => ({
  at: Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone).toInstant().toString(),
  timeZone,
});
/** A due as it reads: "2026-05-10" or the wall time with its offset, "2026-03-29T03:30+02:00". */
function reading(due: Due | null): string | null {
  if (due === null || "date" in due) return due?.date ?? null;
  return Temporal.Instant.from(due.at).toZonedDateTimeISO(due.timeZone).toString({ timeZoneName: "never", smallestUnit: "minute" });
}
/** The instant a wall time in a zone is (the user's clock when completing). */
const clock = (wall: string, timeZone: string) => new Date(Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone).epochMilliseconds);

function next(recurrence: Recurrence, due: Due, completedAt: Date, timeZone = "UTC", previous?: string): string | null {
  return reading(nextDue({ recurrence, due, completedAt, timeZone, previous }));
}

describe("nextDue across daylight saving time", () => {
  it.each([
    // Berlin springs forward at 02:00 on 2026-03-29: 02:30 does not exist that day and becomes 03:30.
    ["daily 02:30 into Berlin's gap", "FREQ=DAILY", "2026-03-28T02:30", "Europe/Berlin", "2026-03-29T03:30+02:00"],
    ["daily 02:30 before Berlin's gap", "FREQ=DAILY", "2026-03-27T02:30", "Europe/Berlin", "2026-03-28T02:30+01:00"],
    ["weekly 09:00 across Berlin's spring", "FREQ=WEEKLY;BYDAY=MO", "2026-03-23T09:00", "Europe/Berlin", "2026-03-30T09:00+02:00"],
    // Berlin falls back at 03:00 on 2026-10-25: 02:30 happens twice; the first one counts.
    ["daily 02:30 into Berlin's repeated hour", "FREQ=DAILY", "2026-10-24T02:30", "Europe/Berlin", "2026-10-25T02:30+02:00"],
    ["daily 02:30 after Berlin's repeated hour", "FREQ=DAILY", "2026-10-25T02:30", "Europe/Berlin", "2026-10-26T02:30+01:00"],
    ["weekly 09:00 across New York's spring", "FREQ=WEEKLY;BYDAY=MO", "2026-03-02T09:00", "America/New_York", "2026-03-09T09:00-04:00"],
    ["weekly 09:00 across New York's fall", "FREQ=WEEKLY;BYDAY=MO", "2026-10-26T09:00", "America/New_York", "2026-11-02T09:00-05:00"],
    ["daily 02:30 into New York's gap", "FREQ=DAILY", "2026-03-07T02:30", "America/New_York", "2026-03-08T03:30-04:00"],
    // Santiago springs forward at midnight (2026-09-06 starts at 01:00) and falls back at midnight.
    ["daily 00:30 into Santiago's gap at midnight", "FREQ=DAILY", "2026-09-05T00:30", "America/Santiago", "2026-09-06T01:30-03:00"],
    ["daily 23:30 into Santiago's repeated hour", "FREQ=DAILY", "2026-04-03T23:30", "America/Santiago", "2026-04-04T23:30-03:00"],
    ["daily 08:00 after Santiago's fall", "FREQ=DAILY", "2026-04-04T08:00", "America/Santiago", "2026-04-05T08:00-04:00"],
    // Lord Howe moves by 30 minutes at 02:00: 02:15 does not exist on 2026-10-04, 01:45 twice on 2026-04-05.
    ["daily 02:15 into Lord Howe's half-hour gap", "FREQ=DAILY", "2026-10-03T02:15", "Australia/Lord_Howe", "2026-10-04T02:45+11:00"],
    ["daily 01:45 into Lord Howe's repeated half hour", "FREQ=DAILY", "2026-04-04T01:45", "Australia/Lord_Howe", "2026-04-05T01:45+11:00"],
    ["daily 01:45 after Lord Howe's fall", "FREQ=DAILY", "2026-04-05T01:45", "Australia/Lord_Howe", "2026-04-06T01:45+10:30"],
  ])("%s", (_name, rule, wall, timeZone, expected) => {
    const due = timed(wall, timeZone);
    // Completed on its day, just after it was due.
    const completedAt = new Date(Date.parse((due as { at: string }).at) + 60_000);
    expect(next(every(rule), due, completedAt, timeZone)).toBe(expected);
  });

  it("keeps each due's own zone, whatever the user's zone is", () => {
    const due = timed("2026-03-27T09:00", "America/New_York");
    expect(next(every("FREQ=DAILY"), due, clock("2026-03-27T16:00", "Asia/Tokyo"), "Asia/Tokyo")).toBe("2026-03-28T09:00-04:00");
  });

  it("goes back to its time after the gap moved it: a daily 02:30 is due 03:30 on the spring-forward day, then 02:30 again", () => {
    const before = timed("2026-03-28T02:30", "Europe/Berlin") as { at: string; timeZone: string };
    const inGap = nextDue({ recurrence: every("FREQ=DAILY"), due: before, completedAt: clock("2026-03-28T09:00", "Europe/Berlin"), timeZone: "Europe/Berlin" })!;
    expect(reading(inGap)).toBe("2026-03-29T03:30+02:00");
    expect(next(every("FREQ=DAILY"), inGap, clock("2026-03-29T09:00", "Europe/Berlin"), "Europe/Berlin", before.at)).toBe("2026-03-30T02:30+02:00");
    // The same in a half-hour gap (Lord Howe): 02:15 is 02:45 on 2026-10-04, then 02:15 again.
    const lordHowe = timed("2026-10-03T02:15", "Australia/Lord_Howe") as { at: string; timeZone: string };
    const shifted = nextDue({ recurrence: every("FREQ=DAILY"), due: lordHowe, completedAt: clock("2026-10-03T09:00", "Australia/Lord_Howe"), timeZone: "Australia/Lord_Howe" })!;
    expect(next(every("FREQ=DAILY"), shifted, clock("2026-10-04T09:00", "Australia/Lord_Howe"), "Australia/Lord_Howe", lordHowe.at)).toBe("2026-10-05T02:15+11:00");
  });

  it("keeps the time of a due moved by hand: into the gap with no occurrence completed before, or to another time", () => {
    const movedIntoGap = timed("2026-03-29T02:30", "Europe/Berlin");
    expect(reading(movedIntoGap)).toBe("2026-03-29T03:30+02:00");
    expect(next(every("FREQ=DAILY"), movedIntoGap, clock("2026-03-29T09:00", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-30T03:30+02:00");
    const movedToTen = timed("2026-03-29T10:00", "Europe/Berlin");
    const earlier = (timed("2026-03-28T02:30", "Europe/Berlin") as { at: string }).at;
    expect(next(every("FREQ=DAILY"), movedToTen, clock("2026-03-29T11:00", "Europe/Berlin"), "Europe/Berlin", earlier)).toBe("2026-03-30T10:00+02:00");
    // A whole day's occurrence before a timed due says nothing about its time.
    expect(next(every("FREQ=DAILY"), movedToTen, clock("2026-03-29T11:00", "Europe/Berlin"), "Europe/Berlin", "2026-03-28")).toBe("2026-03-30T10:00+02:00");
  });
});

describe("nextDue at month ends and the leap day", () => {
  const onTime = (date: string) => clock(`${date}T12:00`, "UTC");
  it.each([
    ["every 31st in April", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2026-03-31", "2026-04-30"],
    ["every 31st back to the 31st", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2026-04-30", "2026-05-31"],
    ["every 31st in February", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2026-01-31", "2026-02-28"],
    ["every 31st in a leap February", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2028-01-31", "2028-02-29"],
    ["every 30th in February", "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "2026-01-30", "2026-02-28"],
    ["every last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", "2026-02-28"],
    ["every last day after February", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-02-28", "2026-03-31"],
    ["every last Friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30", "2026-02-27"],
    ["every second Monday", "FREQ=MONTHLY;BYDAY=2MO", "2026-01-12", "2026-02-09"],
    // The day taken from a due on the 29th-31st falls back to the month's last day (not skipped).
    ["every month from the 31st", "FREQ=MONTHLY", "2026-01-31", "2026-02-28"],
    ["every 2 months from the 31st", "FREQ=MONTHLY;INTERVAL=2", "2026-08-31", "2026-10-31"],
    ["every month from the 28th stays on the 28th", "FREQ=MONTHLY", "2026-02-28", "2026-03-28"],
    // Leap day: "every year" from Feb 29 is due Feb 28 in common years (RFC 5545 would skip 4 years).
    ["every year from Feb 29", "FREQ=YEARLY", "2028-02-29", "2029-02-28"],
    ["every year from Feb 28 after that", "FREQ=YEARLY", "2031-02-28", "2032-02-28"],
    ["every Feb 29 or its last day", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", "2031-02-28", "2032-02-29"],
    ["every Feb 29 only, as RFC 5545 reads it", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", "2032-02-29"],
  ])("%s", (_name, rule, date, expected) => {
    expect(next(every(rule), { date }, onTime(date))).toBe(expected);
  });
});

describe("nextDue on the schedule and from completion", () => {
  it("moves an overdue task to the first occurrence from the day of completion, without replaying missed ones", () => {
    expect(next(every("FREQ=DAILY"), { date: "2026-05-01" }, clock("2026-05-10T18:00", "UTC"))).toBe("2026-05-10");
    expect(next(every("FREQ=WEEKLY;BYDAY=MO"), { date: "2026-05-04" }, clock("2026-05-13T18:00", "UTC"))).toBe("2026-05-18");
  });

  it("moves an early completion to the occurrence after the current one", () => {
    expect(next(every("FREQ=WEEKLY;BYDAY=MO"), { date: "2026-05-18" }, clock("2026-05-13T18:00", "UTC"))).toBe("2026-05-25");
    expect(next(every("FREQ=DAILY"), timed("2026-05-20T09:00", "Europe/Berlin"), clock("2026-05-13T18:00", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-05-21T09:00+02:00");
  });

  it("keeps the phase of every 2 weeks, on time and overdue", () => {
    const rule = every("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
    expect(next(rule, { date: "2026-01-05" }, clock("2026-01-05T10:00", "UTC"))).toBe("2026-01-19");
    expect(next(rule, { date: "2026-01-05" }, clock("2026-01-21T10:00", "UTC"))).toBe("2026-02-02");
    expect(next(rule, { date: "2026-01-05" }, clock("2026-02-02T10:00", "UTC"))).toBe("2026-02-02");
  });

  it("counts from the completion's day in the user's zone, also at 23:30 when UTC is already tomorrow", () => {
    const threeDays = every("FREQ=DAILY;INTERVAL=3", "completion");
    const lateEvening = clock("2026-05-10T23:30", "America/New_York"); // 2026-05-11T03:30Z
    expect(next(threeDays, { date: "2026-05-01" }, lateEvening, "America/New_York")).toBe("2026-05-13");
    expect(next(threeDays, { date: "2026-05-01" }, lateEvening, "UTC")).toBe("2026-05-14");
    const justAfterMidnight = clock("2026-05-11T00:30", "Europe/Berlin"); // 2026-05-10T22:30Z
    expect(next(threeDays, timed("2026-05-20T07:15", "Europe/Berlin"), justAfterMidnight, "Europe/Berlin")).toBe("2026-05-14T07:15+02:00");
  });

  it("goes to the next matching day after completion, from completion", () => {
    expect(next(every("FREQ=WEEKLY;BYDAY=MO", "completion"), { date: "2026-05-04" }, clock("2026-05-11T08:00", "UTC"))).toBe("2026-05-18");
    expect(next(every("FREQ=MONTHLY", "completion"), { date: "2026-01-01" }, clock("2026-01-31T08:00", "UTC"))).toBe("2026-02-28");
  });

  it("ends when UNTIL is passed", () => {
    const rule = every("FREQ=DAILY;UNTIL=20260510");
    expect(next(rule, { date: "2026-05-09" }, clock("2026-05-09T08:00", "UTC"))).toBe("2026-05-10");
    expect(next(rule, { date: "2026-05-10" }, clock("2026-05-10T08:00", "UTC"))).toBeNull();
    expect(next(every("FREQ=WEEKLY;BYDAY=MO;UNTIL=20260517"), timed("2026-05-11T09:00", "Europe/Berlin"), clock("2026-05-11T10:00", "UTC"))).toBeNull();
    expect(next(every("FREQ=DAILY;UNTIL=20260510", "completion"), { date: "2026-05-01" }, clock("2026-05-10T08:00", "UTC"))).toBeNull();
  });

  it("refuses a rule it would not accept", () => {
    expect(() => nextDue({ recurrence: every("FREQ=DAILY;COUNT=3"), due: { date: "2026-05-01" }, completedAt: new Date(), timeZone: "UTC" })).toThrow(/COUNT/);
  });
});

describe("firstDue", () => {
  it.each([
    ["a matching today", "FREQ=DAILY", "2026-01-07", undefined, "UTC", "2026-01-07"],
    ["the next Monday", "FREQ=WEEKLY;BYDAY=MO", "2026-01-07", undefined, "UTC", "2026-01-12"],
    ["the next Monday at 09:00 in New York", "FREQ=WEEKLY;BYDAY=MO", "2026-01-07", "09:00", "America/New_York", "2026-01-12T09:00-05:00"],
    ["a time in the gap", "FREQ=DAILY", "2026-03-29", "02:30", "Europe/Berlin", "2026-03-29T03:30+02:00"],
    ["this month's last Friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-01-07", undefined, "UTC", "2026-01-30"],
    ["the 31st or last day", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2026-02-01", undefined, "UTC", "2026-02-28"],
    ["today from completion", "FREQ=DAILY;INTERVAL=3", "2026-01-07", undefined, "UTC", "2026-01-07"],
  ])("%s", (_name, rule, today, time, timeZone, expected) => {
    expect(reading(firstDue(every(rule), { today, time, timeZone }))).toBe(expected);
  });

  it("is null once UNTIL has passed", () => {
    expect(firstDue(every("FREQ=DAILY;UNTIL=20260101"), { today: "2026-01-07", timeZone: "UTC" })).toBeNull();
  });
});

describe("parseRule", () => {
  it.each([
    ["FREQ=DAILY", "FREQ=DAILY"],
    ["freq=weekly;byday=fr,mo", "FREQ=WEEKLY;BYDAY=MO,FR"],
    ["RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,MO", "FREQ=WEEKLY;BYDAY=MO"],
    ["BYDAY=MO;FREQ=WEEKLY;INTERVAL=2;WKST=SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU"],
    ["FREQ=MONTHLY;BYMONTHDAY=31,30,29,28;BYSETPOS=-1", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR"],
    ["FREQ=MONTHLY;BYDAY=+2MO", "FREQ=MONTHLY;BYDAY=2MO"],
    ["FREQ=YEARLY;BYMONTH=5;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=5;BYDAY=2SU"],
    ["FREQ=YEARLY;BYDAY=20MO", "FREQ=YEARLY;BYDAY=20MO"],
    ["FREQ=MONTHLY;BYMONTHDAY=-31,1,15", "FREQ=MONTHLY;BYMONTHDAY=-31,1,15"],
    ["FREQ=DAILY;INTERVAL=999;UNTIL=20301231", "FREQ=DAILY;INTERVAL=999;UNTIL=20301231"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"],
    ["FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"],
    ["FREQ=YEARLY;INTERVAL=2;BYMONTH=5;BYDAY=2SU", "FREQ=YEARLY;INTERVAL=2;BYMONTH=5;BYDAY=2SU"],
  ])("accepts %s as %s", (text, rule) => {
    expect(parseRule(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ["", /empty/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /DTSTART/],
    ["FREQ=DAILY;DTSTART=20260101", /DTSTART/],
    ["FREQ=HOURLY", /at most daily: FREQ=HOURLY/],
    ["FREQ=MINUTELY", /FREQ=MINUTELY/],
    ["FREQ=SECONDLY", /FREQ=SECONDLY/],
    ["FREQ=FORTNIGHTLY", /FREQ must be/],
    ["INTERVAL=2", /needs FREQ/],
    ["FREQ=DAILY;INTERVAL=0", /INTERVAL must be a whole number from 1 to 999/],
    ["FREQ=DAILY;INTERVAL=1000", /INTERVAL/],
    ["FREQ=DAILY;INTERVAL=1.5", /INTERVAL/],
    ["FREQ=DAILY;COUNT=5", /COUNT is not supported.*UNTIL/],
    ["FREQ=DAILY;COUNT=5;UNTIL=20260101", /COUNT/],
    ["FREQ=DAILY;FREQ=WEEKLY", /FREQ appears more than once/],
    ["FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", /BYDAY appears more than once/],
    ["FREQ=DAILY;COLOR=RED", /Unknown rule part COLOR/],
    ["FREQ=DAILY;BYHOUR=9", /BYHOUR/],
    ["FREQ=YEARLY;BYWEEKNO=20", /BYWEEKNO/],
    ["FREQ=YEARLY;BYYEARDAY=100", /BYYEARDAY/],
    ["FREQ=DAILY;", /empty part/],
    ["FREQ=DAILY;;BYDAY=MO", /empty part/],
    ["FREQ DAILY", /not a NAME=VALUE/],
    ["FREQ=WEEKLY;BYDAY=MONDAY", /BYDAY takes weekdays/],
    ["FREQ=WEEKLY;BYDAY=XX", /BYDAY takes the weekdays/],
    ["FREQ=WEEKLY;BYDAY=-1FR", /needs FREQ=MONTHLY or FREQ=YEARLY/],
    ["FREQ=MONTHLY;BYDAY=6MO", /between -5 and 5/],
    ["FREQ=MONTHLY;BYDAY=0MO", /not 0/],
    ["FREQ=MONTHLY;BYMONTHDAY=0", /between -31 and 31, and not 0; got 0/],
    ["FREQ=MONTHLY;BYMONTHDAY=32", /got 32/],
    ["FREQ=MONTHLY;BYMONTHDAY=1,,2", /whole numbers/],
    ["FREQ=WEEKLY;BYMONTHDAY=1", /FREQ=WEEKLY/],
    ["FREQ=YEARLY;BYMONTH=13", /BYMONTH values must be between 1 and 12/],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", /never happens/],
    ["FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2", /never happens/],
    ["FREQ=MONTHLY;BYSETPOS=-1", /BYSETPOS needs BYDAY or BYMONTHDAY/],
    ["FREQ=MONTHLY;BYMONTH=2;BYSETPOS=1", /BYSETPOS needs BYDAY or BYMONTHDAY/],
    ["FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=-1", /BYSETPOS needs FREQ=MONTHLY/],
    ["FREQ=YEARLY;BYMONTH=1,7", /several months needs BYMONTHDAY or BYDAY/],
    // With an interval, whether some periods are ever visited would depend on the start date.
    ["FREQ=DAILY;INTERVAL=7;BYDAY=MO", /daily rule with INTERVAL above 1/],
    ["FREQ=WEEKLY;INTERVAL=2;BYMONTH=1", /weekly rule with INTERVAL above 1/],
    ["FREQ=MONTHLY;INTERVAL=2;BYMONTH=1", /INTERVAL=2 the rule must happen in every month/],
    ["FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31", /INTERVAL=12 the rule must happen in every month/],
    ["FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", /INTERVAL=4 the rule must happen in every year/],
    ["FREQ=DAILY;UNTIL=20260230", /not a date in the calendar/],
    ["FREQ=DAILY;UNTIL=20260101T000000Z", /UNTIL must be a date written YYYYMMDD/],
    ["FREQ=WEEKLY;WKST=XX", /WKST takes the weekdays/],
    [`FREQ=WEEKLY;BYDAY=${"MO,".repeat(70)}MO`, new RegExp(`longer than ${RULE_MAX_LENGTH}`)],
  ])("rejects %j", (text, message) => {
    const parsed = parseRule(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).toMatch(message);
  });
});

describe("describeRule", () => {
  it.each([
    ["FREQ=DAILY", "schedule", "every day"],
    ["FREQ=DAILY;INTERVAL=2", "schedule", "every 2 days"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "schedule", "every weekday"],
    ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "schedule", "every weekday"],
    ["FREQ=WEEKLY", "schedule", "every week"],
    ["FREQ=WEEKLY;BYDAY=MO", "schedule", "every Monday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "schedule", "every Monday, Wednesday and Friday"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "schedule", "every 2 weeks on Monday"],
    ["FREQ=MONTHLY", "schedule", "every month"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "schedule", "every month on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=2MO", "schedule", "every month on the second Monday"],
    ["FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "schedule", "every month on the 31st or its last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "schedule", "every month on the last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=1,15", "schedule", "every month on the 1st and the 15th"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "schedule", "every month on the last weekday"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22", "schedule", "every 3 months on the 22nd"],
    ["FREQ=YEARLY", "schedule", "every year"],
    ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", "schedule", "every year on March 15"],
    ["FREQ=YEARLY;BYMONTH=5;BYDAY=2SU", "schedule", "every year on the second Sunday of May"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", "schedule", "every year on February 29th or its last day"],
    ["FREQ=DAILY;INTERVAL=3", "completion", "3 days after each completion"],
    ["FREQ=WEEKLY", "completion", "a week after each completion"],
    ["FREQ=WEEKLY;BYDAY=MO", "completion", "every Monday, counted from each completion"],
    ["FREQ=DAILY;UNTIL=20261231", "schedule", "every day, until December 31, 2026"],
    // Valid rules without words of their own still say how often.
    ["FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYSETPOS=2", "schedule", "every month, by a custom rule"],
    ["FREQ=DAILY;BYMONTH=1", "schedule", "every day, by a custom rule"],
    ["FREQ=YEARLY;BYDAY=20MO", "schedule", "every year, by a custom rule"],
    ["FREQ=HOURLY", "schedule", "repeats by a rule that is not understood"],
  ] as const)("%s (%s) reads %j", (rule, mode, words) => {
    expect(describeRule({ rule, mode })).toBe(words);
  });
});

describe("properties", () => {
  const weekday = fc.constantFrom("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  const ruleText = fc
    .record({
      freq: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
      interval: fc.integer({ min: 1, max: 6 }),
      byDay: fc.option(fc.uniqueArray(fc.tuple(fc.option(fc.constantFrom(-2, -1, 1, 2, 3, 4), { freq: 2 }), weekday), { minLength: 1, maxLength: 3 })),
      byMonthDay: fc.option(fc.uniqueArray(fc.integer({ min: -31, max: 31 }).filter((day) => day !== 0), { minLength: 1, maxLength: 3 })),
      byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 2 }), { freq: 3 }),
      bySetPos: fc.option(fc.constantFrom(-1, 1, 2), { freq: 3 }),
      until: fc.option(fc.date({ min: new Date("2000-01-01"), max: new Date("2070-01-01"), noInvalidDate: true }), { freq: 4 }),
    })
    .map((rule) =>
      [
        `FREQ=${rule.freq}`,
        `INTERVAL=${rule.interval}`,
        rule.byDay && `BYDAY=${rule.byDay.map(([ordinal, day]) => `${ordinal ?? ""}${day}`).join(",")}`,
        rule.byMonthDay && `BYMONTHDAY=${rule.byMonthDay.join(",")}`,
        rule.byMonth && `BYMONTH=${rule.byMonth.join(",")}`,
        rule.bySetPos && `BYSETPOS=${rule.bySetPos}`,
        rule.until && `UNTIL=${rule.until.toISOString().slice(0, 10).replaceAll("-", "")}`,
      ]
        .filter(Boolean)
        .join(";"),
    )
    .map(parseRule)
    .filter((parsed) => parsed.ok)
    .map((parsed) => (parsed.ok ? parsed.rule : ""));
  const date = fc.integer({ min: 0, max: 365 * 50 }).map((days) => Temporal.PlainDate.from("2000-01-01").add({ days }));
  const wallTime = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 15, 30, 45) }).map((time) => Temporal.PlainTime.from(time));
  const zone = fc.constantFrom(...ZONES);
  const input = fc.record({
    rule: ruleText,
    mode: fc.constantFrom<RecurrenceMode>("schedule", "completion"),
    dueOn: date,
    dueTime: fc.option(wallTime),
    dueZone: zone,
    completedAfterDays: fc.integer({ min: -60, max: 60 }),
    completedAtMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    userZone: zone,
  });

  type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
  function scenario(value: Input) {
    const due: Due = value.dueTime
      ? { at: value.dueOn.toPlainDateTime(value.dueTime).toZonedDateTime(value.dueZone).toInstant().toString(), timeZone: value.dueZone }
      : { date: value.dueOn.toString() };
    const completedOn = value.dueOn.add({ days: value.completedAfterDays });
    const completedAt = new Date(completedOn.toZonedDateTime(value.userZone).add({ minutes: value.completedAtMinute }).epochMilliseconds);
    const recurrence = { rule: value.rule, mode: value.mode };
    return { due, recurrence, completedAt, completedOn: Temporal.Instant.fromEpochMilliseconds(completedAt.getTime()).toZonedDateTimeISO(value.userZone).toPlainDate(), timeZone: value.userZone };
  }
  const local = (due: Due) => ("date" in due ? Temporal.PlainDate.from(due.date).toPlainDateTime() : Temporal.Instant.from(due.at).toZonedDateTimeISO(due.timeZone).toPlainDateTime());

  /** The rule's dates from `anchor` up to `last`, as rrule-temporal reads the text with a DATE start. */
  function occurrences(rule: string, anchor: Temporal.PlainDate, last: Temporal.PlainDate): string[] {
    const text = `DTSTART;VALUE=DATE:${anchor.toString().replaceAll("-", "")}\nRRULE:${rule.replace(/;UNTIL=\d+/, "")}`;
    const expansion = new RRuleTemporal({ rruleString: text, temporal: Temporal });
    const start = anchor.toZonedDateTime("UTC");
    return expansion.between(start, last.toZonedDateTime("UTC"), true).map((zoned) => zoned.toPlainDate().toString());
  }
  /** Whether the rule takes its day from the anchor, which this module moves to month ends (see occurrences.ts). */
  const clampsMonthEnd = (rule: string, anchor: Temporal.PlainDate) => /MONTHLY|YEARLY/.test(rule) && !/BYDAY|BYMONTHDAY/.test(rule) && anchor.day > 28;

  it("is due after the due's day (schedule) and after or on the completion's day, as the first such occurrence of the rule", () => {
    fc.assert(
      fc.property(input, (value) => {
        const { due, recurrence, completedAt, completedOn, timeZone } = scenario(value);
        const result = nextDue({ recurrence, due, completedAt, timeZone });
        const dueOn = local(due).toPlainDate();
        const anchor = recurrence.mode === "schedule" ? dueOn : completedOn;
        const until = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(recurrence.rule);
        if (result === null) {
          // Exhausted: only UNTIL ends a rule.
          expect(until).not.toBeNull();
          return;
        }
        const resultOn = local(result).toPlainDate();
        if (recurrence.mode === "schedule") {
          expect(Temporal.PlainDate.compare(resultOn, dueOn)).toBe(1);
          expect(Temporal.PlainDate.compare(resultOn, completedOn)).toBeGreaterThanOrEqual(0);
        } else {
          expect(Temporal.PlainDate.compare(resultOn, completedOn)).toBe(1);
        }
        if (until) expect(Temporal.PlainDate.compare(resultOn, Temporal.PlainDate.from(`${until[1]}-${until[2]}-${until[3]}`))).toBeLessThanOrEqual(0);
        if (clampsMonthEnd(recurrence.rule, anchor)) return;
        // An occurrence from the anchor, and no earlier one was allowed.
        const dates = occurrences(recurrence.rule, anchor, resultOn);
        expect(dates.at(-1)).toBe(resultOn.toString());
        const lowest = recurrence.mode === "schedule" ? (Temporal.PlainDate.compare(completedOn, dueOn) > 0 ? completedOn : dueOn.add({ days: 1 })) : completedOn.add({ days: 1 });
        expect(dates.filter((day) => day >= lowest.toString())).toEqual([resultOn.toString()]);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer for the same input, keeps all-day all-day and timed at its wall time unless that falls in a gap", () => {
    fc.assert(
      fc.property(input, (value) => {
        const { due, recurrence, completedAt, timeZone } = scenario(value);
        const result = nextDue({ recurrence, due, completedAt, timeZone });
        expect(nextDue({ recurrence, due: structuredClone(due), completedAt: new Date(completedAt), timeZone })).toEqual(result);
        if (result === null) return;
        if ("date" in due) {
          expect(Object.keys(result)).toEqual(["date"]);
          return;
        }
        expect(result).toMatchObject({ timeZone: due.timeZone });
        const dueTime = local(due).toPlainTime();
        const resultTime = local(result).toPlainTime();
        if (!resultTime.equals(dueTime)) {
          const wanted = local(result).toPlainDate().toPlainDateTime(dueTime);
          expect(() => wanted.toZonedDateTime(due.timeZone, { disambiguation: "reject" })).toThrow(RangeError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("describes every valid rule without throwing", () => {
    fc.assert(
      fc.property(ruleText, fc.constantFrom<RecurrenceMode>("schedule", "completion"), (rule, mode) => {
        expect(describeRule({ rule, mode })).toMatch(/^(every|a |\d)/);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts its own normal form unchanged", () => {
    fc.assert(
      fc.property(ruleText, (rule) => {
        expect(parseRule(rule)).toEqual({ ok: true, rule });
      }),
      { numRuns: 300 },
    );
  });
});
