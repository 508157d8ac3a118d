import { priorityOfToken } from "./parse";
import type { QuickAddResult, QuickAddSpan } from "./types";

/** A recognised part in words, for the live region under the input ("List Home", "Priority high"). */
export function describeSpan(span: QuickAddSpan, result: Pick<QuickAddResult, "time">): string {
  switch (span.kind) {
    case "date":
      return result.time === undefined ? `Due ${span.text}` : `At ${result.time}`;
    case "recurrence":
      return `Repeats ${span.text}`;
    case "list":
      return `List ${span.text.slice(1)}`;
    case "label":
      return `Label ${span.text.slice(1)}`;
    case "priority":
      return `Priority ${priorityOfToken(span.text)}`;
  }
}
