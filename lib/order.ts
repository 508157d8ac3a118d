import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

// Manual order. Each task and list holds a fractional key (fractional-indexing): a new key fits
// between any two without renumbering the rest. Keys compare byte by byte: the columns use the
// "C" collation (their migration), and code compares with <, never localeCompare. Only the
// server makes keys, while it holds the user's write lock (lib/user-lock.ts), from the current
// neighbours: two tabs moving tasks at once each get a key of their own, never the same one.

/** A key between two neighbours, either of which may be absent (null): first, last or alone. */
export const keyBetween = (before: string | null, after: string | null): string => generateKeyBetween(before, after);

/** `count` keys in order after `last` (null: from the start). */
export const keysAfter = (last: string | null, count: number): string[] => generateNKeysBetween(last, null, count);

/** What a key can look like (base-62 digits), for checking one that comes back in a cursor. */
export const isOrderKey = (text: string): boolean => /^[0-9A-Za-z]{1,500}$/.test(text);
