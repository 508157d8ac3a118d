import { z } from "zod";

/** GET /api/export: JSON (default) or CSV. */
export const exportQuerySchema = z.object({
  format: z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"),
});
