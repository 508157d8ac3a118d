import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDateInput, toDateInput } from "@/lib/client/due-dates";

// A due date is picked as a calendar day and stored as the last second of that day in the
// user's zone (their chosen one, else their browser's), whatever zone the browser itself is in.

const ZONES = Intl.supportedValuesOf("timeZone");

describe("due dates picked as days", () => {
  it("end at the last second of the day in the user's zone, across offsets and daylight saving", () => {
    expect(fromDateInput("2026-12-24", "Pacific/Kiritimati")).toBe("2026-12-24T09:59:59.000Z"); // UTC+14
    expect(fromDateInput("2026-12-24", "America/Los_Angeles")).toBe("2026-12-25T07:59:59.000Z"); // UTC-8
    expect(fromDateInput("2026-03-29", "Europe/Berlin")).toBe("2026-03-29T21:59:59.000Z"); // the day summer time starts
    expect(fromDateInput("2026-10-25", "Europe/Berlin")).toBe("2026-10-25T22:59:59.000Z"); // the day it ends
    expect(fromDateInput("2026-12-24", "Asia/Kolkata")).toBe("2026-12-24T18:29:59.000Z"); // a half-hour offset
    // Santiago's clocks went back from 24:00 to 23:00 that night: 23:59:59 came twice, the day ends at the second
    expect(fromDateInput("1972-03-11", "America/Santiago")).toBe("1972-03-12T03:59:59.000Z");
    // ...and forward from 00:00 to 01:00: the day ends at 23:59:59, an hour before 00:59:59 would be
    expect(fromDateInput("2026-09-05", "America/Santiago")).toBe("2026-09-06T03:59:59.000Z");
    expect(fromDateInput("", "UTC")).toBeNull();
    expect(toDateInput(null, "UTC")).toBe("");
  });

  it("read back as the same day in that zone, for any day and any zone", () => {
    const day = fc.date({ min: new Date("1900-01-02T00:00:00Z"), max: new Date("2200-12-30T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), (picked, zone) => {
        const stored = fromDateInput(picked, zone)!;
        expect(toDateInput(stored, zone)).toBe(picked);
        // The last second: one second later is the next day there.
        expect(toDateInput(new Date(Date.parse(stored) + 1000).toISOString(), zone)).not.toBe(picked);
      }),
      { numRuns: 2_000 },
    );
  });
});
