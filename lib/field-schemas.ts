import { z } from "zod";
import { COLORS } from "./colors";
import { idSchema } from "./ids";

// Field schemas that more than one kind of row shares (tasks, lists, labels), with the messages
// the API answers and the page shows.

/** The field's error message, or "<Name> is required." when it was not sent at all. */
export const says = (name: string, message: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `${name} is required.` : message),
});

/** A name: text, trimmed, from 1 to `max` characters. */
export const nameSchema = (max: number) =>
  z
    .string(says("Name", "Name must be text."))
    .trim()
    .min(1, "Name is required.")
    .max(max, `Name must be at most ${max} characters.`);

export const colorSchema = z.enum(COLORS, says("Color", `Color must be one of ${COLORS.join(", ")}.`));

/** Manual order: the id of the row to go right after, or null to go first. */
export const afterSchema = z.union([idSchema, z.null()], says("after", "after must be the id of the row to go after, or null to go first."));

/** A PATCH body must change something. */
export const changesSomething = [(fields: object) => Object.keys(fields).length > 0, "Send at least one field to change."] as const;

/** A page size (`limit` in a query): a whole number from 1 to `max`, `fallback` when not sent. */
export const pageLimitSchema = (max: number, fallback: number) => {
  const message = `limit must be a whole number from 1 to ${max}.`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).default(fallback);
};

/** A time as the API answers it: ISO 8601 in UTC (Date.toISOString()). */
export const instantSchema = z.iso.datetime();
