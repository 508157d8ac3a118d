import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeDay, validTimeZone } from "@/lib/client/relative-date";

// Due dates in words, in the user's zone. The words must follow the calendar of that zone, not
// UTC's and not the machine's: checked against days counted independently, for any instant and
// a spread of zones (half-hour offsets, the date line, daylight saving time).

const ZONES = ["UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe"];
const DAY = 86_400_000;
const instant = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true });

/** yyyy-mm-dd of the instant in the zone, by a different route than the code under test. */
const calendarDay = (date: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
const dayNumber = (date: Date, timeZone: string) => Date.parse(`${calendarDay(date, timeZone)}T00:00:00Z`) / DAY;

describe("describeDay", () => {
  it("says Today, Tomorrow, Yesterday or a weekday exactly when the zone's calendar says so", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -10 * DAY, max: 10 * DAY }), fc.constantFrom(...ZONES), (now, offset, zone) => {
        const due = new Date(now.getTime() + offset);
        const days = dayNumber(due, zone) - dayNumber(now, zone);
        const words = describeDay(calendarDay(due, zone), now, zone);
        if (days === 0) expect(words).toBe("Today");
        else if (days === 1) expect(words).toBe("Tomorrow");
        else if (days === -1) expect(words).toBe("Yesterday");
        else if (days > 1 && days < 7) expect(words).toBe(new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "long" }).format(due));
        else expect(words).toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}(, \d{4})?$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it("names the year only when it is not this year", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(describeDay("2026-12-25", now, "UTC")).toBe("Fri, Dec 25");
    expect(describeDay("2027-01-15", now, "UTC")).toBe("Fri, Jan 15, 2027");
  });

  it("counts from today in the zone, not UTC's: at 23:30 UTC on the 2nd, it is already the 3rd in Berlin", () => {
    const now = new Date("2026-12-02T23:30:00Z");
    expect(describeDay("2026-12-03", now, "UTC")).toBe("Tomorrow");
    expect(describeDay("2026-12-03", now, "Europe/Berlin")).toBe("Today");
  });
});

describe("validTimeZone", () => {
  it("keeps a zone the runtime knows and falls back to UTC for anything else a cookie may hold", () => {
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof validTimeZone(text)).toBe("string");
      }),
    );
    expect(validTimeZone("Not/AZone")).toBe("UTC");
    expect(validTimeZone(undefined)).toBe("UTC");
  });
});
