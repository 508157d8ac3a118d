import { z } from "zod";
import { changesSomething, colorSchema, nameSchema } from "../field-schemas";
import { LABEL_NAME_MAX } from "./constants";

// What a client may send to the label API. Strict: any other field is refused by name.

const name = nameSchema(LABEL_NAME_MAX);

export const createLabelSchema = z.strictObject({ name, color: colorSchema.optional() });
export const updateLabelSchema = z.strictObject({ name: name.optional(), color: colorSchema.optional() }).refine(...changesSomething);

export type LabelInput = z.output<typeof createLabelSchema>;
export type LabelUpdate = z.output<typeof updateLabelSchema>;
