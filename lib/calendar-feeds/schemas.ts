import { z } from "zod";
import { instantSchema, nameSchema, says } from "../field-schemas";
import { idSchema } from "../ids";
import { FEED_NAME_MAX } from "./constants";

// What a client may send to the calendar feed API, and what it answers. Strict: any other field
// is refused by name.

export const createCalendarFeedSchema = z
  .strictObject({
    name: nameSchema(FEED_NAME_MAX),
    /** Only this list's tasks; with neither listId nor labelId, every task with a due. */
    listId: z.union([idSchema, z.null()], says("listId", "listId must be a list id or null.")).default(null),
    /** Only the tasks with this label. */
    labelId: z.union([idSchema, z.null()], says("labelId", "labelId must be a label id or null.")).default(null),
  })
  .check((context) => {
    const { listId, labelId } = context.value;
    if (listId !== null && labelId !== null) {
      context.issues.push({ code: "custom", path: ["labelId"], input: labelId, message: "A feed is of one list or one label, not both: send listId or labelId." });
    }
  });

export type CalendarFeedInput = z.output<typeof createCalendarFeedSchema>;

export const calendarFeedSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    listId: idSchema.nullable().meta({ description: "The list it is limited to; null: not limited to a list." }),
    labelId: idSchema.nullable().meta({ description: "The label it is limited to; null: not limited to a label." }),
    createdAt: instantSchema,
    lastUsedAt: instantSchema.nullable().meta({ description: "When a calendar app last read it (written at most once an hour); null: never." }),
  })
  .meta({ id: "CalendarFeed" });

export const calendarFeedsSchema = z.object({ feeds: z.array(calendarFeedSchema) }).meta({ id: "CalendarFeeds" });

export const createdCalendarFeedSchema = z
  .object({
    feed: calendarFeedSchema,
    url: z.url().meta({ description: "The feed's private address, with its secret: shown this once, never again. Subscribe to it in a calendar app." }),
  })
  .meta({ id: "CreatedCalendarFeed" });
