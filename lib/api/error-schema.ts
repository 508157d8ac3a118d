import { z } from "zod";
import type { errorBody } from "./errors";

// The body of every error the API answers (errorBody() in errors.ts), as the API reference
// documents it. Kept apart from errors.ts, which middleware.ts's Edge bundle imports without zod.

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable and machine-readable: validation_failed, not_found, rate_limited..." }),
      message: z.string().meta({ description: "For a person: what went wrong and what to do." }),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: "The fields the error is about, each with its messages; `resource` (403, 404) names the kind of row; `requestId` (500)." }),
    }),
  })
  .meta({ id: "Error" });

// errorBody() makes this shape: a change to one without the other fails the type check.
type Documented<Body extends z.output<typeof errorBodySchema>> = Body;
export type ErrorBody = Documented<ReturnType<typeof errorBody>>;
