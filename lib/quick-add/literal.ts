import type { LiteralRange } from "./types";

/**
 * Literal ranges carried over an edit of the text from `before` to `after`. The edit is the part
 * between the longest common prefix and suffix: a range wholly before it stays, one wholly after
 * it moves by the change in length, one the edit touches inside is dropped (the words changed, so
 * the user's "keep as text" no longer applies). Typing right after a range keeps it.
 */
export function shiftLiteralRanges(ranges: readonly LiteralRange[], before: string, after: string): LiteralRange[] {
  if (before === after) return [...ranges];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: LiteralRange[] = [];
  for (const range of ranges) {
    if (range.end <= prefix) kept.push(range);
    else if (range.start >= editEnd) kept.push({ start: range.start + delta, end: range.end + delta });
  }
  return kept;
}

/** `ranges` plus one, unless an equal range is already there. */
export function addLiteralRange(ranges: readonly LiteralRange[], range: LiteralRange): LiteralRange[] {
  return ranges.some((r) => r.start === range.start && r.end === range.end) ? [...ranges] : [...ranges, range];
}
