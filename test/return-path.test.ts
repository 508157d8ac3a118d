import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, isSignedInPage, safeReturnPath } from "@/lib/return-path";

// The return path after signing in (lib/return-path.ts) never leads off the app's origin, however
// the `next` parameter is crafted. Inputs are as the page receives them, i.e. after the query
// string's one percent-decoding; "%09" and the like are the cases encoded twice in the URL.

const ORIGIN = "https://tasks.example";

describe("safeReturnPath", () => {
  it.each([
    ["//evil.example"],
    ["//evil.example/tasks"],
    ["/\\evil.example/tasks"],
    ["\\\\evil.example/tasks"],
    ["/\t/evil.example/tasks"],
    ["/\r\n/evil.example/tasks"],
    ["\t//evil.example/tasks"],
    ["/%09/evil.example/"],
    ["/\tevil.example"],
    ["/%0d%0a/evil.example"],
    ["/%2F%2Fevil.example"],
    ["/%252F%252Fevil.example"],
    ["/%5Cevil.example"],
    ["https://evil.example"],
    ["https://evil.example/tasks"],
    ["https:evil.example/tasks"],
    ["https://tasks.example@evil.example/tasks"],
    ["https://evil.example\\@tasks.example/tasks"],
    ["https://tasks.example.evil.example/tasks"],
    ["http://tasks.example/tasks"],
    ["https://tasks.example:8443/tasks"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" java\tscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/tasks/../sign-in"],
    ["/"],
    ["/sign-in"],
    ["/taskser"],
    ["http://["],
    [""],
    [null],
    [undefined],
  ])("%j goes to /tasks", (input) => {
    expect(safeReturnPath(input, ORIGIN)).toBe(DEFAULT_RETURN_PATH);
  });

  it.each([
    ["/tasks", "/tasks"],
    ["/tasks?from=bookmark", "/tasks?from=bookmark"],
    ["/tasks/?q=a b#top", "/tasks/?q=a%20b#top"],
    ["https://tasks.example/tasks?x=1", "/tasks?x=1"],
    ["tasks", "/tasks"],
    ["\\tasks", "/tasks"],
    ["/ta\tsks", "/tasks"],
    ["/tasks\\evil.example", "/tasks/evil.example"],
    ["/tasks/./x/..", "/tasks/"],
    ["/tasks/..%2F..%2Fevil", "/tasks/..%2F..%2Fevil"],
    ["/tasks?next=//evil.example", "/tasks?next=//evil.example"],
  ])("%j is re-serialized as %j", (input, expected) => {
    expect(safeReturnPath(input, ORIGIN)).toBe(expected);
  });

  // Strings built from the pieces that parsers disagree on, plus arbitrary text and URLs.
  const tricky = fc
    .array(
      fc.constantFrom("/", "//", "\\", "\t", "\r", "\n", " ", "%09", "%2F", "%5C", "%25", ".", "..", ":", "@", "?", "#", "tasks", "evil.example", "tasks.example", "https:", "javascript:", "\u0000", "\u3002"),
      { maxLength: 12 },
    )
    .map((pieces) => pieces.join(""));
  const anyInput = fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 40 }), fc.webUrl({ withQueryParameters: true, withFragments: true }));

  it("for any input, returns a path on the app's origin, to a signed-in page, that is already safe", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = safeReturnPath(input, ORIGIN);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result.startsWith("/\\")).toBe(false);
        expect(result).not.toMatch(/[\t\r\n]/); // the parser drops them; a backslash may stay in the query
        const resolved = new URL(result, ORIGIN);
        expect(resolved.origin).toBe(ORIGIN);
        expect(isSignedInPage(resolved.pathname)).toBe(true);
        // A path with no origin of its own: it stays on whichever origin the browser is on.
        expect(new URL(result, "https://elsewhere.example").origin).toBe("https://elsewhere.example");
        expect(safeReturnPath(result, ORIGIN)).toBe(result);
      }),
      { numRuns: 2000 },
    );
  });

  it("for an accepted input, leads where the browser would have gone with the raw input", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = safeReturnPath(input, ORIGIN);
        if (result === DEFAULT_RETURN_PATH) return;
        const [went, wouldGo] = [new URL(result, ORIGIN), new URL(input, ORIGIN)];
        // An empty "?" or "#" is dropped: the same page, query and fragment.
        expect([went.pathname, went.search, went.hash]).toEqual([wouldGo.pathname, wouldGo.search, wouldGo.hash]);
      }),
      { numRuns: 2000 },
    );
  });
});
