import { z } from "zod";
import { instantSchema } from "../field-schemas";
import { labelSchema } from "../labels/schemas";
import { listSchema } from "../lists/schemas";
import { reminderSchema } from "../reminders/schemas";
import { taskSchema } from "../tasks/schemas";
import { EXPORT_FORMAT, EXPORT_VERSION } from "./service";

/** GET /api/export: JSON (default) or CSV. */
export const exportQuerySchema = z.object({
  format: z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"),
});

/** "Download your data" as JSON: what POST /api/import reads back (lib/export/service.ts ExportDocument). */
export const exportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: instantSchema,
    account: z.object({ name: z.string(), email: z.string(), createdAt: instantSchema }),
    lists: z.array(listSchema.pick({ id: true, name: true, color: true, inbox: true, archived: true, position: true, createdAt: true })),
    labels: z.array(labelSchema.pick({ id: true, name: true, color: true, createdAt: true })),
    tasks: z.array(taskSchema.omit({ subtasks: true })).meta({ description: "Tasks as the API answers them, without their subtask counts (the subtasks are here too)." }),
    reminders: z.array(reminderSchema).meta({ description: "The tasks' reminders, as the API answers them (sentAt: already sent, so not sent again after an import)." }),
  })
  .meta({ id: "ExportDocument" });
