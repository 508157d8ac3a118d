import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeDevice } from "@/lib/accounts/devices";

// The sessions list names each device from its User-Agent header, which any client can set to
// anything: real headers get a person's words, and any text gets a short name without failing.

describe("describeDevice", () => {
  it("names the browsers and systems of real User-Agent headers", () => {
    const examples: Array<[string, string]> = [
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows"],
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
      ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"],
      ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS"],
      ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome on iOS"],
      ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36", "Chrome on Android"],
      ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"],
      ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS"],
      ["curl/8.5.0", "Unknown device"],
    ];
    for (const [userAgent, name] of examples) expect(describeDevice(userAgent)).toBe(name);
    expect(describeDevice(null)).toBe("Unknown device");
  });

  it("gives any header, however long or strange, a short name", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5_000 }), fc.string({ unit: "binary", maxLength: 2_000 })), (userAgent) => {
        const name = describeDevice(userAgent);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 2_000 },
    );
  });
});
