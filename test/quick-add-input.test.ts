import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuickAddInput } from "@/app/tasks/_components/QuickAddInput";
import { parseQuickAdd } from "@/lib/quick-add";

// The quick-add field as HTML: the real input keeps the text, the aria-hidden copy highlights the
// recognised parts, and the live region says them in words with a "Keep as text" button each.

const options = { now: new Date("2026-12-04T10:00:00Z"), timeZone: "Europe/Berlin", lists: [{ id: "home", name: "Home" }], labels: [] };

function render(value: string) {
  const noop = () => {};
  return renderToStaticMarkup(
    createElement(QuickAddInput, { id: "quick", label: "New task", value, onChange: noop, literal: [], onLiteralChange: noop, result: parseQuickAdd(value, options) }),
  );
}

describe("QuickAddInput", () => {
  it("keeps the typed text in the input and highlights the recognised parts behind it", () => {
    const html = render("Buy milk tomorrow #Home p1");
    expect(html).toContain('value="Buy milk tomorrow #Home p1"');
    expect(html).toMatch(/<div[^>]*aria-hidden="true"[^>]*><span>Buy milk <mark[^>]*>tomorrow<\/mark> <mark[^>]*>#Home<\/mark> <mark[^>]*>p1<\/mark><\/span><\/div>/);
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain("Due tomorrow");
    expect(html).toContain("List Home");
    expect(html).toContain("Priority high");
    expect(html.match(/>Keep as text</g)).toHaveLength(3);
    expect(html).toContain('aria-describedby="quick-recognised"');
  });

  it("says nothing when nothing was recognised", () => {
    const html = render("sun cream");
    expect(html).not.toContain("<mark");
    expect(html).toMatch(/<ul[^>]*id="quick-recognised" aria-live="polite"><\/ul>/);
  });
});
