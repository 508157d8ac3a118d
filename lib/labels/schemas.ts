import { z } from "zod";
import { changesSomething, colorSchema, instantSchema, nameSchema } from "../field-schemas";
import { idSchema } from "../ids";
import { LABEL_NAME_MAX } from "./constants";

// What a client may send to the label API. Strict: any other field is refused by name.

const name = nameSchema(LABEL_NAME_MAX);

export const createLabelSchema = z.strictObject({ name, color: colorSchema.optional() });
export const updateLabelSchema = z.strictObject({ name: name.optional(), color: colorSchema.optional() }).refine(...changesSomething);

export type LabelInput = z.output<typeof createLabelSchema>;
export type LabelUpdate = z.output<typeof updateLabelSchema>;

// What the label API answers (lib/labels/service.ts Label is its output; lib/api/openapi.ts documents it).
export const labelSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    color: colorSchema,
    openTasks: z.int().meta({ description: "How many not-completed tasks carry it." }),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "Label" });

export const labelsSchema = z.object({ labels: z.array(labelSchema) }).meta({ id: "Labels" });
