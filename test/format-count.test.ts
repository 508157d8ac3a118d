import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/format-count";

// Counts on the task page and in messages: written exactly as en-US's own number format writes them.
describe("formatCount", () => {
  it("writes any whole number as Intl.NumberFormat('en-US') does", () => {
    const intl = new Intl.NumberFormat("en-US");
    const wholeNumber = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -100_000, max: 100_000 }));
    fc.assert(
      fc.property(wholeNumber, (n) => {
        expect(formatCount(n)).toBe(intl.format(n));
      }),
      { numRuns: 5_000 },
    );
    for (const n of [0, 1, 999, 1_000, 10_000, 999_999, 1_000_000, -1_000]) expect(formatCount(n)).toBe(intl.format(n));
  });
});
