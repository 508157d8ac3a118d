import { z } from "zod";
import { afterSchema, changesSomething, colorSchema, instantSchema, nameSchema, says } from "../field-schemas";
import { idSchema } from "../ids";
import { LIST_DELETE_MODES, LIST_NAME_MAX } from "./constants";

// What a client may send to the list API. Strict: any other field is refused by name.

const name = nameSchema(LIST_NAME_MAX);

export const createListSchema = z.strictObject({ name, color: colorSchema.optional() });

/** PATCH: rename, recolour, archive or restore, and move (`after`: the list to follow, null for first). */
export const updateListSchema = z
  .strictObject({
    name: name.optional(),
    color: colorSchema.optional(),
    archived: z.boolean(says("Archived", "Archived must be true or false.")).optional(),
    after: afterSchema.optional(),
  })
  .refine(...changesSomething);

export const deleteListQuerySchema = z.object({
  tasks: z.enum(LIST_DELETE_MODES, says("tasks", "tasks must be inbox (move the list's tasks to the Inbox) or delete (delete them with the list).")),
});

export type ListInput = z.output<typeof createListSchema>;
export type ListUpdate = z.output<typeof updateListSchema>;

// What the list API answers (lib/lists/service.ts List is its output; lib/api/openapi.ts documents it).
export const listSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    color: colorSchema,
    inbox: z.boolean().meta({ description: "The Inbox: made with the account; it cannot be renamed, archived, moved or deleted." }),
    archived: z.boolean(),
    position: z.string().meta({ description: "Its key in the manual order of lists." }),
    openTasks: z.int().meta({ description: "How many of its tasks are not completed." }),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "List" });

export const listsSchema = z.object({ lists: z.array(listSchema) }).meta({ id: "Lists" });
