export { parseQuickAdd, normaliseSpaces, priorityOfToken } from "./parse";
export { describeSpan } from "./describe";
export { addLiteralRange, shiftLiteralRanges } from "./literal";
export type * from "./types";
