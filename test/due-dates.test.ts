import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dueDay, dueFromInputs, dueInputs, isOverdue } from "@/lib/client/due-dates";
import { legacyDue } from "@/lib/tasks/due";

// A due is a whole day (no zone) or a moment on a zone's clock. The forms pick a day and, if the
// user wants, a time, in the user's zone; the list shows them back in that zone.

const ZONES = Intl.supportedValuesOf("timeZone");
const day = fc.date({ min: new Date("1900-01-02T00:00:00Z"), max: new Date("2200-12-30T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

describe("a due picked in the forms", () => {
  it("is a whole day without a time, and a moment in the user's zone with one", () => {
    expect(dueFromInputs("", "", "Europe/Berlin")).toEqual({ dueDate: null, dueAt: null });
    expect(dueFromInputs("2026-12-24", "", "Europe/Berlin")).toEqual({ dueDate: "2026-12-24", dueAt: null });
    expect(dueFromInputs("2026-12-24", "17:00", "Europe/Berlin")).toEqual({ dueDate: null, dueAt: "2026-12-24T16:00:00.000Z", dueTimeZone: "Europe/Berlin" });
    expect(dueFromInputs("2026-07-24", "17:00", "Europe/Berlin")).toEqual({ dueDate: null, dueAt: "2026-07-24T15:00:00.000Z", dueTimeZone: "Europe/Berlin" });
    // 02:30 does not exist in Berlin on 2026-03-29 (02:00 → 03:00): read an hour later, as calendars do.
    expect(dueFromInputs("2026-03-29", "02:30", "Europe/Berlin").dueAt).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 2026-10-25: the first one.
    expect(dueFromInputs("2026-10-25", "02:30", "Europe/Berlin").dueAt).toBe("2026-10-25T00:30:00.000Z");
  });

  it("reads back as the same day and time in that zone, wherever the clocks do not skip it", () => {
    fc.assert(
      fc.property(day, time, fc.constantFrom(...ZONES), (picked, clock, zone) => {
        const due = dueFromInputs(picked, clock, zone);
        const wall = Temporal.Instant.from(due.dueAt!).toZonedDateTimeISO(zone).toPlainDateTime();
        const skipped = wall.toString().slice(0, 16) !== `${picked}T${clock}`;
        if (!skipped) expect(dueInputs({ dueDate: null, dueAt: due.dueAt }, zone)).toEqual({ day: picked, time: clock });
        expect(dueInputs({ dueDate: picked, dueAt: null }, zone)).toEqual({ day: picked, time: "" });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("a due in the list", () => {
  const now = new Date("2026-12-24T22:30:00Z"); // 23:30 in Berlin, already the 25th in Tokyo

  it("falls on the day its moment reads in the user's zone; a whole day is that day everywhere", () => {
    expect(dueDay({ dueDate: "2026-12-24", dueAt: null }, "Asia/Tokyo")).toBe("2026-12-24");
    expect(dueDay({ dueDate: null, dueAt: "2026-12-24T22:30:00Z" }, "Europe/Berlin")).toBe("2026-12-24");
    expect(dueDay({ dueDate: null, dueAt: "2026-12-24T22:30:00Z" }, "Asia/Tokyo")).toBe("2026-12-25");
    expect(dueDay({ dueDate: null, dueAt: null }, "UTC")).toBeNull();
  });

  it("is overdue once its day is over in the user's zone, or once its moment has passed", () => {
    const task = (due: { dueDate: string | null; dueAt: string | null }, completed = false) => ({ ...due, completed });
    expect(isOverdue(task({ dueDate: "2026-12-24", dueAt: null }), now, "Europe/Berlin")).toBe(false);
    expect(isOverdue(task({ dueDate: "2026-12-24", dueAt: null }), now, "Asia/Tokyo")).toBe(true);
    expect(isOverdue(task({ dueDate: null, dueAt: "2026-12-24T22:29:59Z" }), now, "Europe/Berlin")).toBe(true);
    expect(isOverdue(task({ dueDate: null, dueAt: "2026-12-24T22:30:01Z" }), now, "Europe/Berlin")).toBe(false);
    expect(isOverdue(task({ dueDate: "2026-12-01", dueAt: null }, true), now, "UTC")).toBe(false);
  });
});

describe("a due date stored before whole days and moments (an export of version 1)", () => {
  /** The instant the old forms stored for a picked day: the second before the next day began in the zone. */
  const oldEndOfDay = (picked: string, zone: string) =>
    new Date(Temporal.PlainDate.from(picked).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds - 1000);

  it("is the day the forms picked when it was that day's last second, and a moment otherwise", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), (picked, zone) => {
        expect(legacyDue(oldEndOfDay(picked, zone), zone)).toEqual({ dueDate: picked });
      }),
      { numRuns: 2_000 },
    );
    // A day that ended before 23:59:59: Lisbon's clocks jumped from 23:00 to 01:00 (found by the property above).
    expect(legacyDue(oldEndOfDay("1945-04-21", "Europe/Lisbon"), "Europe/Lisbon")).toEqual({ dueDate: "1945-04-21" });
    const noon = new Date("2026-12-31T17:00:00Z");
    expect(legacyDue(noon, "Europe/Berlin")).toEqual({ dueAt: noon, dueTimeZone: "Europe/Berlin" });
  });
});
