import { z } from "zod";

/** A task id: a UUID (the database column's type), so anything else cannot name a task. */
export const taskIdSchema = z.uuid("Id must be a UUID.");
