export { parseQuickAdd, normaliseSpaces } from "./parse";
export type * from "./types";
